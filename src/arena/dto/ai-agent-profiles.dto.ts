import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  IsDefined,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { ListQueryDto } from '../../common/pagination/list-query.dto';
import { IsDecimal } from '../../common/validation/decimal';
import { INT4_MAX, INT4_MIN } from '../../common/validation/integer';

/** POST /api/ai-agent-profiles: a new agent profile. */
export class CreateAiAgentProfileDto {
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

  @ApiProperty({ type: String, maxLength: 64 })
  @IsDefined()
  @IsString()
  @MaxLength(64)
  provider!: string;

  @ApiProperty({ type: String, maxLength: 64 })
  @IsDefined()
  @IsString()
  @MaxLength(64)
  model!: string;

  @ApiProperty({ type: String, maxLength: 64 })
  @IsDefined()
  @IsString()
  @MaxLength(64)
  role!: string;

  @ApiPropertyOptional({ type: String, maxLength: 64 })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  mode?: string;

  @IsOptional()
  @IsDecimal({ min: '0', max: '2' }, { api: { required: false, nullable: true } })
  temperature?: string | null;

  @ApiPropertyOptional({ type: Number, minimum: 1, maximum: INT4_MAX, nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(INT4_MAX)
  maxTokens?: number | null;

  @ApiPropertyOptional({ type: String, maxLength: 255, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  promptTemplateId?: string | null;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, nullable: true })
  @IsOptional()
  @IsObject()
  toolPolicy?: Record<string, unknown>;

  @IsOptional()
  @IsDecimal({ min: '0' }, { api: { required: false, nullable: true } })
  budgetLimitPerDay?: string | null;

  @IsOptional()
  @IsDecimal({ min: '0' }, { api: { required: false, nullable: true } })
  budgetLimitPerRun?: string | null;

  @ApiPropertyOptional({ type: Number, minimum: INT4_MIN, maximum: INT4_MAX, nullable: true })
  @IsOptional()
  @IsInt()
  @Min(INT4_MIN)
  @Max(INT4_MAX)
  priority?: number | null;

  @ApiPropertyOptional({ type: String, enum: ['active', 'disabled'] })
  @IsOptional()
  @IsIn(['active', 'disabled'])
  status?: string;

  @ApiPropertyOptional({ type: Number, minimum: 0, maximum: INT4_MAX })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(INT4_MAX)
  totalCalls?: number;

  @ApiPropertyOptional({ type: Number, minimum: 0, maximum: INT4_MAX })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(INT4_MAX)
  totalTokens?: number;

  @IsOptional()
  @IsDecimal({ min: '0' }, { api: { required: false } })
  totalCostUsd?: string;

  @IsOptional()
  @IsDecimal({ min: '0' }, { api: { required: false, nullable: true } })
  avgLatencyMs?: string | null;

  @IsOptional()
  @IsDecimal({ min: '0', max: '100' }, { api: { required: false, nullable: true } })
  successRate?: string | null;
}

/** PATCH /api/ai-agent-profiles/{id}: any subset of the create fields. */
export class UpdateAiAgentProfileDto extends PartialType(CreateAiAgentProfileDto) {}

/** GET /api/ai-agent-profiles: paging, plus equality filters on indexed columns. */
export class ListAiAgentProfilesQuery extends ListQueryDto {
  @ApiPropertyOptional({ type: String, enum: ['active', 'disabled'] })
  @IsOptional()
  @IsIn(['active', 'disabled'])
  status?: string;

  @ApiPropertyOptional({ type: String, maxLength: 64 })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  role?: string;

  @ApiPropertyOptional({ type: String, maxLength: 64 })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  mode?: string;
}
