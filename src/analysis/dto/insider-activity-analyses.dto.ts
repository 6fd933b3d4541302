import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  Allow,
  IsDefined,
  IsISO8601,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { ListQueryDto } from '../../common/pagination/list-query.dto';
import { IsDecimal } from '../../common/validation/decimal';

/** POST /api/insider-activity-analyses: a new insider activity analysis. */
export class CreateInsiderActivityAnalysisDto {
  @ApiProperty({ type: String, maxLength: 32 })
  @IsDefined()
  @IsString()
  @MaxLength(32)
  symbol!: string;

  @IsOptional()
  @IsDecimal({ min: '0' }, { api: { required: false, nullable: true } })
  totalBuys?: string | null;

  @IsOptional()
  @IsDecimal({ min: '0' }, { api: { required: false, nullable: true } })
  totalSells?: string | null;

  @IsOptional()
  @IsDecimal({}, { api: { required: false, nullable: true } })
  netActivity?: string | null;

  @IsOptional()
  @IsDecimal({}, { api: { required: false, nullable: true } })
  netValue?: string | null;

  @IsOptional()
  @IsDecimal({ min: '0' }, { api: { required: false, nullable: true } })
  buyToSellRatio?: string | null;

  @ApiPropertyOptional({ type: String, maxLength: 64, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  sentiment?: string | null;

  @ApiPropertyOptional({ description: 'any JSON value, stored as given', nullable: true })
  @IsOptional()
  @Allow()
  recentTransactionsJson?: unknown;

  @ApiPropertyOptional({ type: Number, minimum: 1, maximum: 3650, nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3650)
  analysisWindowDays?: number | null;

  @ApiProperty({ type: String, format: 'date-time' })
  @IsDefined()
  @IsISO8601({ strict: true })
  analysisDate!: string;
}

/** PATCH /api/insider-activity-analyses/{id}: any subset of the create fields. */
export class UpdateInsiderActivityAnalysisDto extends PartialType(
  CreateInsiderActivityAnalysisDto,
) {}

/** GET /api/insider-activity-analyses: paging, plus equality filters on indexed columns. */
export class ListInsiderActivityAnalysesQuery extends ListQueryDto {
  @ApiPropertyOptional({ type: String, maxLength: 32 })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  symbol?: string;
}
