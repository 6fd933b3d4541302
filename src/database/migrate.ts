import { DataSource, MigrationExecutor, MigrationInterface } from 'typeorm';

/** PostgreSQL's lock_not_available: `lock_timeout` ran out while waiting for a lock. */
const LOCK_NOT_AVAILABLE = '55P03';

export interface MigrateOptions {
  /**
   * How long one DDL statement of a transactional migration may wait for its lock. While it waits,
   * every writer of that table queues behind it, so this bounds what a migration can cost writers.
   */
  lockTimeoutMs: number;
  /** Attempts per run before giving up (the failed migration rolled back, nothing half-done). */
  attempts: number;
  /** First wait between attempts; doubles each time (with jitter), capped at 30 s. */
  backoffMs?: number;
  /** DATABASE_URL is PgBouncer in transaction pooling: no session-level settings. */
  pgbouncer?: boolean;
  log?: (message: string) => void;
}

const lockTimedOut = (e: unknown): boolean =>
  (e as { code?: unknown; driverError?: { code?: unknown } }).code === LOCK_NOT_AVAILABLE ||
  (e as { driverError?: { code?: unknown } }).driverError?.code === LOCK_NOT_AVAILABLE;

/**
 * Runs the pending migrations so that they cannot lock production, the way GitLab's
 * `with_lock_retries` does: each transactional migration runs with `SET LOCAL lock_timeout`, so
 * an ALTER that cannot get its lock (a long transaction holds the table) gives up quickly instead
 * of queueing every writer behind it; the migration rolls back whole and is retried after a
 * growing pause, until it gets its lock in a quiet moment or the attempts run out (the error
 * then says which migration and why). Migrations with `transaction = false` (CREATE INDEX
 * CONCURRENTLY) take no lock that blocks writers and get no lock timeout: a timeout there would
 * leave an INVALID index behind. Migrations may run long (an index over a large table), so the
 * pool's statement_timeout does not apply to them.
 */
export async function runMigrationsSafely(
  ds: DataSource,
  options: MigrateOptions,
): Promise<string[]> {
  const log = options.log ?? (() => undefined);
  const applied: string[] = [];
  const restore = withLockTimeout(ds.migrations, options.lockTimeoutMs);
  try {
    for (let attempt = 1; ; attempt++) {
      const runner = ds.createQueryRunner('master');
      try {
        if (!options.pgbouncer) await runner.query('SET statement_timeout = 0');
        const executor = new MigrationExecutor(ds, runner);
        executor.transaction = 'each';
        applied.push(...(await executor.executePendingMigrations()).map((m) => m.name));
        return applied;
      } catch (e) {
        if (!lockTimedOut(e) || attempt >= options.attempts) throw e;
        const pause = Math.min(30_000, (options.backoffMs ?? 500) * 2 ** (attempt - 1));
        const wait = Math.round(pause / 2 + Math.random() * (pause / 2));
        log(
          `migration waited longer than ${options.lockTimeoutMs} ms for a lock (attempt ${attempt} of ${options.attempts}); rolled back, retrying in ${wait} ms`,
        );
        await new Promise((r) => setTimeout(r, wait));
      } finally {
        // The runner's connection goes back to the app's pool: without the RESET, every request
        // that later drew it would run with no statement timeout at all.
        if (!options.pgbouncer)
          await runner.query('RESET statement_timeout').catch(() => undefined);
        await runner.release();
      }
    }
  } finally {
    restore();
  }
}

/** Wraps each transactional migration's up() to start with SET LOCAL lock_timeout. */
function withLockTimeout(migrations: MigrationInterface[], ms: number): () => void {
  const originals = migrations.map((m) => m.up);
  for (const m of migrations) {
    if (m.transaction === false) continue;
    const up = m.up.bind(m);
    m.up = async (runner) => {
      await runner.query(`SET LOCAL lock_timeout = ${Math.max(1, Math.floor(ms))}`);
      await up(runner);
    };
  }
  return () => migrations.forEach((m, i) => (m.up = originals[i]));
}
