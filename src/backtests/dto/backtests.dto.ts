import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsDefined,
  IsIn,
  IsInt,
  IsObject,
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

/** POST /api/backtests: a new backtest. */
export class CreateBacktestRunDto {
  @ApiPropertyOptional({ type: String, enum: ['QUEUED', 'RUNNING', 'DONE', 'FAILED'] })
  @IsOptional()
  @IsIn(['QUEUED', 'RUNNING', 'DONE', 'FAILED'])
  status?: string;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @IsOptional()
  @IsUUID('all')
  strategyId?: string | null;

  @ApiProperty({ type: String, maxLength: 255 })
  @IsDefined()
  @IsString()
  @MaxLength(255)
  strategyConfigHash!: string;

  @ApiProperty({ type: 'object', additionalProperties: true })
  @IsDefined()
  @IsObject()
  strategyConfig!: Record<string, unknown>;

  @ApiProperty({ type: [String], maxItems: 1000 })
  @IsDefined()
  @IsArray()
  @ArrayMaxSize(1000)
  @IsString({ each: true })
  @MaxLength(32, { each: true })
  universe!: string[];

  @ApiProperty({ type: String, maxLength: 64 })
  @IsDefined()
  @IsString()
  @MaxLength(64)
  broker!: string;

  @ApiProperty({ type: String, maxLength: 64 })
  @IsDefined()
  @IsString()
  @MaxLength(64)
  timeframe!: string;

  @ApiProperty({ type: String, maxLength: 64 })
  @IsDefined()
  @IsString()
  @MaxLength(64)
  startDate!: string;

  @ApiProperty({ type: String, maxLength: 64 })
  @IsDefined()
  @IsString()
  @MaxLength(64)
  endDate!: string;

  @IsDefined()
  @IsDecimal({ min: '0' }, { api: { required: true } })
  initialCash!: string;

  @ApiProperty({ type: 'object', additionalProperties: true })
  @IsDefined()
  @IsObject()
  feesModel!: Record<string, unknown>;

  @ApiProperty({ type: 'object', additionalProperties: true })
  @IsDefined()
  @IsObject()
  slippageModel!: Record<string, unknown>;

  @ApiProperty({ type: String, maxLength: 64 })
  @IsDefined()
  @IsString()
  @MaxLength(64)
  executionPriceRule!: string;

  @ApiProperty({ type: String, maxLength: 64 })
  @IsDefined()
  @IsString()
  @MaxLength(64)
  dataSource!: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, nullable: true })
  @IsOptional()
  @IsObject()
  provenance?: Record<string, unknown>;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, nullable: true })
  @IsOptional()
  @IsObject()
  resultsSummary?: Record<string, unknown>;

  @ApiPropertyOptional({ type: String, maxLength: 10_000, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  errorMessage?: string | null;

  @ApiPropertyOptional({ type: Number, minimum: 0, maximum: INT4_MAX, nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(INT4_MAX)
  runtimeMs?: number | null;
}

/** PATCH /api/backtests/{id}: any subset of the create fields. */
export class UpdateBacktestRunDto extends PartialType(CreateBacktestRunDto) {}

/** GET /api/backtests: paging, plus equality filters on indexed columns. */
export class ListBacktestsQuery extends ListQueryDto {
  @ApiPropertyOptional({ type: String, format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  strategyId?: string;

  @ApiPropertyOptional({ type: String, enum: ['QUEUED', 'RUNNING', 'DONE', 'FAILED'] })
  @IsOptional()
  @IsIn(['QUEUED', 'RUNNING', 'DONE', 'FAILED'])
  status?: string;
}
