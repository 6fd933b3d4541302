import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { IsDecimal } from '../../common/validation/decimal';
import { SYMBOL_PATTERN, toUpperCaseSymbol } from '../../common/validation/symbol';

export const ORDER_SIDES = ['buy', 'sell'] as const;
export const ORDER_TYPES = ['market', 'limit', 'stop', 'stop_limit', 'trailing_stop'] as const;
export const ORDER_STATUSES = [
  'new',
  'accepted',
  'pending_new',
  'partially_filled',
  'filled',
  'canceled',
  'expired',
  'rejected',
  'failed',
] as const;
export const TIME_IN_FORCE = ['day', 'gtc', 'opg', 'cls', 'ioc', 'fok'] as const;

export class CreateOrderDto {
  @ApiProperty({ example: 'alpaca' })
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  broker!: string;

  @ApiProperty({ description: "the broker's order id (unique)" })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  brokerOrderId!: string;

  @ApiPropertyOptional({ description: 'our client order id (unique)' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  clientOrderId?: string;

  @ApiProperty({ example: 'AAPL' })
  @Transform(toUpperCaseSymbol)
  @IsString()
  @Matches(SYMBOL_PATTERN, { message: 'symbol must be a ticker symbol' })
  symbol!: string;

  @ApiProperty({ enum: ORDER_SIDES })
  @IsIn(ORDER_SIDES, { message: 'side must be buy or sell' })
  side!: string;

  @ApiProperty({ enum: ORDER_TYPES })
  @IsIn(ORDER_TYPES, { message: `type must be one of ${ORDER_TYPES.join(', ')}` })
  type!: string;

  @ApiPropertyOptional({ enum: TIME_IN_FORCE })
  @IsOptional()
  @IsIn(TIME_IN_FORCE)
  timeInForce?: string;

  @IsOptional()
  @IsDecimal({ positive: true }, { api: { required: false, example: '10' } })
  qty?: string;

  @IsOptional()
  @IsDecimal({ positive: true }, { api: { required: false } })
  notional?: string;

  @IsOptional()
  @IsDecimal({ positive: true }, { api: { required: false } })
  limitPrice?: string;

  @IsOptional()
  @IsDecimal({ positive: true }, { api: { required: false } })
  stopPrice?: string;

  @ApiPropertyOptional({ enum: ORDER_STATUSES, default: 'new' })
  @IsOptional()
  @IsIn(ORDER_STATUSES)
  status?: string;

  @ApiPropertyOptional() @IsOptional() @IsBoolean() extendedHours?: boolean;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(50) orderClass?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'defaults to now' })
  @IsOptional()
  @IsISO8601({ strict: true })
  submittedAt?: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) traceId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: "the caller's AI decision" })
  @IsOptional()
  @IsUUID('all')
  decisionId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: "the caller's trade this order is meant to open",
  })
  @IsOptional()
  @IsUUID('all')
  tradeIntentId?: string;
}
