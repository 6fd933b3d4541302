import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import { IsIn } from 'class-validator';
import { Audited } from '../audit/audited.decorator';
import { CrudService } from '../common/crud/crud.service';
import { bulkDtoFor, createDtoFor } from '../common/crud/dto-factory';
import { NotFoundError } from '../common/errors/domain-errors';
import { ApiErrorResponses, ApiPageResponse } from '../common/http/api-docs';
import { ListQueryDto } from '../common/pagination/list-query.dto';
import { Page } from '../common/pagination/page';
import { UuidParam } from '../common/validation/uuid-param';
import type { Tx } from '../database/transaction';
import { BacktestEquityPoint } from './entities/backtest-equity-point.entity';
import { BacktestRun } from './entities/backtest-run.entity';
import { BacktestTradeEvent } from './entities/backtest-trade-event.entity';

const EventDto = createDtoFor(
  'BacktestEventInputDto',
  BacktestTradeEvent,
  { side: [IsIn(['buy', 'sell'])] },
  ['runId'],
);
const PointDto = createDtoFor('EquityPointInputDto', BacktestEquityPoint, {}, ['runId']);
export const AppendEventsDto = bulkDtoFor('AppendBacktestEventsDto', 'events', EventDto);
export const AppendPointsDto = bulkDtoFor('AppendEquityPointsDto', 'points', PointDto);

/** A backtest run's trade events and equity curve: paged by ts (newest first), appended in bulk. */
@ApiTags('backtests')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('backtests/:id')
export class BacktestResultsController {
  constructor(
    @InjectTransactionHost() private readonly tx: Tx,
    private readonly crud: CrudService,
  ) {}

  private async assertRun(id: string): Promise<void> {
    if (!(await this.tx.tx.getRepository(BacktestRun).existsBy({ id })))
      throw new NotFoundError('backtest', id);
  }

  @Get('events')
  @ApiPageResponse(BacktestTradeEvent)
  async events(
    @UuidParam() id: string,
    @Query() query: ListQueryDto,
  ): Promise<Page<BacktestTradeEvent>> {
    await this.assertRun(id);
    return this.crud.listChildren(BacktestTradeEvent, 'run_id', id, query, 'ts');
  }

  @Get('equity-curve')
  @ApiPageResponse(BacktestEquityPoint)
  async equityCurve(
    @UuidParam() id: string,
    @Query() query: ListQueryDto,
  ): Promise<Page<BacktestEquityPoint>> {
    await this.assertRun(id);
    return this.crud.listChildren(BacktestEquityPoint, 'run_id', id, query, 'ts');
  }

  @Post('events')
  @Audited('append', 'backtest_trade_events')
  @ApiBody({ type: AppendEventsDto })
  @ApiCreatedResponse({ schema: { example: { inserted: 2 } } })
  async appendEvents(
    @UuidParam() id: string,
    @Body() dto: { events: object[] },
  ): Promise<{ inserted: number }> {
    await this.assertRun(id);
    return this.crud.appendChildren(BacktestTradeEvent, 'runId', id, dto.events);
  }

  @Post('equity-curve')
  @Audited('append', 'backtest_equity_curve')
  @ApiBody({ type: AppendPointsDto })
  @ApiCreatedResponse({ schema: { example: { inserted: 2 } } })
  async appendPoints(
    @UuidParam() id: string,
    @Body() dto: { points: object[] },
  ): Promise<{ inserted: number }> {
    await this.assertRun(id);
    return this.crud.appendChildren(BacktestEquityPoint, 'runId', id, dto.points);
  }
}
Reflect.defineMetadata(
  'design:paramtypes',
  [String, AppendEventsDto],
  BacktestResultsController.prototype,
  'appendEvents',
);
Reflect.defineMetadata(
  'design:paramtypes',
  [String, AppendPointsDto],
  BacktestResultsController.prototype,
  'appendPoints',
);
