import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { ListQueryDto } from '../../common/pagination/list-query.dto';
import { SYMBOL_PATTERN, toUpperCaseSymbol } from '../../common/validation/symbol';
import { ORDER_STATUSES } from './create-order.dto';

export class ListOrdersQuery extends ListQueryDto {
  @ApiPropertyOptional({ enum: ORDER_STATUSES })
  @IsOptional()
  @IsIn(ORDER_STATUSES, { message: `status must be one of ${ORDER_STATUSES.join(', ')}` })
  status?: string;

  @ApiPropertyOptional({ example: 'AAPL' })
  @IsOptional()
  @Transform(toUpperCaseSymbol)
  @Matches(SYMBOL_PATTERN, { message: 'symbol must be a ticker symbol' })
  symbol?: string;
}
