import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

@Injectable()
export class TestRoutesService {
  constructor(private readonly ds: DataSource) {}

  /** Holds one pooled connection for `ms` milliseconds (shutdown tests need a request in flight). */
  async sleep(ms: number): Promise<void> {
    await this.ds.query('SELECT pg_sleep($1)', [ms / 1000]);
  }

  /** Waits for the advisory lock `key` (transaction-scoped: nothing outlives the statement, and it works through PgBouncer). */
  async hold(key: number): Promise<void> {
    await this.ds.query('SELECT pg_advisory_xact_lock_shared($1::bigint)', [key]);
  }

  /** One statement for the ids, then one per trade (the N+1 shape, on purpose). */
  async tradesOneByOne(userId: string, limit: number): Promise<number> {
    const ids = (await this.ds.query(
      'SELECT id FROM trades WHERE user_id = $1 ORDER BY executed_at DESC, id DESC LIMIT $2',
      [userId, limit],
    )) as { id: string }[];
    for (const { id } of ids) await this.ds.query('SELECT * FROM trades WHERE id = $1', [id]);
    return ids.length;
  }
}
