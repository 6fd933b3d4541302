import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  IsBoolean,
  IsDefined,
  IsISO8601,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { ListQueryDto } from '../../common/pagination/list-query.dto';
import { IsDecimal } from '../../common/validation/decimal';
import { INT4_MAX } from '../../common/validation/integer';

/** POST /api/ai-trade-outcomes: a new AI trade outcome. */
export class CreateAiTradeOutcomeDto {
  @ApiProperty({ type: String, format: 'uuid' })
  @IsDefined()
  @IsUUID('all')
  decisionId!: string;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @IsOptional()
  @IsUUID('all')
  tradeId?: string | null;

  @ApiProperty({ type: String, maxLength: 32 })
  @IsDefined()
  @IsString()
  @MaxLength(32)
  symbol!: string;

  @ApiProperty({ type: String, maxLength: 64 })
  @IsDefined()
  @IsString()
  @MaxLength(64)
  action!: string;

  @IsOptional()
  @IsDecimal({ min: '0', max: '1' }, { api: { required: false, nullable: true } })
  predictionConfidence?: string | null;

  @IsOptional()
  @IsDecimal({ min: '0' }, { api: { required: false, nullable: true } })
  entryPrice?: string | null;

  @IsOptional()
  @IsDecimal({ min: '0' }, { api: { required: false, nullable: true } })
  exitPrice?: string | null;

  @IsOptional()
  @IsDecimal({ min: '0' }, { api: { required: false, nullable: true } })
  quantity?: string | null;

  @IsOptional()
  @IsDecimal({}, { api: { required: false, nullable: true } })
  realizedPnl?: string | null;

  @IsOptional()
  @IsDecimal({}, { api: { required: false, nullable: true } })
  realizedPnlPercent?: string | null;

  @ApiPropertyOptional({ type: Number, minimum: 0, maximum: INT4_MAX, nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(INT4_MAX)
  holdingTimeMs?: number | null;

  @ApiPropertyOptional({ type: Boolean, nullable: true })
  @IsOptional()
  @IsBoolean()
  isWin?: boolean | null;

  @IsOptional()
  @IsDecimal({}, { api: { required: false, nullable: true } })
  slippagePercent?: string | null;

  @ApiPropertyOptional({ type: Boolean, nullable: true })
  @IsOptional()
  @IsBoolean()
  targetPriceHit?: boolean | null;

  @ApiPropertyOptional({ type: Boolean, nullable: true })
  @IsOptional()
  @IsBoolean()
  stopLossHit?: boolean | null;

  @IsOptional()
  @IsDecimal({}, { api: { required: false, nullable: true } })
  maxDrawdown?: string | null;

  @IsOptional()
  @IsDecimal({}, { api: { required: false, nullable: true } })
  maxGain?: string | null;

  @ApiPropertyOptional({ type: String, maxLength: 64, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  marketSessionAtEntry?: string | null;

  @ApiPropertyOptional({ type: String, maxLength: 64, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  marketSessionAtExit?: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @IsOptional()
  @IsUUID('all')
  strategyId?: string | null;

  @ApiPropertyOptional({ type: String, maxLength: 10_000, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  exitReason?: string | null;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  @IsOptional()
  @IsISO8601({ strict: true })
  closedAt?: string | null;
}

/** PATCH /api/ai-trade-outcomes/{id}: any subset of the create fields. */
export class UpdateAiTradeOutcomeDto extends PartialType(CreateAiTradeOutcomeDto) {}

/** GET /api/ai-trade-outcomes: paging, plus equality filters on indexed columns. */
export class ListAiTradeOutcomesQuery extends ListQueryDto {
  @ApiPropertyOptional({ type: String, format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  decisionId?: string;

  @ApiPropertyOptional({ type: String, format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  tradeId?: string;

  @ApiPropertyOptional({ type: String, maxLength: 32 })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  symbol?: string;
}
