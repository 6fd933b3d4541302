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
import { INT4_MAX } from '../../common/validation/integer';

/** POST /api/external-api-cache-entries: a new cache entry. */
export class CreateExternalApiCacheEntryDto {
  @ApiProperty({ type: String, maxLength: 64 })
  @IsDefined()
  @IsString()
  @MaxLength(64)
  provider!: string;

  @ApiProperty({ type: String, maxLength: 255 })
  @IsDefined()
  @IsString()
  @MaxLength(255)
  cacheKey!: string;

  @ApiProperty({ type: String, maxLength: 100_000 })
  @IsDefined()
  @IsString()
  @MaxLength(100_000)
  responseJson!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  @IsDefined()
  @IsISO8601({ strict: true })
  expiresAt!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  @IsDefined()
  @IsISO8601({ strict: true })
  staleUntilAt!: string;

  @ApiPropertyOptional({ type: Number, minimum: 0, maximum: INT4_MAX })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(INT4_MAX)
  hitCount?: number;

  @ApiPropertyOptional({ type: String, format: 'date-time' })
  @IsOptional()
  @IsISO8601({ strict: true })
  lastAccessedAt?: string;
}

/** PATCH /api/external-api-cache-entries/{id}: any subset of the create fields. */
export class UpdateExternalApiCacheEntryDto extends PartialType(CreateExternalApiCacheEntryDto) {}

/** GET /api/external-api-cache-entries: paging, plus equality filters on indexed columns. */
export class ListExternalApiCacheEntriesQuery extends ListQueryDto {
  @ApiPropertyOptional({ type: String, maxLength: 64 })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  provider?: string;

  @ApiPropertyOptional({ type: String, maxLength: 255 })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  cacheKey?: string;
}
