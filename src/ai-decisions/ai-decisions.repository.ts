import { Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import type { DeepPartial } from 'typeorm';
import type { AuthUser } from '../auth/auth-user';
import { AccessPolicy } from '../auth/policy/access-policy.service';
import { JsonText } from '../common/http/json-text';
import { GenerateSql, SAMPLE, SAMPLE_CALLERS } from '../database/generate-sql';
import { readJsonItem, readJsonPage } from '../database/read-query';
import type { Tx } from '../database/transaction';
import {
  decisionCountStatement,
  decisionPageStatement,
  decisionStatement,
} from './ai-decisions.query';
import { ListAiDecisionsQuery } from './dto/list-ai-decisions.query';
import { AiDecision } from './entities/ai-decision.entity';

const LIST = Object.assign(new ListAiDecisionsQuery(), { limit: 50, offset: 0 });

/** AI decisions; the caller's condition in every statement. */
@Injectable()
export class AiDecisionsRepository {
  constructor(
    @InjectTransactionHost() private readonly tx: Tx,
    private readonly policy: AccessPolicy,
  ) {}

  /** One statement (two only for an empty page past the end when the total is asked for). */
  @GenerateSql(
    { name: 'first page of a user', params: [SAMPLE_CALLERS.user, LIST] },
    {
      name: 'filtered',
      params: [SAMPLE_CALLERS.user, { ...LIST, status: 'executed', symbol: 'AAPL' }],
    },
  )
  page(caller: AuthUser, query: ListAiDecisionsQuery): Promise<JsonText> {
    const scope = this.policy.scopeSql(AiDecision, caller, 'read');
    return readJsonPage(this.tx, query, decisionPageStatement(scope, query), () =>
      decisionCountStatement(scope, query),
    );
  }

  @GenerateSql({ params: [SAMPLE_CALLERS.user, SAMPLE.uuid] })
  one(caller: AuthUser, id: string): Promise<JsonText | undefined> {
    return readJsonItem(
      this.tx,
      decisionStatement(this.policy.scopeSql(AiDecision, caller, 'read'), id),
    );
  }

  @GenerateSql({ params: [{ symbol: 'AAPL', action: 'buy', userId: SAMPLE.uuid }] })
  insert(values: DeepPartial<AiDecision>): Promise<AiDecision> {
    const repo = this.tx.tx.getRepository(AiDecision);
    return repo.save(repo.create(values));
  }

  /** Whether the caller may change the decision; it stays locked until the transaction ends. */
  @GenerateSql({ params: [SAMPLE_CALLERS.user, SAMPLE.uuid] })
  lockOwned(caller: AuthUser, id: string): Promise<boolean> {
    return this.policy
      .scope(
        this.tx.tx.getRepository(AiDecision).createQueryBuilder('d'),
        AiDecision,
        'd',
        caller,
        'write',
      )
      .andWhere('d.id = :id', { id })
      .setLock('pessimistic_write')
      .getExists();
  }

  @GenerateSql({ params: [SAMPLE.uuid] })
  async delete(id: string): Promise<void> {
    await this.tx.tx.getRepository(AiDecision).delete({ id });
  }
}
