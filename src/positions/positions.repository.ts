import { Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import type { AuthUser } from '../auth/auth-user';
import { AccessPolicy } from '../auth/policy/access-policy.service';
import { paginate } from '../common/pagination/keyset';
import { ListQueryDto } from '../common/pagination/list-query.dto';
import { Page } from '../common/pagination/page';
import { upsertRows } from '../common/sql/bulk';
import { GenerateSql, SAMPLE, SAMPLE_CALLERS } from '../database/generate-sql';
import type { Tx } from '../database/transaction';
import { SyncPositionsDto } from './dto/sync-positions.dto';
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
const PAGE = Object.assign(new ListQueryDto(), { limit: 50, offset: 0 });
const BROKER: SyncPositionsDto['positions'] = [
  {
    symbol: 'AAPL',
    qty: '10',
    avg_entry_price: '180',
    current_price: '187.5',
    unrealized_pl: '75',
    side: 'long',
  },
];

@Injectable()
export class PositionsRepository {
  constructor(
    @InjectTransactionHost() private readonly tx: Tx,
    private readonly policy: AccessPolicy,
  ) {}

  @GenerateSql({ params: [SAMPLE_CALLERS.user, PAGE] })
  list(caller: AuthUser, query: ListQueryDto): Promise<Page<Position>> {
    const qb = this.policy.scope(
      this.tx.tx.getRepository(Position).createQueryBuilder('p'),
      Position,
      'p',
      caller,
      'read',
    );
    return paginate(qb, { alias: 'p', timeColumn: 'opened_at' }, query);
  }

  /** Queues concurrent syncs of one user until the holder's transaction ends. */
  @GenerateSql({ params: [SAMPLE.uuid] })
  async lockOwner(owner: string): Promise<void> {
    await this.tx.tx.query(
      `SELECT pg_advisory_xact_lock(hashtextextended('positions:' || $1::text, 0))`,
      [owner],
    );
  }

  /**
   * Makes the owner's positions the broker's list: upsert on (user_id, symbol), keeping id and
   * opened_at of those that persist, then delete the rest; the final list, by symbol.
   */
  @GenerateSql({ params: [SAMPLE.uuid, BROKER] })
  async replace(
    owner: string,
    positions: SyncPositionsDto['positions'],
  ): Promise<{ items: Position[]; inserted: number; updated: number; deleted: number }> {
    const m = this.tx.tx;
    const { inserted, updated } = await upsertRows(m, {
      table: 'positions',
      columns: COLUMNS,
      rows: positions.map((p) => [
        owner,
        p.symbol,
        p.qty,
        p.avg_entry_price,
        p.current_price,
        p.unrealized_pl,
        p.side,
      ]),
      onConflict: `ON CONFLICT (user_id, symbol) DO UPDATE SET
        quantity = EXCLUDED.quantity, entry_price = EXCLUDED.entry_price, current_price = EXCLUDED.current_price,
        unrealized_pnl = EXCLUDED.unrealized_pnl, side = EXCLUDED.side`,
    });
    const [, deleted]: [unknown, number] = await m.query(
      `DELETE FROM positions WHERE user_id = $1 AND NOT (symbol = ANY($2::text[]))`,
      [owner, positions.map((p) => p.symbol)],
    );
    const items = await m
      .getRepository(Position)
      .find({ where: { userId: owner }, order: { symbol: 'ASC' } });
    return { items, inserted, updated, deleted };
  }
}
