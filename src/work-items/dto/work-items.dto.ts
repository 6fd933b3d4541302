import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  IsDefined,
  IsISO8601,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { ListQueryDto } from '../../common/pagination/list-query.dto';
import { INT4_MAX } from '../../common/validation/integer';

/** POST /api/work-items: a new work item. */
export class CreateWorkItemDto {
  @ApiProperty({ type: String, maxLength: 64 })
  @IsDefined()
  @IsString()
  @MaxLength(64)
  type!: string;

  @ApiPropertyOptional({
    type: String,
    enum: ['PENDING', 'RUNNING', 'SUCCEEDED', 'FAILED', 'DEAD_LETTER'],
  })
  @IsOptional()
  @IsIn(['PENDING', 'RUNNING', 'SUCCEEDED', 'FAILED', 'DEAD_LETTER'])
  status?: string;

  @ApiPropertyOptional({ type: Number, minimum: 0, maximum: INT4_MAX })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(INT4_MAX)
  attempts?: number;

  @ApiPropertyOptional({ type: Number, minimum: 1, maximum: INT4_MAX })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(INT4_MAX)
  maxAttempts?: number;

  @ApiPropertyOptional({ type: String, format: 'date-time' })
  @IsOptional()
  @IsISO8601({ strict: true })
  nextRunAt?: string;

  @ApiPropertyOptional({ type: String, maxLength: 10_000, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  lastError?: string | null;

  @ApiPropertyOptional({ type: String, maxLength: 100_000, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100_000)
  payload?: string | null;

  @ApiPropertyOptional({ type: String, maxLength: 255, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  idempotencyKey?: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @IsOptional()
  @IsUUID('all')
  decisionId?: string | null;

  @ApiPropertyOptional({ type: String, maxLength: 255, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  brokerOrderId?: string | null;

  @ApiPropertyOptional({ type: String, maxLength: 32, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  symbol?: string | null;

  @ApiPropertyOptional({ type: String, maxLength: 10_000, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  result?: string | null;
}

/** PATCH /api/work-items/{id}: any subset of the create fields. */
export class UpdateWorkItemDto extends PartialType(CreateWorkItemDto) {}

/** GET /api/work-items: paging, plus equality filters on indexed columns. */
export class ListWorkItemsQuery extends ListQueryDto {
  @ApiPropertyOptional({
    type: String,
    enum: ['PENDING', 'RUNNING', 'SUCCEEDED', 'FAILED', 'DEAD_LETTER'],
  })
  @IsOptional()
  @IsIn(['PENDING', 'RUNNING', 'SUCCEEDED', 'FAILED', 'DEAD_LETTER'])
  status?: string;

  @ApiPropertyOptional({ type: String, maxLength: 64 })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  type?: string;

  @ApiPropertyOptional({ type: String, maxLength: 32 })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  symbol?: string;
}
