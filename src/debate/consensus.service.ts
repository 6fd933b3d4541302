import { Injectable } from '@nestjs/common';
import { Transactional } from '@nestjs-cls/transactional';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { AuthUser } from '../auth/auth-user';
import { AccessPolicy } from '../auth/policy/access-policy.service';
import { NotFoundError } from '../common/errors/domain-errors';
import { DebateRepository } from './debate.repository';
import { ReachConsensusDto } from './dto/reach-consensus.dto';
import { DebateConsensus } from './entities/debate-consensus.entity';

@Injectable()
export class ConsensusService {
  constructor(
    private readonly debate: DebateRepository,
    private readonly policy: AccessPolicy,
  ) {}

  /** Records the session's consensus and completes the session, together (409 on a second). */
  @Transactional()
  async reach(
    sessionId: string,
    dto: ReachConsensusDto,
    caller: AuthUser,
  ): Promise<DebateConsensus> {
    // A work item named in the body must be one the caller may see.
    await this.policy.assertReferences(DebateConsensus, { ...dto }, caller);
    if (!(await this.debate.completeSession(sessionId)))
      throw new NotFoundError('debate session', sessionId);
    // jsonb columns take any validated JSON value, which TypeORM's partial type cannot express.
    return this.debate.insertConsensus({
      ...dto,
      sessionId,
    } as QueryDeepPartialEntity<DebateConsensus>);
  }
}
