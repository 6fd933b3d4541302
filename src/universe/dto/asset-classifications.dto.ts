import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Allow, IsDefined, IsISO8601, IsOptional, IsString, MaxLength } from 'class-validator';
import { ListQueryDto } from '../../common/pagination/list-query.dto';
import { IsDecimal } from '../../common/validation/decimal';

/** POST /api/asset-classifications: a new asset classification. */
export class CreateAssetClassificationDto {
  @ApiProperty({ type: String, maxLength: 32 })
  @IsDefined()
  @IsString()
  @MaxLength(32)
  symbol!: string;

  @ApiPropertyOptional({ type: String, maxLength: 64, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  assetClass?: string | null;

  @ApiPropertyOptional({ type: String, maxLength: 64, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  marketCapTier?: string | null;

  @ApiPropertyOptional({ type: String, maxLength: 64, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  liquidityTier?: string | null;

  @ApiPropertyOptional({ type: String, maxLength: 64, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  volatilityTier?: string | null;

  @ApiPropertyOptional({ type: String, maxLength: 64, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  trendStrength?: string | null;

  @IsOptional()
  @IsDecimal({}, { api: { required: false, nullable: true } })
  momentumScore?: string | null;

  @IsOptional()
  @IsDecimal({}, { api: { required: false, nullable: true } })
  valueScore?: string | null;

  @IsOptional()
  @IsDecimal({}, { api: { required: false, nullable: true } })
  qualityScore?: string | null;

  @ApiPropertyOptional({ type: String, format: 'date-time' })
  @IsOptional()
  @IsISO8601({ strict: true })
  lastUpdatedAt?: string;

  @ApiProperty({ type: String, maxLength: 64 })
  @IsDefined()
  @IsString()
  @MaxLength(64)
  source!: string;

  @ApiPropertyOptional({ description: 'any JSON value, stored as given', nullable: true })
  @IsOptional()
  @Allow()
  rawJson?: unknown;
}

/** PATCH /api/asset-classifications/{id}: any subset of the create fields. */
export class UpdateAssetClassificationDto extends PartialType(CreateAssetClassificationDto) {}

/** GET /api/asset-classifications: paging, plus equality filters on indexed columns. */
export class ListAssetClassificationsQuery extends ListQueryDto {
  @ApiPropertyOptional({ type: String, maxLength: 32 })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  symbol?: string;

  @ApiPropertyOptional({ type: String, maxLength: 64 })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  assetClass?: string;

  @ApiPropertyOptional({ type: String, maxLength: 64 })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  marketCapTier?: string;
}
