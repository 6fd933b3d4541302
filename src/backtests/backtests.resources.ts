import { IsIn } from 'class-validator';
import { resource, ResourceSpec } from '../common/crud/resource-spec';
import { BacktestEquityPoint } from './entities/backtest-equity-point.entity';
import { BacktestRun } from './entities/backtest-run.entity';
import { BacktestTradeEvent } from './entities/backtest-trade-event.entity';

/** The backtests tables served by the shared CRUD mechanism: only what differs is declared here. */
export const backtestsResources: ResourceSpec[] = [
  resource({
    path: 'backtests',
    tag: 'backtests',
    entity: BacktestRun,
    label: 'backtest',
    filters: ['strategyId', 'status'],
    timeColumn: 'created_at',
    rules: { status: [IsIn(['QUEUED', 'RUNNING', 'DONE', 'FAILED'])] },
  }),
  resource({
    path: 'backtest-trade-events',
    tag: 'backtests',
    entity: BacktestTradeEvent,
    label: 'backtest trade event',
    filters: ['runId', 'symbol'],
    timeColumn: 'ts',
    rules: { side: [IsIn(['buy', 'sell'])] },
  }),
  resource({
    path: 'backtest-equity-curve',
    tag: 'backtests',
    entity: BacktestEquityPoint,
    label: 'equity point',
    filters: ['runId'],
    timeColumn: 'ts',
  }),
];
