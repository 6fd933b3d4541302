import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsDefined,
  IsISO8601,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
} from 'class-validator';
import { ListQueryDto } from '../../common/pagination/list-query.dto';

/** POST /api/rebalance-runs: a new rebalance run. */
export class CreateRebalanceRunDto {
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @IsOptional()
  @IsUUID('all')
  policyId?: string | null;

  @ApiProperty({ type: String, maxLength: 255 })
  @IsDefined()
  @IsString()
  @MaxLength(255)
  traceId!: string;

  @ApiPropertyOptional({ type: String, enum: ['pending', 'running', 'completed', 'failed'] })
  @IsOptional()
  @IsIn(['pending', 'running', 'completed', 'failed'])
  status?: string;

  @ApiProperty({ type: String, maxLength: 64 })
  @IsDefined()
  @IsString()
  @MaxLength(64)
  triggerType!: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, nullable: true })
  @IsOptional()
  @IsObject()
  inputSnapshot?: Record<string, unknown>;

  @ApiPropertyOptional({ type: 'array', items: {}, maxItems: 1000, nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  orderIntents?: unknown[];

  @ApiPropertyOptional({ type: 'array', items: {}, maxItems: 1000, nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  executedOrders?: unknown[];

  @ApiPropertyOptional({ type: String, maxLength: 10_000, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  rationale?: string | null;

  @ApiPropertyOptional({ type: String, format: 'date-time' })
  @IsOptional()
  @IsISO8601({ strict: true })
  startedAt?: string;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  @IsOptional()
  @IsISO8601({ strict: true })
  completedAt?: string | null;
}

/** PATCH /api/rebalance-runs/{id}: any subset of the create fields. */
export class UpdateRebalanceRunDto extends PartialType(CreateRebalanceRunDto) {}

/** GET /api/rebalance-runs: paging, plus equality filters on indexed columns. */
export class ListRebalanceRunsQuery extends ListQueryDto {
  @ApiPropertyOptional({ type: String, format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  policyId?: string;

  @ApiPropertyOptional({ type: String, enum: ['pending', 'running', 'completed', 'failed'] })
  @IsOptional()
  @IsIn(['pending', 'running', 'completed', 'failed'])
  status?: string;

  @ApiPropertyOptional({ type: String, maxLength: 255 })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  traceId?: string;
}
