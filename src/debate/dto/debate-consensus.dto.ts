import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  Allow,
  IsDefined,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
} from 'class-validator';
import { ListQueryDto } from '../../common/pagination/list-query.dto';
import { IsDecimal } from '../../common/validation/decimal';

/** POST /api/debate-consensus: a new debate consensus. */
export class CreateDebateConsensusDto {
  @ApiProperty({ type: String, format: 'uuid' })
  @IsDefined()
  @IsUUID('all')
  sessionId!: string;

  @ApiProperty({ type: String, maxLength: 10_000 })
  @IsDefined()
  @IsString()
  @MaxLength(10_000)
  decision!: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, nullable: true })
  @IsOptional()
  @IsObject()
  orderIntent?: Record<string, unknown>;

  @ApiPropertyOptional({ type: String, maxLength: 10_000, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  reasonsSummary?: string | null;

  @ApiPropertyOptional({ type: 'array', items: {}, maxItems: 1000, nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  riskChecks?: unknown[];

  @IsOptional()
  @IsDecimal({ min: '0', max: '1' }, { api: { required: false, nullable: true } })
  confidence?: string | null;

  @ApiPropertyOptional({ description: 'any JSON value, stored as given', nullable: true })
  @IsOptional()
  @Allow()
  dissent?: unknown;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @IsOptional()
  @IsUUID('all')
  workItemId?: string | null;

  @ApiPropertyOptional({ type: String, maxLength: 255, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  brokerOrderId?: string | null;
}

/** PATCH /api/debate-consensus/{id}: any subset of the create fields. */
export class UpdateDebateConsensusDto extends PartialType(CreateDebateConsensusDto) {}

/** GET /api/debate-consensus: paging, plus equality filters on indexed columns. */
export class ListDebateConsensusQuery extends ListQueryDto {
  @ApiPropertyOptional({ type: String, format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  sessionId?: string;
}
