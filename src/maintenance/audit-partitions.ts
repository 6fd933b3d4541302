import type { DataSource, EntityManager } from 'typeorm';
import type { MaintenanceOptions } from './maintenance-options';

/** The schema holding the partitions (out of `public`: the model's 56 tables stay 56). */
export const PARTITION_SCHEMA = 'partitions';
const DEFAULT_PARTITION = `"${PARTITION_SCHEMA}"."audit_logs_default"`;
/** Months kept ready after the current one, so a missed run or two never sends rows to the default. */
export const MONTHS_AHEAD = 2;
/**
 * How long a partition change may wait for its lock. Creating or dropping a partition briefly
 * needs a strong lock on audit_logs; waiting behind a long query would queue every audited
 * request behind us. Better to give up and try again on the next run.
 */
const LOCK_TIMEOUT = '2s';
const NAME = /^audit_logs_y(\d{4})m(\d{2})$/;

export interface Month {
  name: string;
  /** Inclusive lower bound, ISO 8601 UTC. */
  from: string;
  /** Exclusive upper bound. */
  to: string;
}

/** The UTC month containing `d`, `offset` months later. */
export function monthOf(d: Date, offset = 0): Month {
  const start = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + offset, 1));
  const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
  const m = String(start.getUTCMonth() + 1).padStart(2, '0');
  return {
    name: `audit_logs_y${start.getUTCFullYear()}m${m}`,
    from: start.toISOString(),
    to: end.toISOString(),
  };
}

function monthFromName(name: string): Month | undefined {
  const m = NAME.exec(name);
  return m ? monthOf(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1))) : undefined;
}

export interface PartitionReport {
  created: string[];
  dropped: string[];
  /** Rows moved out of the default partition into the month partitions created for them. */
  rowsMovedFromDefault: number;
  /** Changes that could not get their lock in time; the next run tries again. */
  deferred: string[];
}

/**
 * Creates the current month and MONTHS_AHEAD more, plus any month that has rows in the default
 * partition and is not yet expired; drops every month partition whose end is older than the
 * retention. Each change is its own short transaction.
 */
export async function maintainAuditPartitions(
  ds: DataSource,
  options: MaintenanceOptions,
  now = new Date(),
): Promise<PartitionReport> {
  const report: PartitionReport = {
    created: [],
    dropped: [],
    rowsMovedFromDefault: 0,
    deferred: [],
  };
  const cutoff = now.getTime() - options.auditRetentionDays * 86_400_000;
  const existing = new Set(await monthPartitions(ds));

  const wanted = new Map<string, Month>();
  for (let i = 0; i <= MONTHS_AHEAD; i++) wanted.set(monthOf(now, i).name, monthOf(now, i));
  const stranded: Array<{ month: Date }> = await ds.query(
    `SELECT DISTINCT date_trunc('month', "timestamp" AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS month
     FROM ${DEFAULT_PARTITION}`,
  );
  for (const { month } of stranded) wanted.set(monthOf(month).name, monthOf(month));

  for (const month of [...wanted.values()].sort((a, b) => a.from.localeCompare(b.from))) {
    if (existing.has(month.name) || Date.parse(month.to) <= cutoff) continue;
    const moved = await withLockTimeout(ds, report, month.name, (m) => createMonth(m, month));
    if (moved !== undefined) {
      report.created.push(month.name);
      report.rowsMovedFromDefault += moved;
    }
  }

  for (const name of existing) {
    const month = monthFromName(name);
    if (!month || Date.parse(month.to) > cutoff) continue;
    const done = await withLockTimeout(ds, report, name, (m) =>
      m.query(`DROP TABLE "${PARTITION_SCHEMA}"."${name}"`),
    );
    if (done !== undefined) report.dropped.push(name);
  }
  return report;
}

/** Names of the month partitions attached to audit_logs. */
async function monthPartitions(ds: DataSource): Promise<string[]> {
  const rows: Array<{ name: string }> = await ds.query(
    `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
     WHERE i.inhparent = 'public.audit_logs'::regclass`,
  );
  return rows.map((r) => r.name).filter((n) => NAME.test(n));
}

/**
 * A month is built beside the table, filled with the rows the default partition holds for it,
 * then attached: attaching takes a lighter lock on audit_logs than CREATE ... PARTITION OF, and
 * PostgreSQL refuses a new partition while the default still holds rows of its range.
 * Returns the number of rows moved.
 */
async function createMonth(m: EntityManager, month: Month): Promise<number> {
  const table = `"${PARTITION_SCHEMA}"."${month.name}"`;
  await m.query(
    `CREATE TABLE ${table} (LIKE "audit_logs" INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING STORAGE)`,
  );
  const [{ n }]: Array<{ n: number }> = await m.query(
    `WITH moved AS (
       DELETE FROM ${DEFAULT_PARTITION} WHERE "timestamp" >= $1 AND "timestamp" < $2 RETURNING *),
     kept AS (INSERT INTO ${table} SELECT * FROM moved RETURNING 1)
     SELECT count(*)::int AS n FROM kept`,
    [month.from, month.to],
  );
  await m.query(
    `ALTER TABLE "audit_logs" ATTACH PARTITION ${table} FOR VALUES FROM ('${month.from}') TO ('${month.to}')`,
  );
  return n;
}

/** Runs `change` in a transaction whose lock waits are bounded; undefined (and noted) when a lock was not granted in time. */
async function withLockTimeout<T>(
  ds: DataSource,
  report: PartitionReport,
  what: string,
  change: (m: EntityManager) => Promise<T>,
): Promise<T | undefined> {
  try {
    return await ds.transaction(async (m) => {
      await m.query(`SET LOCAL lock_timeout = '${LOCK_TIMEOUT}'`);
      return change(m);
    });
  } catch (e) {
    if ((e as { driverError?: { code?: string } }).driverError?.code === '55P03') {
      report.deferred.push(what);
      return undefined;
    }
    throw e;
  }
}
