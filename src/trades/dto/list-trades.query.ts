import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsISO8601, IsOptional, IsUUID, Matches } from 'class-validator';
import { ListQueryDto } from '../../common/pagination/list-query.dto';
import { SYMBOL_PATTERN, toUpperCaseSymbol } from '../../common/validation/symbol';

export const PNL_DIRECTIONS = ['profit', 'loss', 'all'] as const;
export type PnlDirection = (typeof PNL_DIRECTIONS)[number];

export class ListTradesQuery extends ListQueryDto {
  @ApiPropertyOptional({ example: 'AAPL' })
  @IsOptional()
  @Transform(toUpperCaseSymbol)
  @Matches(SYMBOL_PATTERN, { message: 'symbol must be a ticker symbol' })
  symbol?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'strategyId must be a UUID' })
  strategyId?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'inclusive lower bound of executedAt' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'startDate must be an ISO 8601 date or date-time' })
  startDate?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'inclusive upper bound of executedAt' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'endDate must be an ISO 8601 date or date-time' })
  endDate?: string;

  @ApiPropertyOptional({ enum: PNL_DIRECTIONS, description: 'profit: pnl >= 0; loss: pnl < 0' })
  @IsOptional()
  @IsIn(PNL_DIRECTIONS, { message: `pnlDirection must be one of ${PNL_DIRECTIONS.join(', ')}` })
  pnlDirection?: PnlDirection;
}
