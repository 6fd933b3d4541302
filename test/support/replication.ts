import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { freePort } from './built-app';
import { PgCluster, SYSTEM_PG_BIN } from './pg-cluster';

const STATEMENTS = '-c shared_preload_libraries=pg_stat_statements';

/**
 * A primary and one streaming replica of the test's own, from the machine's PostgreSQL 15
 * binaries. The replica applies WAL `applyDelayMs` late (recovery_min_apply_delay), so "the
 * replica has not seen this write yet" is a fact of the setup rather than a race. Both load
 * pg_stat_statements: the replica's counts are its own, which is how a test sees what it served.
 */
export class StreamingPair {
  private constructor(
    readonly primary: PgCluster,
    readonly replica: PgCluster,
  ) {}

  /** pg_basebackup comes with the machine's PostgreSQL packages (postgresql-15). */
  static available(): boolean {
    return existsSync(join(SYSTEM_PG_BIN, 'pg_basebackup'));
  }

  static async start(applyDelayMs: number): Promise<StreamingPair> {
    const primary = new PgCluster(await freePort(), { bin: SYSTEM_PG_BIN, flags: STATEMENTS });
    const replica = new PgCluster(await freePort(), {
      bin: SYSTEM_PG_BIN,
      flags: `${STATEMENTS} -c recovery_min_apply_delay=${applyDelayMs}ms -c hot_standby_feedback=on`,
    });
    const pair = new StreamingPair(primary, replica);
    try {
      primary.init();
      primary.start();
      replica.cloneFrom(primary);
      replica.start();
    } catch (e) {
      pair.destroy();
      throw e;
    }
    return pair;
  }

  /** The URL of `database` on the replica (it exists there once the replica replayed it). */
  replicaUrl(database: string): string {
    return this.replica.url(database);
  }

  /** Calls of statements matching `pattern` (SQL LIKE) that the replica has executed. */
  async replicaCalls(database: string, pattern: string): Promise<number> {
    const c = new Client({ connectionString: this.replica.url(database) });
    await c.connect();
    try {
      const r = await c.query<{ n: string | null }>(
        'SELECT sum(calls)::bigint AS n FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid WHERE d.datname = $1 AND s.query LIKE $2',
        [database, pattern],
      );
      return Number(r.rows[0].n ?? 0);
    } finally {
      await c.end();
    }
  }

  destroy(): void {
    this.replica.destroy();
    this.primary.destroy();
  }
}
