import { Injectable } from '@nestjs/common';
import { Transactional } from '@nestjs-cls/transactional';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { AuthUser } from '../auth/auth-user';
import { assertCreateAllowed } from '../auth/policy/admin-states';
import { NotFoundError } from '../common/errors/domain-errors';
import { ListQueryDto } from '../common/pagination/list-query.dto';
import { Page } from '../common/pagination/page';
import { StrategyVersion } from './entities/strategy-version.entity';
import { StrategiesRepository } from './strategies.repository';

/** A strategy's versions: numbers unique per strategy, at most one active (partial unique index). */
@Injectable()
export class StrategyVersionsService {
  constructor(private readonly strategies: StrategiesRepository) {}

  private async assertStrategy(id: string, lock = false): Promise<void> {
    if (!(await this.strategies.exists(id, lock))) throw new NotFoundError('strategy', id);
  }

  async list(strategyId: string, query: ListQueryDto): Promise<Page<StrategyVersion>> {
    await this.assertStrategy(strategyId);
    return this.strategies.listVersions(strategyId, query);
  }

  async create(
    strategyId: string,
    dto: QueryDeepPartialEntity<StrategyVersion>,
    caller: AuthUser,
  ): Promise<StrategyVersion> {
    assertCreateAllowed(StrategyVersion, dto as Record<string, unknown>, caller);
    await this.assertStrategy(strategyId);
    return this.strategies.insertVersion({ ...dto, strategyId, createdBy: caller.userId });
  }

  /**
   * Makes this version the strategy's active one and archives the previous one. Activations of
   * one strategy queue on its row lock, so they never collide on the one-active index.
   */
  @Transactional()
  async activate(strategyId: string, id: string): Promise<StrategyVersion> {
    await this.assertStrategy(strategyId, true);
    if (!(await this.strategies.versionExists(strategyId, id)))
      throw new NotFoundError('strategy version', id);
    return this.strategies.activateVersion(strategyId, id);
  }
}
