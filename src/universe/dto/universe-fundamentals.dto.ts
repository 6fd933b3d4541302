import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Allow, IsDefined, IsISO8601, IsOptional, IsString, MaxLength } from 'class-validator';
import { ListQueryDto } from '../../common/pagination/list-query.dto';
import { IsDecimal } from '../../common/validation/decimal';

/** POST /api/universe-fundamentals: a new fundamentals. */
export class CreateUniverseFundamentalsDto {
  @ApiProperty({ type: String, maxLength: 32 })
  @IsDefined()
  @IsString()
  @MaxLength(32)
  symbol!: string;

  @IsOptional()
  @IsDecimal({ min: '0' }, { api: { required: false, nullable: true } })
  marketCap?: string | null;

  @IsOptional()
  @IsDecimal({}, { api: { required: false, nullable: true } })
  revenueTtm?: string | null;

  @IsOptional()
  @IsDecimal({}, { api: { required: false, nullable: true } })
  revenueCagr3y?: string | null;

  @IsOptional()
  @IsDecimal({}, { api: { required: false, nullable: true } })
  grossMargin?: string | null;

  @IsOptional()
  @IsDecimal({}, { api: { required: false, nullable: true } })
  operatingMargin?: string | null;

  @IsOptional()
  @IsDecimal({}, { api: { required: false, nullable: true } })
  netMargin?: string | null;

  @IsOptional()
  @IsDecimal({}, { api: { required: false, nullable: true } })
  freeCashFlowMargin?: string | null;

  @IsOptional()
  @IsDecimal({}, { api: { required: false, nullable: true } })
  debtToEquity?: string | null;

  @IsOptional()
  @IsDecimal({}, { api: { required: false, nullable: true } })
  sharesDilution1y?: string | null;

  @IsOptional()
  @IsDecimal({}, { api: { required: false, nullable: true } })
  peRatio?: string | null;

  @IsOptional()
  @IsDecimal({}, { api: { required: false, nullable: true } })
  priceToBook?: string | null;

  @IsOptional()
  @IsDecimal({}, { api: { required: false, nullable: true } })
  beta?: string | null;

  @IsOptional()
  @IsDecimal({ min: '0' }, { api: { required: false, nullable: true } })
  week52High?: string | null;

  @IsOptional()
  @IsDecimal({ min: '0' }, { api: { required: false, nullable: true } })
  week52Low?: string | null;

  @IsOptional()
  @IsDecimal({ min: '0' }, { api: { required: false, nullable: true } })
  dividendYield?: string | null;

  @ApiPropertyOptional({ type: String, maxLength: 64, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  sector?: string | null;

  @ApiPropertyOptional({ type: String, maxLength: 64, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  industry?: string | null;

  @ApiProperty({ type: String, maxLength: 64 })
  @IsDefined()
  @IsString()
  @MaxLength(64)
  source!: string;

  @ApiPropertyOptional({ type: String, format: 'date-time' })
  @IsOptional()
  @IsISO8601({ strict: true })
  lastUpdatedAt?: string;

  @ApiPropertyOptional({ description: 'any JSON value, stored as given', nullable: true })
  @IsOptional()
  @Allow()
  rawJson?: unknown;
}

/** PATCH /api/universe-fundamentals/{id}: any subset of the create fields. */
export class UpdateUniverseFundamentalsDto extends PartialType(CreateUniverseFundamentalsDto) {}

/** GET /api/universe-fundamentals: paging, plus equality filters on indexed columns. */
export class ListUniverseFundamentalsQuery extends ListQueryDto {
  @ApiPropertyOptional({ type: String, maxLength: 32 })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  symbol?: string;

  @ApiPropertyOptional({ type: String, maxLength: 64 })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  sector?: string;
}
