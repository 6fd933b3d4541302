import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/auth-user';
import { NotFoundError } from '../common/errors/domain-errors';
import { UniverseCandidate } from './entities/universe-candidate.entity';
import { UniverseRepository } from './universe.repository';

@Injectable()
export class CandidatesService {
  constructor(private readonly universe: UniverseRepository) {}

  /** The only way a candidate is approved: by an admin, recorded with who and when. */
  async approve(id: string, admin: AuthUser): Promise<UniverseCandidate> {
    const approved = await this.universe.approveCandidate(id, admin.userId);
    if (!approved) throw new NotFoundError('universe candidate', id);
    return approved;
  }
}
