import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsISO8601, IsOptional, IsUUID, Matches } from 'class-validator';
import { SYMBOL_PATTERN, toUpperCaseSymbol } from '../validation/symbol';
import { ListQueryDto } from './list-query.dto';

/** The filters trades and AI decisions share: symbol, strategy and an inclusive time range. */
export class SymbolStrategyRangeQuery extends ListQueryDto {
  @ApiPropertyOptional({ example: 'AAPL' })
  @IsOptional()
  @Transform(toUpperCaseSymbol)
  @Matches(SYMBOL_PATTERN, { message: 'symbol must be a ticker symbol' })
  symbol?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'strategyId must be a UUID' })
  strategyId?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'inclusive lower bound' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'startDate must be an ISO 8601 date or date-time' })
  startDate?: string;

  @ApiPropertyOptional({
    format: 'date-time',
    description: 'inclusive upper bound (a date covers its whole day)',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'endDate must be an ISO 8601 date or date-time' })
  endDate?: string;
}
