import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
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
import { INT4_MAX } from '../../common/validation/integer';

/** POST /api/external-api-usage-counters: a new usage counter. */
export class CreateExternalApiUsageCounterDto {
  @ApiProperty({ type: String, maxLength: 64 })
  @IsDefined()
  @IsString()
  @MaxLength(64)
  provider!: string;

  @ApiProperty({ type: String, maxLength: 64 })
  @IsDefined()
  @IsString()
  @MaxLength(64)
  windowType!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  @IsDefined()
  @IsISO8601({ strict: true })
  windowStart!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  @IsDefined()
  @IsISO8601({ strict: true })
  windowEnd!: string;

  @ApiPropertyOptional({ type: Number, minimum: 0, maximum: INT4_MAX })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(INT4_MAX)
  requestCount?: number;

  @ApiPropertyOptional({ type: Number, minimum: 0, maximum: INT4_MAX, nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(INT4_MAX)
  tokenCount?: number | null;

  @ApiPropertyOptional({ type: Number, minimum: 0, maximum: INT4_MAX })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(INT4_MAX)
  errorCount?: number;

  @ApiPropertyOptional({ type: Number, minimum: 0, maximum: INT4_MAX })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(INT4_MAX)
  rateLimitHits?: number;

  @ApiPropertyOptional({ type: Number, minimum: 0, maximum: INT4_MAX })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(INT4_MAX)
  cacheHits?: number;

  @ApiPropertyOptional({ type: Number, minimum: 0, maximum: INT4_MAX })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(INT4_MAX)
  cacheMisses?: number;

  @IsOptional()
  @IsDecimal({ min: '0' }, { api: { required: false, nullable: true } })
  avgLatencyMs?: string | null;
}

/** PATCH /api/external-api-usage-counters/{id}: any subset of the create fields. */
export class UpdateExternalApiUsageCounterDto extends PartialType(
  CreateExternalApiUsageCounterDto,
) {}

/** GET /api/external-api-usage-counters: paging, plus equality filters on indexed columns. */
export class ListExternalApiUsageCountersQuery extends ListQueryDto {
  @ApiPropertyOptional({ type: String, maxLength: 64 })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  provider?: string;

  @ApiPropertyOptional({ type: String, maxLength: 64 })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  windowType?: string;
}
