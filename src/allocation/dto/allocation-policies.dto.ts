import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  IsBoolean,
  IsDefined,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { ListQueryDto } from '../../common/pagination/list-query.dto';
import { BooleanQuery } from '../../common/validation/boolean-query';
import { IsDecimal } from '../../common/validation/decimal';
import { INT4_MAX } from '../../common/validation/integer';

/** POST /api/allocation-policies: a new allocation policy. */
export class CreateAllocationPolicyDto {
  @ApiProperty({ type: String, maxLength: 255 })
  @IsDefined()
  @IsString()
  @MaxLength(255)
  name!: string;

  @ApiPropertyOptional({ type: String, maxLength: 10_000, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  description?: string | null;

  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @IsBoolean()
  isActive?: boolean;

  @IsOptional()
  @IsDecimal({ min: '0', max: '100' }, { api: { required: false, nullable: true } })
  maxPositionWeightPct?: string | null;

  @IsOptional()
  @IsDecimal({ min: '0', max: '100' }, { api: { required: false, nullable: true } })
  maxSectorWeightPct?: string | null;

  @ApiPropertyOptional({ type: String, maxLength: 64, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  minLiquidityTier?: string | null;

  @IsOptional()
  @IsDecimal({}, { api: { required: false, nullable: true } })
  profitTakingThresholdPct?: string | null;

  @IsOptional()
  @IsDecimal({}, { api: { required: false, nullable: true } })
  overweightThresholdPct?: string | null;

  @ApiPropertyOptional({ type: Number, minimum: 1, maximum: INT4_MAX, nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(INT4_MAX)
  rotationTopN?: number | null;

  @ApiPropertyOptional({ type: String, maxLength: 64, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  rebalanceFrequency?: string | null;
}

/** PATCH /api/allocation-policies/{id}: any subset of the create fields. */
export class UpdateAllocationPolicyDto extends PartialType(CreateAllocationPolicyDto) {}

/** GET /api/allocation-policies: paging, plus equality filters on indexed columns. */
export class ListAllocationPoliciesQuery extends ListQueryDto {
  @ApiPropertyOptional({ type: Boolean })
  @BooleanQuery()
  isActive?: boolean;
}
