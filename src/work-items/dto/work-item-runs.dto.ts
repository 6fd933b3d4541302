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

/** POST /api/work-item-runs: a new work item run. */
export class CreateWorkItemRunDto {
  @ApiProperty({ type: String, format: 'uuid' })
  @IsDefined()
  @IsUUID('all')
  workItemId!: string;

  @ApiProperty({ type: Number, minimum: 1, maximum: INT4_MAX })
  @IsDefined()
  @IsInt()
  @Min(1)
  @Max(INT4_MAX)
  attemptNumber!: number;

  @ApiPropertyOptional({ type: String, format: 'date-time' })
  @IsOptional()
  @IsISO8601({ strict: true })
  startedAt?: string;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  @IsOptional()
  @IsISO8601({ strict: true })
  completedAt?: string | null;

  @ApiPropertyOptional({ type: String, enum: ['RUNNING', 'SUCCEEDED', 'FAILED'] })
  @IsOptional()
  @IsIn(['RUNNING', 'SUCCEEDED', 'FAILED'])
  status?: string;

  @ApiPropertyOptional({ type: String, maxLength: 10_000, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  error?: string | null;

  @ApiPropertyOptional({ type: Number, minimum: 0, maximum: INT4_MAX, nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(INT4_MAX)
  durationMs?: number | null;
}

/** PATCH /api/work-item-runs/{id}: any subset of the create fields. */
export class UpdateWorkItemRunDto extends PartialType(CreateWorkItemRunDto) {}

/** GET /api/work-item-runs: paging, plus equality filters on indexed columns. */
export class ListWorkItemRunsQuery extends ListQueryDto {
  @ApiPropertyOptional({ type: String, format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  workItemId?: string;

  @ApiPropertyOptional({ type: String, enum: ['RUNNING', 'SUCCEEDED', 'FAILED'] })
  @IsOptional()
  @IsIn(['RUNNING', 'SUCCEEDED', 'FAILED'])
  status?: string;
}
