import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { SymbolStrategyRangeQuery } from '../../common/pagination/owned-list.query';
import { DECISION_STATUSES } from './create-ai-decision.dto';

/** Filters of GET /api/ai-decisions; the time range applies to createdAt. */
export class ListAiDecisionsQuery extends SymbolStrategyRangeQuery {
  @ApiPropertyOptional({ enum: DECISION_STATUSES })
  @IsOptional()
  @IsIn(DECISION_STATUSES, { message: `status must be one of ${DECISION_STATUSES.join(', ')}` })
  status?: string;
}
