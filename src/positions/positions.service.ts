import { Injectable } from '@nestjs/common';
import { Transactional } from '@nestjs-cls/transactional';
import { ownerOf, type AuthUser } from '../auth/auth-user';
import { ListQueryDto } from '../common/pagination/list-query.dto';
import { Page } from '../common/pagination/page';
import { assertNoDuplicates } from '../common/sql/bulk';
import { SyncPositionsDto } from './dto/sync-positions.dto';
import { SyncResultDto } from './dto/sync-result.dto';
import { Position } from './entities/position.entity';
import { PositionsRepository } from './positions.repository';

@Injectable()
export class PositionsService {
  constructor(private readonly positions: PositionsRepository) {}

  list(user: AuthUser, query: ListQueryDto): Promise<Page<Position>> {
    return this.positions.list(user, query);
  }

  /**
   * Makes the caller's positions equal the broker's list, all or nothing. Positions that persist
   * keep their id and opened_at; concurrent syncs of one user queue on a transaction-scoped
   * advisory lock, so the end state is always one whole request.
   */
  @Transactional()
  async sync(user: AuthUser, dto: SyncPositionsDto): Promise<SyncResultDto> {
    assertNoDuplicates('positions', [['symbols', dto.positions.map((p) => p.symbol)]]);
    const owner = ownerOf(user);
    await this.positions.lockOwner(owner);
    return this.positions.replace(owner, dto.positions);
  }
}
