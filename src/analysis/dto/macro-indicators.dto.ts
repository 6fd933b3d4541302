import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Allow, IsDefined, IsISO8601, IsOptional, IsString, MaxLength } from 'class-validator';
import { ListQueryDto } from '../../common/pagination/list-query.dto';
import { IsDecimal } from '../../common/validation/decimal';

/** POST /api/macro-indicators: a new macro indicator. */
export class CreateMacroIndicatorDto {
  @ApiProperty({ type: String, maxLength: 255 })
  @IsDefined()
  @IsString()
  @MaxLength(255)
  indicatorId!: string;

  @ApiProperty({ type: String, maxLength: 255 })
  @IsDefined()
  @IsString()
  @MaxLength(255)
  name!: string;

  @ApiProperty({ type: String, maxLength: 64 })
  @IsDefined()
  @IsString()
  @MaxLength(64)
  category!: string;

  @IsOptional()
  @IsDecimal({}, { api: { required: false, nullable: true } })
  latestValue?: string | null;

  @IsOptional()
  @IsDecimal({}, { api: { required: false, nullable: true } })
  previousValue?: string | null;

  @IsOptional()
  @IsDecimal({}, { api: { required: false, nullable: true } })
  changePercent?: string | null;

  @ApiPropertyOptional({ type: String, maxLength: 64, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  frequency?: string | null;

  @ApiPropertyOptional({ type: String, format: 'date-time' })
  @IsOptional()
  @IsISO8601({ strict: true })
  lastUpdatedAt?: string;

  @ApiPropertyOptional({ type: String, maxLength: 64 })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  source?: string;

  @ApiPropertyOptional({ description: 'any JSON value, stored as given', nullable: true })
  @IsOptional()
  @Allow()
  rawJson?: unknown;
}

/** PATCH /api/macro-indicators/{id}: any subset of the create fields. */
export class UpdateMacroIndicatorDto extends PartialType(CreateMacroIndicatorDto) {}

/** GET /api/macro-indicators: paging, plus equality filters on indexed columns. */
export class ListMacroIndicatorsQuery extends ListQueryDto {
  @ApiPropertyOptional({ type: String, maxLength: 64 })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  category?: string;

  @ApiPropertyOptional({ type: String, maxLength: 255 })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  indicatorId?: string;
}
