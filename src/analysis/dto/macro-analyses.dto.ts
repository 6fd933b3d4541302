import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsDefined, IsISO8601, IsObject, IsOptional, IsString, MaxLength } from 'class-validator';
import { ListQueryDto } from '../../common/pagination/list-query.dto';
import { IsDecimal } from '../../common/validation/decimal';

/** POST /api/macro-analyses: a new macro analysis. */
export class CreateMacroAnalysisDto {
  @IsOptional()
  @IsDecimal({ min: '0' }, { api: { required: false, nullable: true } })
  vix?: string | null;

  @IsOptional()
  @IsDecimal({}, { api: { required: false, nullable: true } })
  fedFundsRate?: string | null;

  @IsOptional()
  @IsDecimal({}, { api: { required: false, nullable: true } })
  yieldCurve?: string | null;

  @IsOptional()
  @IsDecimal({}, { api: { required: false, nullable: true } })
  inflation?: string | null;

  @IsOptional()
  @IsDecimal({}, { api: { required: false, nullable: true } })
  unemployment?: string | null;

  @ApiPropertyOptional({ type: String, maxLength: 64, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  marketRegime?: string | null;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, nullable: true })
  @IsOptional()
  @IsObject()
  indicatorsJson?: Record<string, unknown>;

  @ApiProperty({ type: String, format: 'date-time' })
  @IsDefined()
  @IsISO8601({ strict: true })
  analysisDate!: string;
}

/** PATCH /api/macro-analyses/{id}: any subset of the create fields. */
export class UpdateMacroAnalysisDto extends PartialType(CreateMacroAnalysisDto) {}

/** GET /api/macro-analyses: paging, plus equality filters on indexed columns. */
export class ListMacroAnalysesQuery extends ListQueryDto {}
