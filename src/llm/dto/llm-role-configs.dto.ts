import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  IsBoolean,
  IsDefined,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { ListQueryDto } from '../../common/pagination/list-query.dto';
import { BooleanQuery } from '../../common/validation/boolean-query';
import { IsDecimal } from '../../common/validation/decimal';
import { INT4_MAX } from '../../common/validation/integer';

/** POST /api/llm-role-configs: a new LLM role config. */
export class CreateLlmRoleConfigDto {
  @ApiProperty({ type: String, maxLength: 64 })
  @IsDefined()
  @IsString()
  @MaxLength(64)
  role!: string;

  @ApiPropertyOptional({ type: String, maxLength: 10_000, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  description?: string | null;

  @ApiProperty({ type: String, maxLength: 10_000 })
  @IsDefined()
  @IsString()
  @MaxLength(10_000)
  fallbackChain!: string;

  @ApiPropertyOptional({ type: Number, minimum: 1, maximum: INT4_MAX, nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(INT4_MAX)
  maxTokens?: number | null;

  @IsOptional()
  @IsDecimal({ min: '0', max: '2' }, { api: { required: false, nullable: true } })
  temperature?: string | null;

  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @IsBoolean()
  enableCitations?: boolean;

  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @IsBoolean()
  isActive?: boolean;
}

/** PATCH /api/llm-role-configs/{id}: any subset of the create fields. */
export class UpdateLlmRoleConfigDto extends PartialType(CreateLlmRoleConfigDto) {}

/** GET /api/llm-role-configs: paging, plus equality filters on indexed columns. */
export class ListLlmRoleConfigsQuery extends ListQueryDto {
  @ApiPropertyOptional({ type: String, maxLength: 64 })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  role?: string;

  @ApiPropertyOptional({ type: Boolean })
  @BooleanQuery()
  isActive?: boolean;
}
