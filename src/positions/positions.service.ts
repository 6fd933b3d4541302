import { Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import { ownerOf, type AuthUser } from '../auth/auth-user';
import { AccessPolicy } from '../auth/policy/access-policy.service';
import { paginate } from '../common/pagination/keyset';
import { ListQueryDto } from '../common/pagination/list-query.dto';
import { Page } from '../common/pagination/page';
import { assertNoDuplicates, upsertRows } from '../common/sql/bulk';
import type { Tx } from '../database/transaction';
import { SyncPositionsDto } from './dto/sync-positions.dto';
import { SyncResultDto } from './dto/sync-result.dto';
import { Position } from './entities/position.entity';

const COLUMNS: Array<[string, string]> = [
  ['user_id', 'uuid'],
  ['symbol', 'text'],
  ['quantity', 'numeric'],
  ['entry_price', 'numeric'],
  ['current_price', 'numeric'],
  ['unrealized_pnl', 'numeric'],
  ['side', 'text'],
];

@Injectable()
export class PositionsService {
  constructor(
    @InjectTransactionHost() private readonly tx: Tx,
    private readonly policy: AccessPolicy,
  ) {}

  list(user: AuthUser, query: ListQueryDto): Promise<Page<Position>> {
    const qb = this.policy.scope(
      this.tx.tx.getRepository(Position).createQueryBuilder('p'),
      Position,
      'p',
      user,
    );
    return paginate(qb, { alias: 'p', timeColumn: 'opened_at' }, query);
  }

  /**
   * Makes the caller's positions equal the broker's list, all or nothing. Positions that persist
   * keep their id and opened_at (upsert on (user_id, symbol), then delete the rest); concurrent
   * syncs of one user queue on a transaction-scoped advisory lock, so the end state is always one
   * whole request.
   */
  async sync(user: AuthUser, dto: SyncPositionsDto): Promise<SyncResultDto> {
    assertNoDuplicates('positions', [['symbols', dto.positions.map((p) => p.symbol)]]);
    const owner = ownerOf(user);
    return this.tx.withTransaction(async () => {
      const m = this.tx.tx;
      await m.query(`SELECT pg_advisory_xact_lock(hashtextextended('positions:' || $1::text, 0))`, [
        owner,
      ]);

      const rows = dto.positions.map((p) => [
        owner,
        p.symbol,
        p.qty,
        p.avg_entry_price,
        p.current_price,
        p.unrealized_pl,
        p.side,
      ]);
      const { inserted, updated } = await upsertRows(m, {
        table: 'positions',
        columns: COLUMNS,
        rows,
        onConflict: `ON CONFLICT (user_id, symbol) DO UPDATE SET
          quantity = EXCLUDED.quantity, entry_price = EXCLUDED.entry_price, current_price = EXCLUDED.current_price,
          unrealized_pnl = EXCLUDED.unrealized_pnl, side = EXCLUDED.side`,
      });
      const [, deleted]: [unknown, number] = await m.query(
        `DELETE FROM positions WHERE user_id = $1 AND NOT (symbol = ANY($2::text[]))`,
        [owner, dto.positions.map((p) => p.symbol)],
      );
      const items = await m
        .getRepository(Position)
        .find({ where: { userId: owner }, order: { symbol: 'ASC' } });
      return { items, inserted, updated, deleted };
    });
  }
}
