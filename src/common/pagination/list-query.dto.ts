import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { BooleanQuery } from '../validation/boolean-query';

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 500;

/** Paging parameters every list endpoint accepts; feature DTOs extend this with their filters. */
export class ListQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_LIMIT)
  limit: number = DEFAULT_LIMIT;

  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset: number = 0;

  @ApiPropertyOptional({
    description: 'opaque keyset cursor from a previous nextCursor; wins over offset',
  })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  cursor?: string;

  @ApiPropertyOptional({
    type: Boolean,
    default: false,
    description:
      'true: also return the exact count of the matching rows in `total` (costs a count over them)',
  })
  @BooleanQuery()
  includeTotal?: boolean;
}
