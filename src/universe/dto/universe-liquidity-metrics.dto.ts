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

/** POST /api/universe-liquidity-metrics: a new liquidity metrics. */
export class CreateUniverseLiquidityMetricsDto {
  @ApiProperty({ type: String, maxLength: 32 })
  @IsDefined()
  @IsString()
  @MaxLength(32)
  symbol!: string;

  @IsOptional()
  @IsDecimal({ min: '0' }, { api: { required: false, nullable: true } })
  avgDailyVolumeShares?: string | null;

  @IsOptional()
  @IsDecimal({ min: '0' }, { api: { required: false, nullable: true } })
  avgDailyTradedValueUsd?: string | null;

  @IsOptional()
  @IsDecimal({ min: '0' }, { api: { required: false, nullable: true } })
  avgBidAskSpreadPct?: string | null;

  @IsOptional()
  @IsDecimal({ min: '0' }, { api: { required: false, nullable: true } })
  latestPrice?: string | null;

  @ApiPropertyOptional({ type: Number, minimum: 1, maximum: 3650, nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3650)
  priceDataDays?: number | null;

  @ApiPropertyOptional({ type: String, maxLength: 64, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  liquidityTier?: string | null;

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

/** PATCH /api/universe-liquidity-metrics/{id}: any subset of the create fields. */
export class UpdateUniverseLiquidityMetricsDto extends PartialType(
  CreateUniverseLiquidityMetricsDto,
) {}

/** GET /api/universe-liquidity-metrics: paging, plus equality filters on indexed columns. */
export class ListUniverseLiquidityMetricsQuery extends ListQueryDto {
  @ApiPropertyOptional({ type: String, maxLength: 32 })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  symbol?: string;

  @ApiPropertyOptional({ type: String, maxLength: 64 })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  liquidityTier?: string;
}
