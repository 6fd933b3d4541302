import { resource, ResourceSpec } from '../common/crud/resource-spec';
import { BacktestEquityPoint } from './entities/backtest-equity-point.entity';
import { BacktestRun } from './entities/backtest-run.entity';
import { BacktestTradeEvent } from './entities/backtest-trade-event.entity';
import {
  CreateBacktestRunDto,
  UpdateBacktestRunDto,
  ListBacktestsQuery,
} from './dto/backtests.dto';
import {
  CreateBacktestTradeEventDto,
  UpdateBacktestTradeEventDto,
  ListBacktestTradeEventsQuery,
} from './dto/backtest-trade-events.dto';
import {
  CreateBacktestEquityPointDto,
  UpdateBacktestEquityPointDto,
  ListBacktestEquityCurveQuery,
} from './dto/backtest-equity-curve.dto';

export const backtests = resource({
  path: 'backtests',
  tag: 'backtests',
  entity: BacktestRun,
  label: 'backtest',
  createDto: CreateBacktestRunDto,
  updateDto: UpdateBacktestRunDto,
  listQuery: ListBacktestsQuery,
  filters: ['strategyId', 'status'],
  timeColumn: 'created_at',
});

export const backtestTradeEvents = resource({
  path: 'backtest-trade-events',
  tag: 'backtests',
  entity: BacktestTradeEvent,
  label: 'backtest trade event',
  createDto: CreateBacktestTradeEventDto,
  updateDto: UpdateBacktestTradeEventDto,
  listQuery: ListBacktestTradeEventsQuery,
  filters: ['runId', 'symbol'],
  timeColumn: 'ts',
});

export const backtestEquityCurve = resource({
  path: 'backtest-equity-curve',
  tag: 'backtests',
  entity: BacktestEquityPoint,
  label: 'equity point',
  createDto: CreateBacktestEquityPointDto,
  updateDto: UpdateBacktestEquityPointDto,
  listQuery: ListBacktestEquityCurveQuery,
  filters: ['runId'],
  timeColumn: 'ts',
});

/** The backtests tables served by the shared CRUD mechanism: each names its DTOs and what differs. */
export const backtestsResources: ResourceSpec[] = [
  backtests,
  backtestTradeEvents,
  backtestEquityCurve,
];
