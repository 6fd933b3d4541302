import { Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import { CrudService } from '../common/crud/crud.service';
import { NotFoundError } from '../common/errors/domain-errors';
import { ListQueryDto } from '../common/pagination/list-query.dto';
import { Page } from '../common/pagination/page';
import type { Tx } from '../database/transaction';
import { BacktestEquityPoint } from './entities/backtest-equity-point.entity';
import { BacktestRun } from './entities/backtest-run.entity';
import { BacktestTradeEvent } from './entities/backtest-trade-event.entity';

type Series = typeof BacktestTradeEvent | typeof BacktestEquityPoint;

/** A backtest run's trade events and equity curve: paged by ts (newest first), appended in bulk. */
@Injectable()
export class BacktestResultsService {
  constructor(
    @InjectTransactionHost() private readonly tx: Tx,
    private readonly crud: CrudService,
  ) {}

  private async assertRun(id: string): Promise<void> {
    if (!(await this.tx.tx.getRepository(BacktestRun).existsBy({ id })))
      throw new NotFoundError('backtest', id);
  }

  async list<S extends Series>(
    series: S,
    runId: string,
    query: ListQueryDto,
  ): Promise<Page<InstanceType<S>>> {
    await this.assertRun(runId);
    return this.crud.listChildren(
      series as new () => InstanceType<S>,
      'run_id',
      runId,
      query,
      'ts',
    );
  }

  async append(series: Series, runId: string, rows: object[]): Promise<{ inserted: number }> {
    await this.assertRun(runId);
    return this.crud.appendChildren(series as new () => object, 'runId', runId, rows);
  }
}
