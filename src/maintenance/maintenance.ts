import type { DataSource } from 'typeorm';
import { maintainAuditPartitions, PartitionReport } from './audit-partitions';
import type { MaintenanceOptions } from './maintenance-options';
import { PURGE_TASKS, purgeInBatches } from './purge-tasks';

/**
 * The advisory lock that makes maintenance run on one instance at a time. Transaction-scoped
 * (held by an open transaction for the whole run, released by its end, whatever happens to the
 * process), so it also works through PgBouncer in transaction mode, where a session-level lock
 * would stay with whichever server connection happened to run it.
 */
export const MAINTENANCE_LOCK_KEY = 1_797_100_017;

export interface MaintenanceReport {
  /** false: another instance holds the lock, nothing was done. */
  ran: boolean;
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  /** Rows deleted, per table. */
  purged: Record<string, number>;
  auditPartitions: PartitionReport;
}

/**
 * Everything that keeps the tables that only grow in bounds, once: audit partitions (months
 * ahead, expired months dropped) and the batched purges. `stop` is polled between steps, so a
 * shutting-down server does not wait for a long purge to finish.
 */
export async function runMaintenance(
  ds: DataSource,
  options: MaintenanceOptions,
  stop: () => boolean = () => false,
): Promise<MaintenanceReport> {
  const report: MaintenanceReport = {
    ran: false,
    startedAt: new Date().toISOString(),
    finishedAt: '',
    durationMs: 0,
    purged: {},
    auditPartitions: { created: [], dropped: [], rowsMovedFromDefault: 0, deferred: [] },
  };
  // The lock holder: one connection in an open transaction for the whole run; the work itself
  // runs on other connections, each step in its own short transaction.
  const holder = ds.createQueryRunner();
  await holder.connect();
  // The times bracket the work done under the lock (taken inside it), so the reports of two
  // instances never overlap.
  let started = Date.now();
  let finished = started;
  try {
    await holder.startTransaction();
    const [{ locked }]: Array<{ locked: boolean }> = await holder.query(
      'SELECT pg_try_advisory_xact_lock($1::bigint) AS locked',
      [MAINTENANCE_LOCK_KEY],
    );
    started = Date.now();
    if (locked) {
      report.ran = true;
      report.auditPartitions = await maintainAuditPartitions(ds, options);
      for (const task of PURGE_TASKS) {
        if (stop()) break;
        report.purged[task.table] = await purgeInBatches(ds, task, options, stop);
      }
    }
    finished = Date.now();
  } finally {
    await holder.commitTransaction().catch(() => undefined);
    await holder.release();
  }
  report.startedAt = new Date(started).toISOString();
  report.finishedAt = new Date(finished).toISOString();
  report.durationMs = finished - started;
  return report;
}
