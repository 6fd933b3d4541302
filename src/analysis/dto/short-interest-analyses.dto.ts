import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsDefined, IsISO8601, IsOptional, IsString, MaxLength } from 'class-validator';
import { ListQueryDto } from '../../common/pagination/list-query.dto';
import { IsDecimal } from '../../common/validation/decimal';

/** POST /api/short-interest-analyses: a new short interest analysis. */
export class CreateShortInterestAnalysisDto {
  @ApiProperty({ type: String, maxLength: 32 })
  @IsDefined()
  @IsString()
  @MaxLength(32)
  symbol!: string;

  @IsDefined()
  @IsDecimal({ min: '0' }, { api: { required: true } })
  shortRatio!: string;

  @IsOptional()
  @IsDecimal({ min: '0' }, { api: { required: false, nullable: true } })
  shortVolume?: string | null;

  @IsOptional()
  @IsDecimal({ min: '0' }, { api: { required: false, nullable: true } })
  totalVolume?: string | null;

  @IsOptional()
  @IsDecimal({ min: '0' }, { api: { required: false, nullable: true } })
  daysToCover?: string | null;

  @ApiPropertyOptional({ type: String, maxLength: 64, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  shortRatioTrend?: string | null;

  @ApiPropertyOptional({ type: String, maxLength: 64, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  squeezePotential?: string | null;

  @IsOptional()
  @IsDecimal({ min: '0' }, { api: { required: false, nullable: true } })
  averageShortRatio?: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  @IsDefined()
  @IsISO8601({ strict: true })
  analysisDate!: string;
}

/** PATCH /api/short-interest-analyses/{id}: any subset of the create fields. */
export class UpdateShortInterestAnalysisDto extends PartialType(CreateShortInterestAnalysisDto) {}

/** GET /api/short-interest-analyses: paging, plus equality filters on indexed columns. */
export class ListShortInterestAnalysesQuery extends ListQueryDto {
  @ApiPropertyOptional({ type: String, maxLength: 32 })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  symbol?: string;
}
