import { Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import { GenerateSql, SAMPLE } from '../database/generate-sql';
import type { Tx } from '../database/transaction';
import { UniverseCandidate } from './entities/universe-candidate.entity';

@Injectable()
export class UniverseRepository {
  constructor(@InjectTransactionHost() private readonly tx: Tx) {}

  /** Status APPROVED, by whom and when; null when there is no such candidate. */
  @GenerateSql({ params: [SAMPLE.uuid, SAMPLE.otherUuid] })
  async approveCandidate(id: string, approvedBy: string | null): Promise<UniverseCandidate | null> {
    const [rows]: [unknown[], number] = await this.tx.tx.query(
      `UPDATE universe_candidates SET status = 'APPROVED', approved_by = $2, approved_at = now(), updated_at = now()
       WHERE id = $1 RETURNING id`,
      [id, approvedBy],
    );
    if (rows.length === 0) return null;
    return this.tx.tx.getRepository(UniverseCandidate).findOneByOrFail({ id });
  }
}
