import { Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import { SelectQueryBuilder } from 'typeorm';
import type { AuthUser } from '../auth/auth-user';
import { NotFoundError } from '../common/errors/domain-errors';
import { ORDER_VALUE, pageFrom, TOTAL } from '../common/pagination/keyset';
import { Page } from '../common/pagination/page';
import { CascadePreviewService, DeletePreview } from '../database/cascade-preview.service';
import { assertOwnedReference } from '../database/owned-reference';
import type { ScopeSql, Statement } from '../common/sql/params';
import type { Tx } from '../database/transaction';
import { Trade } from '../trades/entities/trade.entity';
import {
  AiDecisionRow,
  decisionCountStatement,
  decisionFromRow,
  decisionPageStatement,
  decisionStatement,
} from './ai-decisions.query';
import { CreateAiDecisionDto } from './dto/create-ai-decision.dto';
import { ListAiDecisionsQuery } from './dto/list-ai-decisions.query';
import { AiDecision } from './entities/ai-decision.entity';

@Injectable()
export class AiDecisionsService {
  constructor(
    @InjectTransactionHost() private readonly tx: Tx,
    private readonly cascade: CascadePreviewService,
  ) {}

  private get decisions() {
    return this.tx.tx.getRepository(AiDecision);
  }

  private owned(user: AuthUser): SelectQueryBuilder<AiDecision> {
    return this.decisions.createQueryBuilder('d').where('d.user_id = :userId', { userId: user.id });
  }

  /** The same ownership condition as `owned`, for the hand-written statements. */
  private scope(user: AuthUser): ScopeSql {
    return (alias, params) => `${alias}.user_id = ${params.add(user.id)}`;
  }

  private rows(statement: Statement): Promise<AiDecisionRow[]> {
    return this.tx.tx.query(statement.sql, statement.params) as Promise<AiDecisionRow[]>;
  }

  /** One statement (two only for an empty page past the end when the total is asked for). */
  async list(user: AuthUser, query: ListAiDecisionsQuery): Promise<Page<AiDecision>> {
    const rows = await this.rows(decisionPageStatement(this.scope(user), query));
    return pageFrom(rows, query, {
      item: decisionFromRow,
      key: (r) => ({ t: r[ORDER_VALUE], id: r.id }),
      total: (r) => Number(r[TOTAL]),
      count: async () => {
        const { sql, params } = decisionCountStatement(this.scope(user), query);
        const [row] = (await this.tx.tx.query(sql, params)) as Array<{ count: string }>;
        return Number(row.count);
      },
    });
  }

  async get(user: AuthUser, id: string): Promise<AiDecision> {
    const [row] = await this.rows(decisionStatement(this.scope(user), id));
    if (!row) throw new NotFoundError('AI decision', id);
    return decisionFromRow(row);
  }

  async create(user: AuthUser, dto: CreateAiDecisionDto): Promise<AiDecision> {
    await assertOwnedReference(
      this.tx.tx,
      Trade,
      dto.executedTradeId,
      user.id,
      'executedTradeId',
      'a trade',
    );
    return this.decisions.save(this.decisions.create({ ...dto, userId: user.id }));
  }

  async remove(user: AuthUser, id: string, dryRun = false): Promise<DeletePreview | void> {
    if (!(await this.owned(user).andWhere('d.id = :id', { id }).getExists())) {
      throw new NotFoundError('AI decision', id);
    }
    if (dryRun) return this.cascade.preview(AiDecision, id);
    await this.decisions.delete({ id, userId: user.id });
  }
}
