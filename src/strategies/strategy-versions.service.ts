import { Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { AuthUser } from '../auth/auth-user';
import { CrudService } from '../common/crud/crud.service';
import { ForbiddenError, NotFoundError } from '../common/errors/domain-errors';
import { ListQueryDto } from '../common/pagination/list-query.dto';
import { Page } from '../common/pagination/page';
import type { Tx } from '../database/transaction';
import { Strategy } from './entities/strategy.entity';
import { StrategyVersion } from './entities/strategy-version.entity';

/** A strategy's versions: numbers unique per strategy, at most one active (partial unique index). */
@Injectable()
export class StrategyVersionsService {
  constructor(
    @InjectTransactionHost() private readonly tx: Tx,
    private readonly crud: CrudService,
  ) {}

  private async assertStrategy(id: string, lock = false): Promise<void> {
    const qb = this.tx.tx
      .getRepository(Strategy)
      .createQueryBuilder('s')
      .where('s.id = :id', { id });
    if (lock) qb.setLock('pessimistic_write');
    if (!(await qb.getExists())) throw new NotFoundError('strategy', id);
  }

  async list(strategyId: string, query: ListQueryDto): Promise<Page<StrategyVersion>> {
    await this.assertStrategy(strategyId);
    return this.crud.listChildren(StrategyVersion, 'strategy_id', strategyId, query, 'created_at');
  }

  async create(
    strategyId: string,
    dto: QueryDeepPartialEntity<StrategyVersion>,
    caller: AuthUser,
  ): Promise<StrategyVersion> {
    if (dto.status === 'active' && !caller.isAdmin) {
      throw new ForbiddenError(
        'a version becomes active through POST /api/strategies/{strategyId}/versions/{id}/activate (an administrator)',
      );
    }
    await this.assertStrategy(strategyId);
    const repo = this.tx.tx.getRepository(StrategyVersion);
    const { identifiers } = await repo.insert({ ...dto, strategyId, createdBy: caller.userId });
    return repo.findOneByOrFail({ id: identifiers[0].id as string });
  }

  /**
   * Makes this version the strategy's active one and archives the previous one. Activations of
   * one strategy queue on its row lock, so they never collide on the one-active index.
   */
  async activate(strategyId: string, id: string): Promise<StrategyVersion> {
    return this.tx.withTransaction(async () => {
      await this.assertStrategy(strategyId, true);
      const repo = this.tx.tx.getRepository(StrategyVersion);
      if (!(await repo.existsBy({ id, strategyId })))
        throw new NotFoundError('strategy version', id);
      await this.tx.tx.query(
        `UPDATE strategy_versions SET status = 'archived' WHERE strategy_id = $1 AND status = 'active' AND id <> $2`,
        [strategyId, id],
      );
      await this.tx.tx.query(
        `UPDATE strategy_versions SET status = 'active', activated_at = now() WHERE id = $1`,
        [id],
      );
      return repo.findOneByOrFail({ id });
    });
  }
}
