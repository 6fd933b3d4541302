import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { ListQueryDto } from '../../common/pagination/list-query.dto';
import { INT4_MAX } from '../../common/validation/integer';

/** POST /api/tool-invocations: a new tool invocation. */
export class CreateToolInvocationDto {
  @ApiProperty({ type: String, maxLength: 255 })
  @IsDefined()
  @IsString()
  @MaxLength(255)
  traceId!: string;

  @ApiProperty({ type: String, maxLength: 255 })
  @IsDefined()
  @IsString()
  @MaxLength(255)
  toolName!: string;

  @ApiProperty({ type: String, maxLength: 64 })
  @IsDefined()
  @IsString()
  @MaxLength(64)
  category!: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, nullable: true })
  @IsOptional()
  @IsObject()
  inputParams?: Record<string, unknown>;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, nullable: true })
  @IsOptional()
  @IsObject()
  outputResult?: Record<string, unknown>;

  @ApiPropertyOptional({ type: String, enum: ['pending', 'success', 'error'] })
  @IsOptional()
  @IsIn(['pending', 'success', 'error'])
  status?: string;

  @ApiPropertyOptional({ type: String, maxLength: 10_000, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  errorMessage?: string | null;

  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @IsBoolean()
  cacheHit?: boolean;

  @ApiPropertyOptional({ type: Number, minimum: 0, maximum: INT4_MAX, nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(INT4_MAX)
  latencyMs?: number | null;

  @ApiPropertyOptional({ type: String, maxLength: 64, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  callerRole?: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @IsOptional()
  @IsUUID('all')
  debateSessionId?: string | null;
}

/** PATCH /api/tool-invocations/{id}: any subset of the create fields. */
export class UpdateToolInvocationDto extends PartialType(CreateToolInvocationDto) {}

/** GET /api/tool-invocations: paging, plus equality filters on indexed columns. */
export class ListToolInvocationsQuery extends ListQueryDto {
  @ApiPropertyOptional({ type: String, maxLength: 255 })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  traceId?: string;

  @ApiPropertyOptional({ type: String, maxLength: 255 })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  toolName?: string;

  @ApiPropertyOptional({ type: String, format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  debateSessionId?: string;

  @ApiPropertyOptional({ type: String, enum: ['pending', 'success', 'error'] })
  @IsOptional()
  @IsIn(['pending', 'success', 'error'])
  status?: string;
}
