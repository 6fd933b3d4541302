import { ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  IsBoolean,
  IsISO8601,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { IsDecimal } from '../../common/validation/decimal';
import { INT4_MAX } from '../../common/validation/integer';

/** The agent status fields an admin may change. */
class AgentStatusFieldsDto {
  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @IsBoolean()
  isRunning?: boolean;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  @IsOptional()
  @IsISO8601({ strict: true })
  lastHeartbeat?: string | null;

  @ApiPropertyOptional({ type: Number, minimum: 0, maximum: INT4_MAX, nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(INT4_MAX)
  totalTrades?: number | null;

  @IsOptional()
  @IsDecimal({}, { api: { required: false, nullable: true } })
  totalPnl?: string | null;

  @IsOptional()
  @IsDecimal({ min: '0', max: '100' }, { api: { required: false, nullable: true } })
  winRate?: string | null;

  @IsOptional()
  @IsDecimal({}, { api: { required: false, nullable: true } })
  cashBalance?: string | null;

  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @IsBoolean()
  killSwitchActive?: boolean;

  @IsOptional()
  @IsDecimal({}, { api: { required: false, nullable: true } })
  maxPositionSizePercent?: string | null;

  @IsOptional()
  @IsDecimal({}, { api: { required: false, nullable: true } })
  maxTotalExposurePercent?: string | null;

  @ApiPropertyOptional({ type: Number, minimum: 0, maximum: INT4_MAX, nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(INT4_MAX)
  maxPositionsCount?: number | null;

  @IsOptional()
  @IsDecimal({}, { api: { required: false, nullable: true } })
  dailyLossLimitPercent?: string | null;

  @ApiPropertyOptional({ type: Number, minimum: 0, maximum: INT4_MAX, nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(INT4_MAX)
  dynamicOrderLimit?: number | null;

  @ApiPropertyOptional({ type: Number, minimum: 0, maximum: INT4_MAX, nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(INT4_MAX)
  minOrderLimit?: number | null;

  @ApiPropertyOptional({ type: Number, minimum: 0, maximum: INT4_MAX, nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(INT4_MAX)
  maxOrderLimit?: number | null;

  @ApiPropertyOptional({ type: String, maxLength: 64, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  marketCondition?: string | null;

  @IsOptional()
  @IsDecimal({}, { api: { required: false, nullable: true } })
  aiConfidenceScore?: string | null;

  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @IsBoolean()
  autoStartEnabled?: boolean;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  @IsOptional()
  @IsISO8601({ strict: true })
  lastMarketAnalysis?: string | null;

  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @IsBoolean()
  autoExecuteTrades?: boolean;

  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @IsBoolean()
  conservativeMode?: boolean;
}

/** PATCH /api/agent-status: any subset of the fields. */
export class UpdateAgentStatusDto extends PartialType(AgentStatusFieldsDto) {}
