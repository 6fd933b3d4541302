import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsISO8601, IsOptional, IsUUID, Matches } from 'class-validator';
import { ListQueryDto } from '../../common/pagination/list-query.dto';
import { SYMBOL_PATTERN, toUpperCaseSymbol } from '../../common/validation/symbol';
import { DECISION_STATUSES } from './create-ai-decision.dto';

export class ListAiDecisionsQuery extends ListQueryDto {
  @ApiPropertyOptional({ enum: DECISION_STATUSES })
  @IsOptional()
  @IsIn(DECISION_STATUSES, { message: `status must be one of ${DECISION_STATUSES.join(', ')}` })
  status?: string;

  @ApiPropertyOptional({ example: 'AAPL' })
  @IsOptional()
  @Transform(toUpperCaseSymbol)
  @Matches(SYMBOL_PATTERN, { message: 'symbol must be a ticker symbol' })
  symbol?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'strategyId must be a UUID' })
  strategyId?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'inclusive lower bound of createdAt' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'startDate must be an ISO 8601 date or date-time' })
  startDate?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'inclusive upper bound of createdAt' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'endDate must be an ISO 8601 date or date-time' })
  endDate?: string;
}
