import { Injectable } from '@nestjs/common';
import { ownerOf, type AuthUser } from '../auth/auth-user';
import { AccessPolicy } from '../auth/policy/access-policy.service';
import { NotFoundError } from '../common/errors/domain-errors';
import { JsonText } from '../common/http/json-text';
import { DeletePreview } from '../database/cascade-preview.service';
import { AiDecisionsRepository } from './ai-decisions.repository';
import { CreateAiDecisionDto } from './dto/create-ai-decision.dto';
import { ListAiDecisionsQuery } from './dto/list-ai-decisions.query';
import { AiDecision } from './entities/ai-decision.entity';

@Injectable()
export class AiDecisionsService {
  constructor(
    private readonly decisions: AiDecisionsRepository,
    private readonly policy: AccessPolicy,
  ) {}

  /** The page as JSON built by PostgreSQL (see json-object.ts), sent as it is. */
  list(user: AuthUser, query: ListAiDecisionsQuery): Promise<JsonText> {
    return this.decisions.page(user, query);
  }

  async get(user: AuthUser, id: string): Promise<JsonText> {
    const found = await this.decisions.one(user, id);
    if (!found) throw new NotFoundError('AI decision', id);
    return found;
  }

  async create(user: AuthUser, dto: CreateAiDecisionDto): Promise<AiDecision> {
    // The executed trade (and strategy) named must be rows the caller may see.
    await this.policy.assertReferences(AiDecision, { ...dto }, user);
    return this.decisions.insert({ ...dto, userId: ownerOf(user) });
  }

  /** The decision and its cascade, unless shared rows depend on it (409; an admin may force). */
  async remove(
    user: AuthUser,
    id: string,
    options: { dryRun?: boolean; force?: boolean } = {},
  ): Promise<DeletePreview | void> {
    if (!(await this.decisions.lockOwned(user, id))) throw new NotFoundError('AI decision', id);
    const preview = await this.policy.checkDelete(AiDecision, id, user, options);
    if (options.dryRun) return preview;
    await this.decisions.delete(id);
  }
}
