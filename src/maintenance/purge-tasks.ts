import type { DataSource } from 'typeorm';
import type { MaintenanceOptions } from './maintenance-options';

/** One table that only grows, and which of its rows have expired. */
export interface PurgeTask {
  /** The table (schema-qualified when not in `public`). */
  table: string;
  /** SQL condition selecting its expired rows; it should match an index. */
  expired: (options: MaintenanceOptions) => string;
}

/**
 * The purge part of maintenance, one line per table. What every other table keeps, and why, is
 * in the README (Data lifecycle).
 */
export const PURGE_TASKS: readonly PurgeTask[] = [
  { table: 'sessions', expired: () => 'expires_at < now()' },
  { table: 'idempotency_keys', expired: () => 'expires_at < now()' },
  // Failed-login counters whose window is over and that hold no lock any more.
  {
    table: 'login_attempts',
    expired: (o) =>
      `updated_at < now() - make_interval(secs => ${o.loginLockoutSeconds}) AND (locked_until IS NULL OR locked_until < now())`,
  },
  // Past stale_until_at an entry may not even be served stale: nothing will read it again.
  { table: 'external_api_cache_entries', expired: () => 'stale_until_at < now()' },
  // Rows that fell into the default partition (no month partition existed for them) and are
  // already past retention, so the partition job will not create a month for them.
  {
    table: 'partitions.audit_logs_default',
    expired: (o) => `"timestamp" < now() - make_interval(days => ${o.auditRetentionDays})`,
  },
];

/**
 * Rows deleted per statement. Each batch is its own short transaction: it locks only the rows it
 * deletes (SKIP LOCKED: never waits on a row a request holds), and vacuum can reclaim them while
 * the purge goes on.
 */
export const PURGE_BATCH_SIZE = 1000;

/** Deletes the task's expired rows in batches until none is left (or `stop` says so); returns the count. */
export async function purgeInBatches(
  ds: DataSource,
  task: PurgeTask,
  options: MaintenanceOptions,
  stop: () => boolean,
): Promise<number> {
  const condition = task.expired(options);
  let total = 0;
  for (;;) {
    const [{ n }]: Array<{ n: number }> = await ds.query(
      `WITH gone AS (
         DELETE FROM ${task.table} WHERE ctid = ANY(ARRAY(
           SELECT ctid FROM ${task.table} WHERE ${condition} LIMIT ${PURGE_BATCH_SIZE} FOR UPDATE SKIP LOCKED))
         RETURNING 1)
       SELECT count(*)::int AS n FROM gone`,
    );
    total += n;
    if (n < PURGE_BATCH_SIZE || stop()) return total;
  }
}
