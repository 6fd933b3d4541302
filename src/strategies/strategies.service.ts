import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/auth-user';
import { AccessPolicy } from '../auth/policy/access-policy.service';
import { assertCreateAllowed } from '../auth/policy/admin-states';
import { NotFoundError } from '../common/errors/domain-errors';
import { Page } from '../common/pagination/page';
import { DeletePreview } from '../database/cascade-preview.service';
import { CreateStrategyDto } from './dto/create-strategy.dto';
import { ListStrategiesQuery } from './dto/list-strategies.query';
import { UpdateStrategyDto } from './dto/update-strategy.dto';
import { Strategy } from './entities/strategy.entity';
import { StrategiesRepository } from './strategies.repository';

@Injectable()
export class StrategiesService {
  constructor(
    private readonly strategies: StrategiesRepository,
    private readonly policy: AccessPolicy,
  ) {}

  list(query: ListStrategiesQuery): Promise<Page<Strategy>> {
    return this.strategies.list(query);
  }

  async get(id: string): Promise<Strategy> {
    const found = await this.strategies.find(id);
    if (!found) throw new NotFoundError('strategy', id);
    return found;
  }

  create(dto: CreateStrategyDto, caller: AuthUser): Promise<Strategy> {
    // Switching a strategy on or off is an administrator's decision (admin-states.ts).
    assertCreateAllowed(Strategy, { ...dto }, caller);
    return this.strategies.insert(dto);
  }

  async update(id: string, dto: UpdateStrategyDto, caller: AuthUser): Promise<Strategy> {
    // isActive is the admin's field, whatever the row holds: the body alone decides (admin-states.ts).
    assertCreateAllowed(Strategy, { ...dto }, caller);
    if (Object.keys(dto).length > 0 && !(await this.strategies.update(id, dto)))
      throw new NotFoundError('strategy', id);
    return this.get(id);
  }

  /**
   * Deletes the strategy and everything that cascades from it. Users' trades and decisions on it
   * make that a 409 unless an admin passes force (the preview answers the same).
   */
  async remove(
    id: string,
    caller: AuthUser,
    options: { dryRun?: boolean; force?: boolean },
  ): Promise<DeletePreview | void> {
    if (!(await this.strategies.exists(id, true))) throw new NotFoundError('strategy', id);
    const preview = await this.policy.checkDelete(Strategy, id, caller, options);
    if (options.dryRun) return preview;
    await this.strategies.delete(id);
  }
}
