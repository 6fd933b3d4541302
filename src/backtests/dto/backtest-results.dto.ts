import { ApiProperty, OmitType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, ValidateNested } from 'class-validator';
import { CreateBacktestEquityPointDto } from './backtest-equity-curve.dto';
import { CreateBacktestTradeEventDto } from './backtest-trade-events.dto';

/** One event of POST /api/backtests/{id}/events: a trade event without its run (the path's). */
class BacktestEventInputDto extends OmitType(CreateBacktestTradeEventDto, ['runId'] as const) {}

/** One point of POST /api/backtests/{id}/equity-curve. */
class EquityPointInputDto extends OmitType(CreateBacktestEquityPointDto, ['runId'] as const) {}

/** A run's results arrive in bulk; the cap keeps one request's statements bounded. */
const MAX_ITEMS = 50_000;

/** POST /api/backtests/{id}/events: appended in one transaction, all or nothing. */
export class AppendEventsDto {
  @ApiProperty({ type: [BacktestEventInputDto], minItems: 1, maxItems: MAX_ITEMS })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_ITEMS)
  @ValidateNested({ each: true })
  @Type(() => BacktestEventInputDto)
  events!: BacktestEventInputDto[];
}

/** POST /api/backtests/{id}/equity-curve: appended in one transaction, all or nothing. */
export class AppendPointsDto {
  @ApiProperty({ type: [EquityPointInputDto], minItems: 1, maxItems: MAX_ITEMS })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_ITEMS)
  @ValidateNested({ each: true })
  @Type(() => EquityPointInputDto)
  points!: EquityPointInputDto[];
}
