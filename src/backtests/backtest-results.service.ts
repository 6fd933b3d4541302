import { Injectable } from '@nestjs/common';
import { Transactional } from '@nestjs-cls/transactional';
import { NotFoundError } from '../common/errors/domain-errors';
import { ListQueryDto } from '../common/pagination/list-query.dto';
import { Page } from '../common/pagination/page';
import { BacktestsRepository, Series } from './backtests.repository';

/** A backtest run's trade events and equity curve: paged by ts (newest first), appended in bulk. */
@Injectable()
export class BacktestResultsService {
  constructor(private readonly backtests: BacktestsRepository) {}

  private async assertRun(id: string): Promise<void> {
    if (!(await this.backtests.runExists(id))) throw new NotFoundError('backtest', id);
  }

  async list<S extends Series>(
    series: S,
    runId: string,
    query: ListQueryDto,
  ): Promise<Page<InstanceType<S>>> {
    await this.assertRun(runId);
    return this.backtests.list(series, runId, query);
  }

  /** All or nothing. */
  @Transactional()
  async append(series: Series, runId: string, rows: object[]): Promise<{ inserted: number }> {
    await this.assertRun(runId);
    return this.backtests.append(series, runId, rows);
  }
}
