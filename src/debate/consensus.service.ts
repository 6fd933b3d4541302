import { Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { NotFoundError } from '../common/errors/domain-errors';
import type { Tx } from '../database/transaction';
import { ReachConsensusDto } from './dto/reach-consensus.dto';
import { DebateConsensus } from './entities/debate-consensus.entity';

@Injectable()
export class ConsensusService {
  constructor(@InjectTransactionHost() private readonly tx: Tx) {}

  /** Records the session's consensus and completes the session, together (409 on a second). */
  async reach(sessionId: string, dto: ReachConsensusDto): Promise<DebateConsensus> {
    return this.tx.withTransaction(async () => {
      const [rows]: [unknown[], number] = await this.tx.tx.query(
        `UPDATE debate_sessions SET status = 'completed', completed_at = now() WHERE id = $1 RETURNING id`,
        [sessionId],
      );
      if (rows.length === 0) throw new NotFoundError('debate session', sessionId);
      const repo = this.tx.tx.getRepository(DebateConsensus);
      const { identifiers } = await repo.insert({
        ...dto,
        sessionId,
        // jsonb columns take any validated JSON value, which TypeORM's partial type cannot express.
      } as QueryDeepPartialEntity<DebateConsensus>);
      return repo.findOneByOrFail({ id: identifiers[0].id as string });
    });
  }
}
