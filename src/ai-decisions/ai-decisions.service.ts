import { Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import { SelectQueryBuilder } from 'typeorm';
import { ownerOf, type AuthUser } from '../auth/auth-user';
import { AccessPolicy } from '../auth/policy/access-policy.service';
import { NotFoundError } from '../common/errors/domain-errors';
import { paginate } from '../common/pagination/keyset';
import { Page } from '../common/pagination/page';
import { whereTimeRange } from '../common/validation/date-range';
import { CascadePreviewService, DeletePreview } from '../database/cascade-preview.service';
import type { Tx } from '../database/transaction';
import { CreateAiDecisionDto } from './dto/create-ai-decision.dto';
import { ListAiDecisionsQuery } from './dto/list-ai-decisions.query';
import { AiDecision } from './entities/ai-decision.entity';

@Injectable()
export class AiDecisionsService {
  constructor(
    @InjectTransactionHost() private readonly tx: Tx,
    private readonly cascade: CascadePreviewService,
    private readonly policy: AccessPolicy,
  ) {}

  private get decisions() {
    return this.tx.tx.getRepository(AiDecision);
  }

  private owned(user: AuthUser): SelectQueryBuilder<AiDecision> {
    return this.policy.scope(this.decisions.createQueryBuilder('d'), AiDecision, 'd', user);
  }

  list(user: AuthUser, query: ListAiDecisionsQuery): Promise<Page<AiDecision>> {
    const qb = whereTimeRange(this.owned(user), 'd.created_at', query.startDate, query.endDate);
    if (query.status) qb.andWhere('d.status = :status', { status: query.status });
    if (query.symbol) qb.andWhere('d.symbol = :symbol', { symbol: query.symbol });
    if (query.strategyId)
      qb.andWhere('d.strategy_id = :strategyId', { strategyId: query.strategyId });
    return paginate(qb, { alias: 'd', timeColumn: 'created_at' }, query);
  }

  async get(user: AuthUser, id: string): Promise<AiDecision> {
    const found = await this.owned(user).andWhere('d.id = :id', { id }).getOne();
    if (!found) throw new NotFoundError('AI decision', id);
    return found;
  }

  async create(user: AuthUser, dto: CreateAiDecisionDto): Promise<AiDecision> {
    await this.policy.assertReferences(AiDecision, { ...dto }, user);
    return this.decisions.save(this.decisions.create({ ...dto, userId: ownerOf(user) }));
  }

  /** The decision and its cascade, unless shared rows depend on it (409; an admin may force). */
  async remove(
    user: AuthUser,
    id: string,
    options: { dryRun?: boolean; force?: boolean } = {},
  ): Promise<DeletePreview | void> {
    const found = await this.owned(user)
      .andWhere('d.id = :id', { id })
      .setLock('pessimistic_write')
      .getExists();
    if (!found) throw new NotFoundError('AI decision', id);
    const preview = await this.policy.checkDelete(AiDecision, id, user, options);
    if (options.dryRun) return preview;
    await this.decisions.delete({ id });
  }
}
