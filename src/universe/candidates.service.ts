import { Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import type { AuthUser } from '../auth/auth-user';
import { NotFoundError } from '../common/errors/domain-errors';
import type { Tx } from '../database/transaction';
import { UniverseCandidate } from './entities/universe-candidate.entity';

@Injectable()
export class CandidatesService {
  constructor(@InjectTransactionHost() private readonly tx: Tx) {}

  /** Status APPROVED, approved by the calling admin, now: the only way a candidate is approved. */
  async approve(id: string, admin: AuthUser): Promise<UniverseCandidate> {
    const [rows]: [unknown[], number] = await this.tx.tx.query(
      `UPDATE universe_candidates SET status = 'APPROVED', approved_by = $2, approved_at = now(), updated_at = now()
       WHERE id = $1 RETURNING id`,
      [id, admin.userId],
    );
    if (rows.length === 0) throw new NotFoundError('universe candidate', id);
    return this.tx.tx.getRepository(UniverseCandidate).findOneByOrFail({ id });
  }
}
