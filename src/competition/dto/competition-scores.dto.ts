import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  IsDefined,
  IsISO8601,
  IsInt,
  IsObject,
  IsOptional,
  IsUUID,
  Max,
  Min,
} from 'class-validator';
import { ListQueryDto } from '../../common/pagination/list-query.dto';
import { IsDecimal } from '../../common/validation/decimal';
import { INT4_MAX } from '../../common/validation/integer';

/** POST /api/competition-scores: a new competition score. */
export class CreateCompetitionScoreDto {
  @ApiProperty({ type: String, format: 'uuid' })
  @IsDefined()
  @IsUUID('all')
  runId!: string;

  @ApiProperty({ type: String, format: 'uuid' })
  @IsDefined()
  @IsUUID('all')
  traderProfileId!: string;

  @IsOptional()
  @IsDecimal({}, { api: { required: false } })
  totalPnl?: string;

  @IsOptional()
  @IsDecimal({}, { api: { required: false } })
  roi?: string;

  @IsOptional()
  @IsDecimal({}, { api: { required: false } })
  maxDrawdown?: string;

  @IsOptional()
  @IsDecimal({ min: '0', max: '1' }, { api: { required: false } })
  winRate?: string;

  @ApiPropertyOptional({ type: Number, minimum: 0, maximum: INT4_MAX, nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(INT4_MAX)
  avgHoldTime?: number | null;

  @ApiPropertyOptional({ type: Number, minimum: 0, maximum: INT4_MAX })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(INT4_MAX)
  tradeCount?: number;

  @ApiPropertyOptional({ type: Number, minimum: 0, maximum: INT4_MAX })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(INT4_MAX)
  errorCount?: number;

  @IsOptional()
  @IsDecimal({ min: '0' }, { api: { required: false, nullable: true } })
  costPerDecision?: string | null;

  @IsOptional()
  @IsDecimal({ min: '0' }, { api: { required: false, nullable: true } })
  slippageProxy?: string | null;

  @ApiPropertyOptional({ type: Number, minimum: 1, maximum: INT4_MAX, nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(INT4_MAX)
  rank?: number | null;

  @ApiPropertyOptional({ type: String, format: 'date-time' })
  @IsOptional()
  @IsISO8601({ strict: true })
  snapshotAt?: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, nullable: true })
  @IsOptional()
  @IsObject()
  details?: Record<string, unknown>;
}

/** PATCH /api/competition-scores/{id}: any subset of the create fields. */
export class UpdateCompetitionScoreDto extends PartialType(CreateCompetitionScoreDto) {}

/** GET /api/competition-scores: paging, plus equality filters on indexed columns. */
export class ListCompetitionScoresQuery extends ListQueryDto {
  @ApiPropertyOptional({ type: String, format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  runId?: string;

  @ApiPropertyOptional({ type: String, format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  traderProfileId?: string;
}
