import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { IsDecimal } from '../../common/validation/decimal';
import { SYMBOL_PATTERN, toUpperCaseSymbol } from '../../common/validation/symbol';

export const DECISION_ACTIONS = ['buy', 'sell', 'hold'] as const;
export const DECISION_STATUSES = ['pending', 'executed', 'skipped', 'failed', 'cancelled'] as const;

export class CreateAiDecisionDto {
  @ApiProperty({ example: 'AAPL' })
  @Transform(toUpperCaseSymbol)
  @IsString()
  @Matches(SYMBOL_PATTERN, { message: 'symbol must be a ticker symbol' })
  symbol!: string;

  @ApiProperty({ enum: DECISION_ACTIONS })
  @IsIn(DECISION_ACTIONS, { message: `action must be one of ${DECISION_ACTIONS.join(', ')}` })
  action!: string;

  @IsOptional()
  @IsDecimal({ min: '0', max: '1' }, { api: { required: false, example: '0.82' } })
  confidence?: string;

  @ApiPropertyOptional({ maxLength: 20000 })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  reasoning?: string;

  @ApiPropertyOptional({ maxLength: 20000 })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  marketContext?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'strategyId must be a UUID' })
  strategyId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: "the caller's trade this decision executed" })
  @IsOptional()
  @IsUUID('all', { message: 'executedTradeId must be a UUID' })
  executedTradeId?: string;

  @ApiPropertyOptional({ enum: DECISION_STATUSES, default: 'pending' })
  @IsOptional()
  @IsIn(DECISION_STATUSES, { message: `status must be one of ${DECISION_STATUSES.join(', ')}` })
  status?: string;

  @IsOptional()
  @IsDecimal({ positive: true }, { api: { required: false } })
  stopLoss?: string;

  @IsOptional()
  @IsDecimal({ positive: true }, { api: { required: false } })
  takeProfit?: string;

  @IsOptional()
  @IsDecimal({ positive: true }, { api: { required: false } })
  entryPrice?: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  skipReason?: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  traceId?: string;

  @ApiPropertyOptional({ maxLength: 20000 })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  metadata?: string;
}
