import { MigrationInterface, QueryRunner } from 'typeorm';

/** Where the partitions live: out of `public`, so the schema's table and key lists stay the 56/47 of the model. */
const SCHEMA = 'partitions';
/** Months created ahead of the current one (the maintenance job keeps this many ahead afterwards). */
const AHEAD = 2;

interface IndexDef {
  name: string;
  def: string;
}

/**
 * Converts `audit_logs` to a table partitioned by month on "timestamp" (UTC months, one partition
 * per month in schema `partitions`, plus a default partition as a safety net), keeping every row.
 *
 * Generic on purpose: the new table is built from the existing one's columns (`LIKE`), the rows
 * are copied with `SELECT *`, and the old table's secondary indexes and foreign keys are
 * re-created from their catalog definitions, so columns or indexes added by earlier migrations
 * are kept without being listed here. A partitioned table's primary key must contain the
 * partition key, so it becomes (id, "timestamp"); the foreign key to users is unchanged.
 *
 * Frozen like every migration: the month arithmetic is repeated here rather than imported from
 * the maintenance job, whose code may change later.
 *
 * Cost: the table is locked (ACCESS EXCLUSIVE) while its rows are copied, in this migration's
 * transaction; on a large audit log, run it in a maintenance window.
 */
export class AuditLogPartitions1797100000000 implements MigrationInterface {
  name = 'AuditLogPartitions1797100000000';
  /** squawk findings of this migration (migrations/sql), excused with the reason: it has shipped. */
  static squawkIgnore = {
    'ban-drop-table':
      'the one-time conversion of audit_logs to a partitioned table: the old table is dropped after its rows were copied, in the same transaction (README, Data lifecycle)',
    'renaming-table':
      'same conversion: the partitioned copy takes the old name, so no client sees a change',
    'constraint-missing-not-valid':
      'same conversion: the constraints are added to the new table in the transaction that filled it',
    'adding-serial-primary-key-field':
      'same conversion: the primary key of the new partitioned table, built before any other session can see it',
    'require-concurrent-index-creation':
      'same conversion: indexes of a table created in this transaction (CONCURRENTLY is impossible there and nothing else can use the table yet)',
    'adding-foreign-key-constraint': 'same conversion: the foreign key of the new table',
  };

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`LOCK TABLE "audit_logs" IN ACCESS EXCLUSIVE MODE`);
    const indexes = await secondaryIndexes(q);
    const foreignKeys = await foreignKeyDefs(q);

    await q.query(`CREATE SCHEMA IF NOT EXISTS "${SCHEMA}"`);
    await q.query(`
      CREATE TABLE "audit_logs_partitioned"
        (LIKE "audit_logs" INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING COMMENTS INCLUDING STORAGE)
        PARTITION BY RANGE ("timestamp")`);
    await q.query(
      `CREATE TABLE "${SCHEMA}"."audit_logs_default" PARTITION OF "audit_logs_partitioned" DEFAULT`,
    );
    const [{ first }]: Array<{ first: string | null }> = await q.query(
      `SELECT to_char(min("timestamp") AT TIME ZONE 'UTC', 'YYYY-MM') AS first FROM "audit_logs"`,
    );
    for (const month of monthsFrom(first)) {
      await q.query(
        `CREATE TABLE "${SCHEMA}"."${month.name}" PARTITION OF "audit_logs_partitioned"
         FOR VALUES FROM ('${month.from}') TO ('${month.to}')`,
      );
    }
    await q.query(`INSERT INTO "audit_logs_partitioned" SELECT * FROM "audit_logs"`);
    await q.query(`DROP TABLE "audit_logs"`);
    await q.query(`ALTER TABLE "audit_logs_partitioned" RENAME TO "audit_logs"`);
    await q.query(
      `ALTER TABLE "audit_logs" ADD CONSTRAINT "audit_logs_pkey" PRIMARY KEY ("id", "timestamp")`,
    );
    for (const index of indexes) await q.query(index.def);
    for (const fk of foreignKeys) await q.query(fk);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`LOCK TABLE "audit_logs" IN ACCESS EXCLUSIVE MODE`);
    const indexes = await secondaryIndexes(q);
    const foreignKeys = await foreignKeyDefs(q);
    await q.query(`
      CREATE TABLE "audit_logs_plain"
        (LIKE "audit_logs" INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING COMMENTS INCLUDING STORAGE)`);
    await q.query(`INSERT INTO "audit_logs_plain" SELECT * FROM "audit_logs"`);
    await q.query(`DROP TABLE "audit_logs"`);
    await q.query(`ALTER TABLE "audit_logs_plain" RENAME TO "audit_logs"`);
    await q.query(`ALTER TABLE "audit_logs" ADD CONSTRAINT "audit_logs_pkey" PRIMARY KEY ("id")`);
    // A partitioned table's index definitions read "ON ONLY": on a plain table that is just ON.
    for (const index of indexes) await q.query(index.def.replace(' ON ONLY ', ' ON '));
    for (const fk of foreignKeys) await q.query(fk);
    await q.query(`DROP SCHEMA IF EXISTS "${SCHEMA}"`);
  }
}

/** Every index of audit_logs except the primary key's, as CREATE INDEX statements. */
function secondaryIndexes(q: QueryRunner): Promise<IndexDef[]> {
  return q.query(`
    SELECT c.relname AS name, pg_get_indexdef(i.indexrelid) AS def
    FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
    WHERE i.indrelid = 'audit_logs'::regclass AND NOT i.indisprimary
    ORDER BY c.relname`);
}

/** The foreign keys of audit_logs, as ALTER TABLE statements. */
async function foreignKeyDefs(q: QueryRunner): Promise<string[]> {
  const rows: Array<{ name: string; def: string }> = await q.query(`
    SELECT conname AS name, pg_get_constraintdef(oid) AS def FROM pg_constraint
    WHERE conrelid = 'audit_logs'::regclass AND contype = 'f' AND conparentid = 0
    ORDER BY conname`);
  return rows.map((r) => `ALTER TABLE "audit_logs" ADD CONSTRAINT "${r.name}" ${r.def}`);
}

/** UTC months from `first` ('YYYY-MM', or null for none) or the current month, to AHEAD months ahead. */
function monthsFrom(first: string | null): Array<{ name: string; from: string; to: string }> {
  const now = new Date();
  const current = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1);
  const start = first
    ? Math.min(Date.UTC(Number(first.slice(0, 4)), Number(first.slice(5, 7)) - 1, 1), current)
    : current;
  const months = [];
  for (
    let d = new Date(start);
    ;
    d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1))
  ) {
    const next = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1));
    const y = d.getUTCFullYear();
    const m = String(d.getUTCMonth() + 1).padStart(2, '0');
    months.push({ name: `audit_logs_y${y}m${m}`, from: d.toISOString(), to: next.toISOString() });
    const ahead =
      (d.getUTCFullYear() - now.getUTCFullYear()) * 12 + d.getUTCMonth() - now.getUTCMonth();
    if (ahead >= AHEAD) break;
  }
  return months;
}
