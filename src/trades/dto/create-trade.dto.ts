import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { IsDecimal } from '../../common/validation/decimal';
import { SYMBOL_PATTERN, toUpperCaseSymbol } from '../../common/validation/symbol';

export const TRADE_SIDES = ['buy', 'sell'] as const;
export const TRADE_STATUSES = ['pending', 'completed', 'cancelled', 'failed'] as const;

export class CreateTradeDto {
  @ApiProperty({ example: 'AAPL', description: 'upper-cased on input' })
  @Transform(toUpperCaseSymbol)
  @IsString()
  @Matches(SYMBOL_PATTERN, {
    message: 'symbol must be a ticker symbol (A-Z first, then A-Z 0-9 . -, at most 15)',
  })
  symbol!: string;

  @ApiProperty({ enum: TRADE_SIDES })
  @IsIn(TRADE_SIDES, { message: 'side must be buy or sell' })
  side!: (typeof TRADE_SIDES)[number];

  @IsDecimal({ positive: true }, { api: { example: '10' } })
  quantity!: string;

  @IsDecimal({ positive: true }, { api: { example: '187.25' } })
  price!: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'must be an existing strategy (422 otherwise)',
  })
  @IsOptional()
  @IsUUID('all', { message: 'strategyId must be a UUID' })
  strategyId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'must be an existing order (422 otherwise)' })
  @IsOptional()
  @IsUUID('all', { message: 'orderId must be a UUID' })
  orderId?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'defaults to now' })
  @IsOptional()
  @IsISO8601({ strict: true })
  executedAt?: string;

  @IsOptional()
  @IsDecimal({}, { api: { required: false, example: '-12.5' } })
  pnl?: string;

  @ApiPropertyOptional({ enum: TRADE_STATUSES, default: 'completed' })
  @IsOptional()
  @IsIn(TRADE_STATUSES)
  status?: (typeof TRADE_STATUSES)[number];

  @ApiPropertyOptional({ maxLength: 4000 })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  notes?: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  traceId?: string;
}
