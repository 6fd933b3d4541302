import { Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import { NotFoundError } from '../common/errors/domain-errors';
import { paginate } from '../common/pagination/keyset';
import { Page } from '../common/pagination/page';
import { CascadePreviewService, DeletePreview } from '../database/cascade-preview.service';
import type { Tx } from '../database/transaction';
import { CreateStrategyDto } from './dto/create-strategy.dto';
import { ListStrategiesQuery } from './dto/list-strategies.query';
import { UpdateStrategyDto } from './dto/update-strategy.dto';
import { Strategy } from './entities/strategy.entity';

@Injectable()
export class StrategiesService {
  constructor(
    @InjectTransactionHost() private readonly tx: Tx,
    private readonly cascade: CascadePreviewService,
  ) {}

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

  create(dto: CreateStrategyDto): Promise<Strategy> {
    return this.strategies.save(this.strategies.create(dto));
  }

  async update(id: string, dto: UpdateStrategyDto): Promise<Strategy> {
    if (Object.keys(dto).length > 0) {
      const result = await this.strategies.update({ id }, dto);
      if (!result.affected) throw new NotFoundError('strategy', id);
    }
    return this.get(id);
  }

  /** Deletes the strategy and everything that cascades from it (its trades, decisions, ...). */
  async remove(id: string, dryRun = false): Promise<DeletePreview | void> {
    if (dryRun) {
      if (!(await this.strategies.existsBy({ id }))) throw new NotFoundError('strategy', id);
      return this.cascade.preview(Strategy, id);
    }
    const result = await this.strategies.delete({ id });
    if (!result.affected) throw new NotFoundError('strategy', id);
  }
}
