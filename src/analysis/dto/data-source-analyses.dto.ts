import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Allow, IsDefined, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { ListQueryDto } from '../../common/pagination/list-query.dto';
import { IsDecimal } from '../../common/validation/decimal';

/** POST /api/data-source-analyses: a new data source analysis. */
export class CreateDataSourceAnalysisDto {
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @IsOptional()
  @IsUUID('all')
  decisionId?: string | null;

  @ApiProperty({ type: String, maxLength: 32 })
  @IsDefined()
  @IsString()
  @MaxLength(32)
  symbol!: string;

  @ApiProperty({ type: String, maxLength: 64 })
  @IsDefined()
  @IsString()
  @MaxLength(64)
  source!: string;

  @ApiProperty({ type: String, maxLength: 64 })
  @IsDefined()
  @IsString()
  @MaxLength(64)
  analysisType!: string;

  @ApiProperty({ description: 'any JSON value, stored as given' })
  @IsDefined()
  @Allow()
  dataJson!: unknown;

  @IsOptional()
  @IsDecimal({}, { api: { required: false, nullable: true } })
  score?: string | null;

  @ApiPropertyOptional({ type: String, maxLength: 64, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  signal?: string | null;

  @IsOptional()
  @IsDecimal({ min: '0', max: '1' }, { api: { required: false, nullable: true } })
  confidence?: string | null;

  @IsOptional()
  @IsDecimal({}, { api: { required: false, nullable: true } })
  reliability?: string | null;
}

/** PATCH /api/data-source-analyses/{id}: any subset of the create fields. */
export class UpdateDataSourceAnalysisDto extends PartialType(CreateDataSourceAnalysisDto) {}

/** GET /api/data-source-analyses: paging, plus equality filters on indexed columns. */
export class ListDataSourceAnalysesQuery extends ListQueryDto {
  @ApiPropertyOptional({ type: String, format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  decisionId?: string;

  @ApiPropertyOptional({ type: String, maxLength: 32 })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  symbol?: string;

  @ApiPropertyOptional({ type: String, maxLength: 64 })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  source?: string;
}
