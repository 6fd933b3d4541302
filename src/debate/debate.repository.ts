import { Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { GenerateSql, SAMPLE } from '../database/generate-sql';
import type { Tx } from '../database/transaction';
import { DebateConsensus } from './entities/debate-consensus.entity';

@Injectable()
export class DebateRepository {
  constructor(@InjectTransactionHost() private readonly tx: Tx) {}

  /** Marks the session completed; false when there is no such session. */
  @GenerateSql({ params: [SAMPLE.uuid] })
  async completeSession(id: string): Promise<boolean> {
    const [rows]: [unknown[], number] = await this.tx.tx.query(
      `UPDATE debate_sessions SET status = 'completed', completed_at = now() WHERE id = $1 RETURNING id`,
      [id],
    );
    return rows.length > 0;
  }

  @GenerateSql({ params: [{ sessionId: SAMPLE.uuid, decision: 'buy' }] })
  async insertConsensus(values: QueryDeepPartialEntity<DebateConsensus>): Promise<DebateConsensus> {
    const repo = this.tx.tx.getRepository(DebateConsensus);
    const { identifiers } = await repo.insert(values);
    return repo.findOneByOrFail({ id: identifiers[0].id as string });
  }
}
