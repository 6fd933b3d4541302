import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { SymbolStrategyRangeQuery } from '../../common/pagination/owned-list.query';

export const PNL_DIRECTIONS = ['profit', 'loss', 'all'] as const;
export type PnlDirection = (typeof PNL_DIRECTIONS)[number];

/** Filters of GET /api/trades; the time range applies to executedAt. */
export class ListTradesQuery extends SymbolStrategyRangeQuery {
  @ApiPropertyOptional({ enum: PNL_DIRECTIONS, description: 'profit: pnl >= 0; loss: pnl < 0' })
  @IsOptional()
  @IsIn(PNL_DIRECTIONS, { message: `pnlDirection must be one of ${PNL_DIRECTIONS.join(', ')}` })
  pnlDirection?: PnlDirection;
}
