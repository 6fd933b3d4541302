import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
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
import { INT4_MAX } from '../../common/validation/integer';

/** POST /api/strategies/{strategyId}/versions: a new version of that strategy. */
export class CreateVersionDto {
  @ApiProperty({ type: Number, minimum: 1, maximum: INT4_MAX })
  @IsDefined()
  @IsInt()
  @Min(1)
  @Max(INT4_MAX)
  version!: number;

  @ApiProperty({ type: String, maxLength: 255 })
  @IsDefined()
  @IsString()
  @MaxLength(255)
  name!: string;

  @ApiProperty({ type: 'object', additionalProperties: true })
  @IsDefined()
  @IsObject()
  spec!: Record<string, unknown>;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, nullable: true })
  @IsOptional()
  @IsObject()
  universeConfig?: Record<string, unknown>;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, nullable: true })
  @IsOptional()
  @IsObject()
  signalsConfig?: Record<string, unknown>;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, nullable: true })
  @IsOptional()
  @IsObject()
  riskConfig?: Record<string, unknown>;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, nullable: true })
  @IsOptional()
  @IsObject()
  llmPolicy?: Record<string, unknown>;

  @ApiPropertyOptional({ type: String, maxLength: 100_000, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100_000)
  promptTemplate?: string | null;

  @ApiPropertyOptional({ type: String, enum: ['draft', 'active', 'archived'] })
  @IsOptional()
  @IsIn(['draft', 'active', 'archived'])
  status?: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, nullable: true })
  @IsOptional()
  @IsObject()
  dryRunResult?: Record<string, unknown>;

  @ApiPropertyOptional({ type: String, maxLength: 10_000, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  changeNotes?: string | null;
}
