import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  IsBoolean,
  IsDefined,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  IsUrl,
  MaxLength,
} from 'class-validator';
import { ListQueryDto } from '../../common/pagination/list-query.dto';
import { BooleanQuery } from '../../common/validation/boolean-query';
import { IsDecimal } from '../../common/validation/decimal';

/** POST /api/alert-rules: a new alert rule. */
export class CreateAlertRuleDto {
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
  ruleType!: string;

  @ApiProperty({ type: 'object', additionalProperties: true })
  @IsDefined()
  @IsObject()
  condition!: Record<string, unknown>;

  @IsDefined()
  @IsDecimal({}, { api: { required: true } })
  threshold!: string;

  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;

  @ApiPropertyOptional({ type: String, format: 'uri', maxLength: 2048, nullable: true })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(2048)
  webhookUrl?: string | null;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  @IsOptional()
  @IsISO8601({ strict: true })
  lastTriggeredAt?: string | null;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  @IsOptional()
  @IsISO8601({ strict: true })
  lastCheckedAt?: string | null;
}

/** PATCH /api/alert-rules/{id}: any subset of the create fields. */
export class UpdateAlertRuleDto extends PartialType(CreateAlertRuleDto) {}

/** GET /api/alert-rules: paging, plus equality filters on indexed columns. */
export class ListAlertRulesQuery extends ListQueryDto {
  @ApiPropertyOptional({ type: Boolean })
  @BooleanQuery()
  enabled?: boolean;

  @ApiPropertyOptional({ type: String, maxLength: 64 })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  ruleType?: string;
}
