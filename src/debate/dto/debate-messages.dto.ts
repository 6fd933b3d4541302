import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsDefined,
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
import { IsDecimal } from '../../common/validation/decimal';
import { INT4_MAX } from '../../common/validation/integer';

/** POST /api/debate-messages: a new debate message. */
export class CreateDebateMessageDto {
  @ApiProperty({ type: String, format: 'uuid' })
  @IsDefined()
  @IsUUID('all')
  sessionId!: string;

  @ApiProperty({ type: String, maxLength: 64 })
  @IsDefined()
  @IsString()
  @MaxLength(64)
  role!: string;

  @ApiPropertyOptional({ type: String, maxLength: 64, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  stance?: string | null;

  @IsOptional()
  @IsDecimal({ min: '0', max: '1' }, { api: { required: false, nullable: true } })
  confidence?: string | null;

  @ApiPropertyOptional({ type: 'array', items: {}, maxItems: 1000, nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  keySignals?: unknown[];

  @ApiPropertyOptional({ type: 'array', items: {}, maxItems: 1000, nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  risks?: unknown[];

  @ApiPropertyOptional({ type: 'array', items: {}, maxItems: 1000, nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  invalidationPoints?: unknown[];

  @ApiPropertyOptional({ type: String, maxLength: 64, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  proposedAction?: string | null;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, nullable: true })
  @IsOptional()
  @IsObject()
  proposedOrder?: Record<string, unknown>;

  @ApiPropertyOptional({ type: 'array', items: {}, maxItems: 1000, nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  evidenceRefs?: unknown[];

  @ApiPropertyOptional({ type: String, maxLength: 100_000, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100_000)
  rawOutput?: string | null;

  @ApiPropertyOptional({ type: String, maxLength: 64, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  provider?: string | null;

  @ApiPropertyOptional({ type: String, maxLength: 64, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  model?: string | null;

  @ApiPropertyOptional({ type: Number, minimum: 0, maximum: INT4_MAX, nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(INT4_MAX)
  tokensUsed?: number | null;

  @IsOptional()
  @IsDecimal({ min: '0' }, { api: { required: false, nullable: true } })
  estimatedCost?: string | null;

  @ApiPropertyOptional({ type: Number, minimum: 0, maximum: INT4_MAX, nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(INT4_MAX)
  latencyMs?: number | null;
}

/** PATCH /api/debate-messages/{id}: any subset of the create fields. */
export class UpdateDebateMessageDto extends PartialType(CreateDebateMessageDto) {}

/** GET /api/debate-messages: paging, plus equality filters on indexed columns. */
export class ListDebateMessagesQuery extends ListQueryDto {
  @ApiPropertyOptional({ type: String, format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  sessionId?: string;

  @ApiPropertyOptional({ type: String, maxLength: 64 })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  role?: string;
}
