import { Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import { paginate } from '../common/pagination/keyset';
import { ListQueryDto } from '../common/pagination/list-query.dto';
import { Page } from '../common/pagination/page';
import { chunksFor } from '../common/sql/bulk';
import { GenerateSql, SAMPLE } from '../database/generate-sql';
import type { Tx } from '../database/transaction';
import { BacktestEquityPoint } from './entities/backtest-equity-point.entity';
import { BacktestRun } from './entities/backtest-run.entity';
import { BacktestTradeEvent } from './entities/backtest-trade-event.entity';

export type Series = typeof BacktestTradeEvent | typeof BacktestEquityPoint;
const PAGE = Object.assign(new ListQueryDto(), { limit: 50, offset: 0 });

/** A backtest run's trade events and equity curve. */
@Injectable()
export class BacktestsRepository {
  constructor(@InjectTransactionHost() private readonly tx: Tx) {}

  @GenerateSql({ params: [SAMPLE.uuid] })
  runExists(id: string): Promise<boolean> {
    return this.tx.tx.getRepository(BacktestRun).existsBy({ id });
  }

  /** Newest `ts` first. */
  @GenerateSql(
    { name: 'events', params: [BacktestTradeEvent, SAMPLE.uuid, PAGE] },
    { name: 'equity curve', params: [BacktestEquityPoint, SAMPLE.uuid, PAGE] },
  )
  list<S extends Series>(
    series: S,
    runId: string,
    query: ListQueryDto,
  ): Promise<Page<InstanceType<S>>> {
    const qb = this.tx.tx
      .getRepository(series as new () => InstanceType<S>)
      .createQueryBuilder('r')
      .where('r.run_id = :runId', { runId });
    return paginate(qb, { alias: 'r', timeColumn: 'ts' }, query);
  }

  /** Inserts the rows for one run in chunks under the bind-parameter limit (the caller's transaction). */
  @GenerateSql({
    name: 'two points',
    params: [
      BacktestEquityPoint,
      SAMPLE.uuid,
      [
        { ts: SAMPLE.date, equity: '100', cash: '50', exposure: '0.5' },
        { ts: SAMPLE.date, equity: '101', cash: '50', exposure: '0.5' },
      ],
    ],
  })
  async append(series: Series, runId: string, rows: object[]): Promise<{ inserted: number }> {
    const repo = this.tx.tx.getRepository(series as new () => object);
    for (const chunk of chunksFor(rows, repo.metadata.columns.length)) {
      await repo.insert(chunk.map((r) => ({ ...r, runId })));
    }
    return { inserted: rows.length };
  }
}
