import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  IsDefined,
  IsISO8601,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
} from 'class-validator';
import { ListQueryDto } from '../../common/pagination/list-query.dto';
import { IsDecimal } from '../../common/validation/decimal';

/** POST /api/backtest-trade-events: a new backtest trade event. */
export class CreateBacktestTradeEventDto {
  @ApiProperty({ type: String, format: 'uuid' })
  @IsDefined()
  @IsUUID('all')
  runId!: string;

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

/** PATCH /api/backtest-trade-events/{id}: any subset of the create fields. */
export class UpdateBacktestTradeEventDto extends PartialType(CreateBacktestTradeEventDto) {}

/** GET /api/backtest-trade-events: paging, plus equality filters on indexed columns. */
export class ListBacktestTradeEventsQuery extends ListQueryDto {
  @ApiPropertyOptional({ type: String, format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  runId?: string;

  @ApiPropertyOptional({ type: String, maxLength: 32 })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  symbol?: string;
}
