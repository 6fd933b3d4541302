import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Reads, Writes } from '../auth/policy/route-access';
import { Audited } from '../audit/audited.decorator';
import { BulkBody } from '../common/http/bulk-body.guard';
import { ApiErrorResponses, ApiPageResponse } from '../common/http/api-docs';
import { ListQueryDto } from '../common/pagination/list-query.dto';
import { Page } from '../common/pagination/page';
import { UuidParam } from '../common/validation/uuid-param';
import { BacktestResultsService } from './backtest-results.service';
import { AppendEventsDto, AppendPointsDto } from './dto/backtest-results.dto';
import { BacktestEquityPoint } from './entities/backtest-equity-point.entity';
import { BacktestTradeEvent } from './entities/backtest-trade-event.entity';

/** A backtest run's trade events and equity curve: paged by ts (newest first), appended in bulk. */
@ApiTags('backtests')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('backtests/:id')
export class BacktestResultsController {
  constructor(private readonly results: BacktestResultsService) {}

  @Get('events')
  @ApiOperation({ summary: "List a backtest's trade events" })
  @Reads(BacktestTradeEvent)
  @ApiPageResponse(BacktestTradeEvent)
  events(@UuidParam() id: string, @Query() query: ListQueryDto): Promise<Page<BacktestTradeEvent>> {
    return this.results.list(BacktestTradeEvent, id, query);
  }

  @Get('equity-curve')
  @ApiOperation({ summary: "List a backtest's equity curve" })
  @Reads(BacktestEquityPoint)
  @ApiPageResponse(BacktestEquityPoint)
  equityCurve(
    @UuidParam() id: string,
    @Query() query: ListQueryDto,
  ): Promise<Page<BacktestEquityPoint>> {
    return this.results.list(BacktestEquityPoint, id, query);
  }

  @Post('events')
  @BulkBody()
  @ApiOperation({ summary: 'Append trade events to a backtest' })
  @Writes(BacktestTradeEvent)
  @Audited('append', 'backtest_trade_events')
  @ApiBody({ type: AppendEventsDto })
  @ApiCreatedResponse({ schema: { example: { inserted: 2 } } })
  appendEvents(
    @UuidParam() id: string,
    @Body() dto: AppendEventsDto,
  ): Promise<{ inserted: number }> {
    return this.results.append(BacktestTradeEvent, id, dto.events);
  }

  @Post('equity-curve')
  @BulkBody()
  @ApiOperation({ summary: "Append points to a backtest's equity curve" })
  @Writes(BacktestEquityPoint)
  @Audited('append', 'backtest_equity_curve')
  @ApiBody({ type: AppendPointsDto })
  @ApiCreatedResponse({ schema: { example: { inserted: 2 } } })
  appendPoints(
    @UuidParam() id: string,
    @Body() dto: AppendPointsDto,
  ): Promise<{ inserted: number }> {
    return this.results.append(BacktestEquityPoint, id, dto.points);
  }
}
