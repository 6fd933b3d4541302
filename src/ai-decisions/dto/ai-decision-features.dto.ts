import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  IsDefined,
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

/** POST /api/ai-decision-features: a new AI decision features. */
export class CreateAiDecisionFeaturesDto {
  @ApiProperty({ type: String, format: 'uuid' })
  @IsDefined()
  @IsUUID('all')
  decisionId!: string;

  @ApiProperty({ type: String, maxLength: 32 })
  @IsDefined()
  @IsString()
  @MaxLength(32)
  symbol!: string;

  @IsOptional()
  @IsDecimal({ min: '0' }, { api: { required: false, nullable: true } })
  volatility?: string | null;

  @IsOptional()
  @IsDecimal({}, { api: { required: false, nullable: true } })
  trendStrength?: string | null;

  @IsOptional()
  @IsDecimal({}, { api: { required: false, nullable: true } })
  signalAgreement?: string | null;

  @IsOptional()
  @IsDecimal({}, { api: { required: false, nullable: true } })
  sentimentScore?: string | null;

  @IsOptional()
  @IsDecimal({}, { api: { required: false, nullable: true } })
  peRatio?: string | null;

  @IsOptional()
  @IsDecimal({}, { api: { required: false, nullable: true } })
  pbRatio?: string | null;

  @IsOptional()
  @IsDecimal({ min: '0', max: '100' }, { api: { required: false, nullable: true } })
  rsi?: string | null;

  @ApiPropertyOptional({ type: String, maxLength: 64, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  macdSignal?: string | null;

  @IsOptional()
  @IsDecimal({}, { api: { required: false, nullable: true } })
  volumeRatio?: string | null;

  @IsOptional()
  @IsDecimal({}, { api: { required: false, nullable: true } })
  priceChangePercent?: string | null;

  @ApiPropertyOptional({ type: String, maxLength: 64, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  marketCondition?: string | null;

  @IsOptional()
  @IsDecimal({}, { api: { required: false, nullable: true } })
  dataQuality?: string | null;

  @ApiPropertyOptional({ type: Number, minimum: 0, maximum: INT4_MAX, nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(INT4_MAX)
  activeSources?: number | null;

  @ApiPropertyOptional({ type: String, maxLength: 10_000, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  featureVector?: string | null;
}

/** PATCH /api/ai-decision-features/{id}: any subset of the create fields. */
export class UpdateAiDecisionFeaturesDto extends PartialType(CreateAiDecisionFeaturesDto) {}

/** GET /api/ai-decision-features: paging, plus equality filters on indexed columns. */
export class ListAiDecisionFeaturesQuery extends ListQueryDto {
  @ApiPropertyOptional({ type: String, format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  decisionId?: string;

  @ApiPropertyOptional({ type: String, maxLength: 32 })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  symbol?: string;
}
