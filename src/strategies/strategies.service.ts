import { Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import type { AuthUser } from '../auth/auth-user';
import { AccessPolicy } from '../auth/policy/access-policy.service';
import { ForbiddenError, NotFoundError } from '../common/errors/domain-errors';
import { paginate } from '../common/pagination/keyset';
import { Page } from '../common/pagination/page';
import { DeletePreview } from '../database/cascade-preview.service';
import type { Tx } from '../database/transaction';
import { CreateStrategyDto } from './dto/create-strategy.dto';
import { ListStrategiesQuery } from './dto/list-strategies.query';
import { UpdateStrategyDto } from './dto/update-strategy.dto';
import { Strategy } from './entities/strategy.entity';

@Injectable()
export class StrategiesService {
  constructor(
    @InjectTransactionHost() private readonly tx: Tx,
    private readonly policy: AccessPolicy,
  ) {}

  /** Switching a strategy on or off is an administrator's decision, not a data feed's. */
  private assertActivation(dto: { isActive?: boolean }, caller: AuthUser): void {
    if (dto.isActive !== undefined && !caller.isAdmin)
      throw new ForbiddenError('only an administrator sets isActive');
  }

  private get strategies() {
    return this.tx.tx.getRepository(Strategy);
  }

  list(query: ListStrategiesQuery): Promise<Page<Strategy>> {
    const qb = this.strategies.createQueryBuilder('s');
    if (query.isActive !== undefined)
      qb.andWhere('s.is_active = :isActive', { isActive: query.isActive });
    if (query.type !== undefined) qb.andWhere('s.type = :type', { type: query.type });
    return paginate(qb, { alias: 's', timeColumn: 'created_at' }, query);
  }

  async get(id: string): Promise<Strategy> {
    const found = await this.strategies.findOneBy({ id });
    if (!found) throw new NotFoundError('strategy', id);
    return found;
  }

  create(dto: CreateStrategyDto, caller: AuthUser): Promise<Strategy> {
    this.assertActivation(dto, caller);
    return this.strategies.save(this.strategies.create(dto));
  }

  async update(id: string, dto: UpdateStrategyDto, caller: AuthUser): Promise<Strategy> {
    this.assertActivation(dto, caller);
    if (Object.keys(dto).length > 0) {
      const result = await this.strategies.update({ id }, dto);
      if (!result.affected) throw new NotFoundError('strategy', id);
    }
    return this.get(id);
  }

  /**
   * Deletes the strategy and everything that cascades from it. Users' trades and decisions on it
   * make that a 409 unless an admin passes force (the preview answers the same).
   */
  async remove(
    id: string,
    caller: AuthUser,
    options: { dryRun?: boolean; force?: boolean },
  ): Promise<DeletePreview | void> {
    const exists = await this.strategies
      .createQueryBuilder('s')
      .where('s.id = :id', { id })
      .setLock('pessimistic_write')
      .getExists();
    if (!exists) throw new NotFoundError('strategy', id);
    const preview = await this.policy.checkDelete(Strategy, id, caller, options);
    if (options.dryRun) return preview;
    await this.strategies.delete({ id });
  }
}
