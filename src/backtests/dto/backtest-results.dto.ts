import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  ValidateNested,
  IsDefined,
  IsISO8601,
  IsIn,
  IsString,
  MaxLength,
} from 'class-validator';
import { IsDecimal } from '../../common/validation/decimal';

/** One trade event of POST /api/backtests/{id}/events. */
class BacktestEventInputDto {
  @ApiProperty({ type: String, format: 'date-time' })
  @IsDefined()
  @IsISO8601({ strict: true })
  ts!: string;

  @ApiProperty({ type: String, maxLength: 32 })
  @IsDefined()
  @IsString()
  @MaxLength(32)
  symbol!: string;

  @ApiProperty({ type: String, enum: ['buy', 'sell'] })
  @IsDefined()
  @IsIn(['buy', 'sell'])
  side!: string;

  @IsDefined()
  @IsDecimal({ min: '0' }, { api: { required: true } })
  qty!: string;

  @IsDefined()
  @IsDecimal({ min: '0' }, { api: { required: true } })
  price!: string;

  @ApiProperty({ type: String, maxLength: 10_000 })
  @IsDefined()
  @IsString()
  @MaxLength(10_000)
  reason!: string;

  @ApiProperty({ type: String, maxLength: 64 })
  @IsDefined()
  @IsString()
  @MaxLength(64)
  orderType!: string;

  @IsDefined()
  @IsDecimal({ min: '0' }, { api: { required: true } })
  fees!: string;

  @IsDefined()
  @IsDecimal({}, { api: { required: true } })
  slippage!: string;

  @IsDefined()
  @IsDecimal({}, { api: { required: true } })
  positionAfter!: string;

  @IsDefined()
  @IsDecimal({ min: '0' }, { api: { required: true } })
  cashAfter!: string;
}

/** One point of POST /api/backtests/{id}/equity-curve. */
class EquityPointInputDto {
  @ApiProperty({ type: String, format: 'date-time' })
  @IsDefined()
  @IsISO8601({ strict: true })
  ts!: string;

  @IsDefined()
  @IsDecimal({ min: '0' }, { api: { required: true } })
  equity!: string;

  @IsDefined()
  @IsDecimal({ min: '0' }, { api: { required: true } })
  cash!: string;

  @IsDefined()
  @IsDecimal({}, { api: { required: true } })
  exposure!: string;
}

/** A run's results arrive in bulk; the cap keeps one request's statements bounded. */
const MAX_ITEMS = 50_000;

/** POST /api/backtests/{id}/events: appended in one transaction, all or nothing. */
export class AppendEventsDto {
  @ApiProperty({ type: [BacktestEventInputDto], minItems: 1, maxItems: MAX_ITEMS })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_ITEMS)
  @ValidateNested({ each: true })
  @Type(() => BacktestEventInputDto)
  events!: BacktestEventInputDto[];
}

/** POST /api/backtests/{id}/equity-curve: appended in one transaction, all or nothing. */
export class AppendPointsDto {
  @ApiProperty({ type: [EquityPointInputDto], minItems: 1, maxItems: MAX_ITEMS })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_ITEMS)
  @ValidateNested({ each: true })
  @Type(() => EquityPointInputDto)
  points!: EquityPointInputDto[];
}
