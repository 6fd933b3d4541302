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
}
