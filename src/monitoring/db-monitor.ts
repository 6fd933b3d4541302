import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

export interface OrphanCount {
  table: string;
  column: string;
  parent: string;
  orphans: number;
}

export interface SlowQueries {
  available: boolean;
  hint?: string;
  queries?: Array<{ query: string; calls: number; meanMs: number; maxMs: number; rows: number }>;
}

export interface PoolFigures {
  total: number;
  idle: number;
  waiting: number;
  max: number;
}

/**
 * Read-only checks of the database's health, built from the entity metadata and the catalog.
 * The admin endpoints and `npm run db:doctor` both use it, so they always agree.
 */
export class DbMonitor {
  constructor(private readonly ds: DataSource) {}

  /** For every foreign key of the metadata, the rows whose parent does not exist. */
  async orphans(): Promise<OrphanCount[]> {
    const fks = this.ds.entityMetadatas
      .flatMap((m) => m.foreignKeys.map((fk) => ({ m, fk })))
      .sort((a, b) =>
        `${a.m.tableName}.${a.fk.columnNames[0]}`.localeCompare(
          `${b.m.tableName}.${b.fk.columnNames[0]}`,
        ),
      );
    if (fks.length === 0) return [];
    // One statement for all keys: a UNION ALL of anti-joins.
    const sql = fks
      .map(
        ({ m, fk }, i) =>
          `SELECT ${i} AS i, count(*)::int AS n FROM "${m.tableName}" c WHERE c."${fk.columnNames[0]}" IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM "${fk.referencedEntityMetadata.tableName}" p
                           WHERE p."${fk.referencedColumnNames[0]}" = c."${fk.columnNames[0]}")`,
      )
      .join(' UNION ALL ');
    const rows: Array<{ i: number; n: number }> = await this.ds.query(sql);
    const counts = new Map(rows.map((r) => [Number(r.i), Number(r.n)]));
    return fks.map(({ m, fk }, i) => ({
      table: m.tableName,
      column: fk.columnNames[0],
      parent: fk.referencedEntityMetadata.tableName,
      orphans: counts.get(i) ?? 0,
    }));
  }

  /** Foreign-key columns that do not lead any index (a parent delete would scan the child). */
  async unindexedForeignKeys(): Promise<
    Array<{ table: string; column: string; constraint: string }>
  > {
    return this.ds.query(`
      SELECT c.conrelid::regclass::text AS table, a.attname AS column, c.conname AS constraint
      FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
      WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace
        AND NOT EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.conrelid AND i.indkey[0] = c.conkey[1])
      ORDER BY 1, 2`);
  }

  /** Indexes left INVALID, typically by an interrupted CREATE INDEX CONCURRENTLY. */
  async invalidIndexes(): Promise<Array<{ index: string; table: string }>> {
    return this.ds.query(`
      SELECT ci.relname AS index, ct.relname AS table
      FROM pg_index i JOIN pg_class ci ON ci.oid = i.indexrelid JOIN pg_class ct ON ct.oid = i.indrelid
      WHERE NOT i.indisvalid AND ci.relnamespace = 'public'::regnamespace ORDER BY 1`);
  }

  async pendingMigrations(): Promise<string[]> {
    const applied = new Set(
      (
        (await this.ds.query(`SELECT name FROM typeorm_migrations`).catch(() => [])) as Array<{
          name: string;
        }>
      ).map((r) => r.name),
    );
    return this.ds.migrations
      .map((m) => m.name ?? m.constructor.name)
      .filter((n) => !applied.has(n));
  }

  /** Top statements by mean time, from pg_stat_statements when the server has it loaded. */
  async slowQueries(minMeanMs = 0, limit = 20): Promise<SlowQueries> {
    const installed = await this.ds.query(
      `SELECT 1 FROM pg_extension WHERE extname = 'pg_stat_statements'`,
    );
    if (installed.length === 0) {
      return {
        available: false,
        hint: 'pg_stat_statements is not installed in this database: CREATE EXTENSION pg_stat_statements (it must also be in shared_preload_libraries)',
      };
    }
    try {
      const rows: Array<{ query: string; calls: string; mean: number; max: number; rows: string }> =
        await this.ds.query(
          `SELECT query, calls, mean_exec_time AS mean, max_exec_time AS max, rows
         FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
           AND mean_exec_time >= $1
         ORDER BY mean_exec_time DESC LIMIT $2`,
          [minMeanMs, limit],
        );
      return {
        available: true,
        queries: rows.map((r) => ({
          query: r.query,
          calls: Number(r.calls),
          meanMs: Number(r.mean),
          maxMs: Number(r.max),
          rows: Number(r.rows),
        })),
      };
    } catch (e) {
      return {
        available: false,
        hint: `pg_stat_statements is installed but not loaded: add it to shared_preload_libraries and restart PostgreSQL (${e instanceof Error ? e.message : String(e)})`,
      };
    }
  }

  pool(): PoolFigures {
    const pool = (this.ds.driver as PostgresDriver).master as
      | { totalCount: number; idleCount: number; waitingCount: number; options: { max: number } }
      | undefined;
    return {
      total: pool?.totalCount ?? 0,
      idle: pool?.idleCount ?? 0,
      waiting: pool?.waitingCount ?? 0,
      max: pool?.options.max ?? 0,
    };
  }

  async connections(): Promise<{ used: number; max: number; ours: number }> {
    const [row] = await this.ds.query(`
      SELECT (SELECT count(*) FROM pg_stat_activity)::int AS used,
             current_setting('max_connections')::int AS max,
             (SELECT count(*) FROM pg_stat_activity WHERE application_name LIKE 'ledgerline%')::int AS ours`);
    return { used: Number(row.used), max: Number(row.max), ours: Number(row.ours) };
  }

  async stats(): Promise<Record<string, unknown>> {
    const [db] = await this.ds.query(`
      SELECT numbackends, xact_commit, xact_rollback, deadlocks, temp_bytes, blks_hit, blks_read,
             CASE WHEN blks_hit + blks_read = 0 THEN NULL ELSE round(blks_hit::numeric / (blks_hit + blks_read), 4) END AS blks_hit_ratio,
             pg_database_size(current_database()) AS size_bytes
      FROM pg_stat_database WHERE datname = current_database()`);
    const tables: Array<Record<string, unknown>> = await this.ds.query(`
      SELECT relname AS table, n_live_tup AS live, n_dead_tup AS dead,
             pg_total_relation_size(relid) AS total_bytes, last_autovacuum, last_autoanalyze
      FROM pg_stat_user_tables ORDER BY pg_total_relation_size(relid) DESC LIMIT 15`);
    const toNumber = (v: unknown) => (v === null || v === undefined ? null : Number(v));
    return {
      pool: this.pool(),
      database: {
        numbackends: toNumber(db.numbackends),
        xactCommit: toNumber(db.xact_commit),
        xactRollback: toNumber(db.xact_rollback),
        deadlocks: toNumber(db.deadlocks),
        tempBytes: toNumber(db.temp_bytes),
        blksHitRatio: toNumber(db.blks_hit_ratio),
        sizeBytes: toNumber(db.size_bytes),
      },
      connections: await this.connections(),
      largestTables: tables.map((t) => ({
        table: t.table,
        liveTuples: toNumber(t.live),
        deadTuples: toNumber(t.dead),
        totalBytes: toNumber(t.total_bytes),
        lastAutovacuum: t.last_autovacuum,
        lastAutoanalyze: t.last_autoanalyze,
      })),
    };
  }

  /** Everything `db:doctor` checks, with the list of problems (empty when healthy). */
  async doctor(): Promise<{
    healthy: boolean;
    problems: string[];
    report: Record<string, unknown>;
  }> {
    const [orphans, unindexed, invalid, pending, slow, connections] = await Promise.all([
      this.orphans(),
      this.unindexedForeignKeys(),
      this.invalidIndexes(),
      this.pendingMigrations(),
      this.slowQueries(0, 5),
      this.connections(),
    ]);
    const problems = [
      ...orphans
        .filter((o) => o.orphans > 0)
        .map((o) => `${o.orphans} orphan row(s) in ${o.table}.${o.column} (parent ${o.parent})`),
      ...unindexed.map((u) => `foreign key ${u.constraint} on ${u.table}.${u.column} has no index`),
      ...invalid.map((i) => `index ${i.index} on ${i.table} is INVALID (drop it and rebuild)`),
      ...pending.map((p) => `migration ${p} is pending`),
      ...(connections.used / connections.max > 0.8
        ? [`${connections.used} of ${connections.max} connections in use`]
        : []),
    ];
    return {
      healthy: problems.length === 0,
      problems,
      report: {
        orphans,
        unindexedForeignKeys: unindexed,
        invalidIndexes: invalid,
        pendingMigrations: pending,
        slowQueries: slow,
        connections,
      },
    };
  }
}
