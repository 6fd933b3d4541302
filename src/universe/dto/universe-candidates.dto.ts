import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsDefined,
  IsIn,
  IsOptional,
  IsString,
  MaxLength,
} from 'class-validator';
import { ListQueryDto } from '../../common/pagination/list-query.dto';
import { IsDecimal } from '../../common/validation/decimal';

/** POST /api/universe-candidates: a new universe candidate. */
export class CreateUniverseCandidateDto {
  @ApiProperty({ type: String, maxLength: 32 })
  @IsDefined()
  @IsString()
  @MaxLength(32)
  symbol!: string;

  @ApiProperty({ type: String, maxLength: 64 })
  @IsDefined()
  @IsString()
  @MaxLength(64)
  tier!: string;

  @IsOptional()
  @IsDecimal({ min: '0' }, { api: { required: false, nullable: true } })
  liquidityScore?: string | null;

  @IsOptional()
  @IsDecimal({}, { api: { required: false, nullable: true } })
  growthScore?: string | null;

  @IsOptional()
  @IsDecimal({}, { api: { required: false, nullable: true } })
  qualityScore?: string | null;

  @IsOptional()
  @IsDecimal({}, { api: { required: false, nullable: true } })
  finalScore?: string | null;

  @ApiPropertyOptional({ type: 'array', items: {}, maxItems: 1000, nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  themeTags?: unknown[];

  @ApiPropertyOptional({ type: String, maxLength: 10_000, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  rationale?: string | null;

  @ApiPropertyOptional({ type: String, enum: ['NEW', 'WATCHLIST', 'APPROVED', 'REJECTED'] })
  @IsOptional()
  @IsIn(['NEW', 'WATCHLIST', 'APPROVED', 'REJECTED'])
  status?: string;

  @ApiPropertyOptional({ type: String, maxLength: 255, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  traceId?: string | null;
}

/** PATCH /api/universe-candidates/{id}: any subset of the create fields. */
export class UpdateUniverseCandidateDto extends PartialType(CreateUniverseCandidateDto) {}

/** GET /api/universe-candidates: paging, plus equality filters on indexed columns. */
export class ListUniverseCandidatesQuery extends ListQueryDto {
  @ApiPropertyOptional({ type: String, maxLength: 32 })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  symbol?: string;

  @ApiPropertyOptional({ type: String, enum: ['NEW', 'WATCHLIST', 'APPROVED', 'REJECTED'] })
  @IsOptional()
  @IsIn(['NEW', 'WATCHLIST', 'APPROVED', 'REJECTED'])
  status?: string;

  @ApiPropertyOptional({ type: String, maxLength: 64 })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  tier?: string;
}
