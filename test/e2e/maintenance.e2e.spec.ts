import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { Client } from 'pg';
import request from 'supertest';
import { createApp } from '../../src/app.factory';
import { loadConfig } from '../../src/config/app-config';
import { tokenHash } from '../../src/auth/tokens';
import { MAINTENANCE_LOCK_KEY, MaintenanceReport } from '../../src/maintenance/maintenance';
import { PURGE_BATCH_SIZE } from '../../src/maintenance/purge-tasks';
import { ROOT } from '../support/built-app';
import { insertRow, metadataOf } from '../support/fixtures';
import { startMigratedDatabase } from '../support/test-datasource';
import { startTestApp, TestApp } from '../support/test-app';
import { until } from '../support/until';

/** `npm run db:maintain -- --json` (the built CLI) on `url`. */
function maintain(
  url: string,
  env: Record<string, string> = {},
): Promise<{ code: number; report: MaintenanceReport; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [join(ROOT, 'dist', 'scripts', 'db-maintain.js'), '--json'],
      { encoding: 'utf8', env: { ...process.env, ...env, DATABASE_URL: url } },
      (_e, stdout, stderr) =>
        resolve({
          code: child.exitCode ?? -1,
          report: (stdout ? JSON.parse(stdout) : {}) as MaintenanceReport,
          stderr,
        }),
    );
  });
}

/** Holds the maintenance lock in a transaction of its own, as another instance's run would. */
async function holdMaintenanceLock(url: string): Promise<() => Promise<void>> {
  const c = new Client({ connectionString: url });
  await c.connect();
  await c.query('BEGIN');
  await c.query('SELECT pg_advisory_xact_lock($1::bigint)', [MAINTENANCE_LOCK_KEY]);
  return async () => {
    await c.query('COMMIT');
    await c.end();
  };
}

const daysAgo = (d: number) => `now() - make_interval(days => ${d})`;

describe('maintenance: npm run db:maintain (built CLI)', () => {
  jest.setTimeout(180000);
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('maintenance');
  });
  afterAll(async () => t?.close());

  const auditRowsAt = (days: number[], resource: string) =>
    t.dataSource.query(
      `INSERT INTO audit_logs (action, resource, method, path, "timestamp")
       SELECT 'create', $1, 'POST', '/api/x', now() - make_interval(days => d)
       FROM unnest($2::int[]) d`,
      [resource, days],
    );

  it('drops expired audit months whole and keeps the recent rows', async () => {
    await t.admin.api.post('/api/strategies').send({ name: 'kept', type: 'momentum' }).expect(201);
    await auditRowsAt([800, 800, 500, 10], 'retention');
    // Nothing existed for the old months: their rows sit in the default partition.
    const inDefault = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM partitions.audit_logs_default`,
    );
    expect(inDefault[0].n).toBeGreaterThanOrEqual(3);

    // A long retention first: the stranded months get partitions of their own, rows moved.
    const keepAll = await maintain(t.db.url, { AUDIT_RETENTION_DAYS: '3650' });
    expect(keepAll.code).toBe(0);
    expect(keepAll.report.ran).toBe(true);
    expect(keepAll.report.auditPartitions.rowsMovedFromDefault).toBeGreaterThanOrEqual(3);
    expect(keepAll.report.auditPartitions.dropped).toEqual([]);
    const months: Array<{ part: string; n: number }> = await t.dataSource.query(
      `SELECT tableoid::regclass::text AS part, count(*)::int AS n FROM audit_logs
       WHERE resource = 'retention' GROUP BY 1`,
    );
    expect(months.every((m) => /^partitions\.audit_logs_y\d{4}m\d{2}$/.test(m.part))).toBe(true);

    // The default retention (365 days): the two old months go, as partitions, not row by row.
    const before: Array<{ n: number }> = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_logs WHERE "timestamp" > ${daysAgo(365)}`,
    );
    const run = await maintain(t.db.url);
    expect(run.code).toBe(0);
    expect(run.report.auditPartitions.dropped).toHaveLength(2);
    const left: Array<{ n: number; old: number }> = await t.dataSource.query(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE "timestamp" < ${daysAgo(400)})::int AS old FROM audit_logs`,
    );
    expect(left[0]).toEqual({ n: before[0].n, old: 0 });
    const recent = await t.admin.api.get('/api/audit-logs?resource=strategies').expect(200);
    expect(recent.body.items.length).toBeGreaterThan(0);
    // Months ahead are ready, so new rows never land in the default partition.
    const ahead: Array<{ n: number }> = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM pg_inherits WHERE inhparent = 'audit_logs'::regclass`,
    );
    expect(ahead[0].n).toBeGreaterThanOrEqual(4); // current month, 2 ahead, default

    // A straggler past retention in the default partition is purged (batched delete).
    await auditRowsAt([900], 'straggler');
    const again = await maintain(t.db.url);
    expect(again.report.purged['partitions.audit_logs_default']).toBe(1);
  });

  it('purges expired sessions, idempotency keys and cache entries in batches; live ones keep working', async () => {
    const expired = await t.newUser('expired');
    const live = await t.newUser('live');
    await t.dataSource.query(
      `UPDATE sessions SET expires_at = now() - interval '1 hour' WHERE id = $1`,
      [tokenHash(expired.token)],
    );
    // More than one batch of them.
    await t.dataSource.query(
      `INSERT INTO sessions (id, user_id, expires_at)
       SELECT md5(random()::text || i), $1, now() - interval '1 day' FROM generate_series(1, $2::int) i`,
      [expired.id, PURGE_BATCH_SIZE * 2 + 17],
    );
    const trade = { symbol: 'MNT', side: 'buy', quantity: 1, price: 1 };
    await live.api.post('/api/trades').set('Idempotency-Key', 'gone').send(trade).expect(201);
    await live.api.post('/api/trades').set('Idempotency-Key', 'kept').send(trade).expect(201);
    await t.dataSource.query(
      `UPDATE idempotency_keys SET expires_at = now() - interval '1 minute' WHERE key = 'gone'`,
    );
    const entry = (staleUntilAt: string, cacheKey: string) =>
      t.admin.api
        .post('/api/external-api-cache-entries')
        .send({
          provider: 'p',
          cacheKey,
          responseJson: '{}',
          expiresAt: staleUntilAt,
          staleUntilAt,
        })
        .expect(201);
    await entry(new Date(Date.now() - 3600_000).toISOString(), 'stale');
    await entry(new Date(Date.now() + 3600_000).toISOString(), 'fresh');

    const run = await maintain(t.db.url);
    expect(run.code).toBe(0);
    expect(run.report.purged.sessions).toBe(PURGE_BATCH_SIZE * 2 + 18);
    expect(run.report.purged.idempotency_keys).toBe(1);
    expect(run.report.purged.external_api_cache_entries).toBe(1);

    const keys: Array<{ key: string }> = await t.dataSource.query(
      `SELECT key FROM idempotency_keys WHERE user_id = $1 ORDER BY key`,
      [live.id],
    );
    expect(keys.map((k) => k.key)).toEqual(['kept']);
    const replay = await live.api.post('/api/trades').set('Idempotency-Key', 'kept').send(trade);
    expect(replay.status).toBe(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    await live.api.get('/api/auth/me').expect(200);
    await t.api.get('/api/auth/me').expect(200);
    await expired.api.get('/api/auth/me').expect(401);
    const cache = await t.admin.api.get('/api/external-api-cache-entries').expect(200);
    expect(cache.body.items.map((e: { cacheKey: string }) => e.cacheKey)).toEqual(['fresh']);
  });

  it('never runs on two instances at once: a held lock means skip; concurrent runs never overlap', async () => {
    await t.dataSource.query(
      `INSERT INTO sessions (id, user_id, expires_at) VALUES ('locked-out', $1, now() - interval '1 day')`,
      [t.user.id],
    );
    const release = await holdMaintenanceLock(t.db.url);
    try {
      const skipped = await maintain(t.db.url);
      expect(skipped.code).toBe(0);
      expect(skipped.report.ran).toBe(false);
      expect(
        await t.dataSource.query(`SELECT 1 FROM sessions WHERE id = 'locked-out'`),
      ).toHaveLength(1);
    } finally {
      await release();
    }

    const runs = await Promise.all([1, 2, 3].map(() => maintain(t.db.url)));
    expect(runs.map((r) => r.code)).toEqual([0, 0, 0]);
    const ran = runs
      .filter((r) => r.report.ran)
      .map((r) => [Date.parse(r.report.startedAt), Date.parse(r.report.finishedAt)])
      .sort((a, b) => a[0] - b[0]);
    expect(ran.length).toBeGreaterThan(0);
    for (let i = 1; i < ran.length; i++) expect(ran[i][0]).toBeGreaterThanOrEqual(ran[i - 1][1]);
    expect(await t.dataSource.query(`SELECT 1 FROM sessions WHERE id = 'locked-out'`)).toHaveLength(
      0,
    );
  });

  it('keeps audit queries by user, resource and time on indexes (EXPLAIN)', async () => {
    const [{ id: userId }] = await t.dataSource.query(`SELECT id FROM users LIMIT 1`);
    await t.dataSource.query(
      `INSERT INTO audit_logs (user_id, action, resource, method, path, "timestamp")
       SELECT CASE WHEN i % 500 = 0 THEN $1::uuid END, 'create', 'r' || (i % 200), 'POST', '/api/x',
              now() - make_interval(secs => i * 200)
       FROM generate_series(1, 30000) i`,
      [userId],
    );
    await maintain(t.db.url); // months for the rows that went to the default partition
    await t.dataSource.query('ANALYZE audit_logs');
    type PlanNode = { 'Node Type': string; 'Relation Name'?: string; Plans?: PlanNode[] };
    const plan = async (where: string, params: unknown[] = []): Promise<PlanNode[]> => {
      const [{ 'QUERY PLAN': p }]: Array<{ 'QUERY PLAN': Array<{ Plan: PlanNode }> }> =
        await t.dataSource.query(
          `EXPLAIN (FORMAT JSON) SELECT * FROM audit_logs WHERE ${where}
           ORDER BY "timestamp" DESC, id DESC LIMIT 51`,
          params,
        );
      const nodes: PlanNode[] = [];
      const walk = (n: PlanNode) => (nodes.push(n), n.Plans?.forEach(walk));
      walk(p[0].Plan);
      return nodes;
    };
    // Empty partitions (the months ahead) are scanned for free; every partition with rows must
    // be read through an index.
    const populated: string[] = (
      await t.dataSource.query(
        `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
         WHERE i.inhparent = 'audit_logs'::regclass AND c.reltuples > 0`,
      )
    ).map((r: { name: string }) => r.name);
    expect(populated.length).toBeGreaterThanOrEqual(2);
    for (const [where, params] of [
      ['user_id = $1', [userId]],
      [`resource = 'r7'`, []],
    ] as const) {
      const nodes = await plan(where, [...params]);
      const seq = nodes.filter((n) => n['Node Type'] === 'Seq Scan').map((n) => n['Relation Name']);
      expect(seq.filter((r) => populated.includes(r ?? ''))).toEqual([]);
      expect(nodes.some((n) => n['Node Type'].includes('Index'))).toBe(true);
    }
    // A time range reads only the partitions it covers.
    const month = await plan(`"timestamp" >= date_trunc('month', now()) AND "timestamp" < now()`);
    const read = new Set(month.map((n) => n['Relation Name']).filter(Boolean));
    expect(read.size).toBe(1);
  });
});

describe('maintenance on the server schedule', () => {
  jest.setTimeout(180000);

  it('runs at start and reports its metrics; skips while another instance holds the lock', async () => {
    const t = await startTestApp('maint-sched', { MAINTENANCE_INTERVAL_MINUTES: '60' });
    try {
      const metrics = async () => (await t.http.get('/metrics').expect(200)).text;
      const text = await until('the first scheduled run is recorded', async () => {
        const m = await metrics();
        return /maintenance_runs_total\{outcome="ran"\} 1/.test(m) ? m : undefined;
      });
      expect(text).toMatch(/maintenance_last_run_timestamp_seconds [1-9]/);
      expect(text).toMatch(/maintenance_last_run_duration_seconds \d/);
      expect(text).toMatch(/maintenance_partitions_total\{change="created"\} \d/);
      expect(text).toMatch(/maintenance_rows_removed_total\{table="sessions"\} \d/);
    } finally {
      await t.close();
    }

    // Another instance, on a database whose maintenance lock is held: its run is skipped.
    const m = await startMigratedDatabase('maint-lock');
    const release = await holdMaintenanceLock(m.db.url);
    try {
      const app = await createApp(
        loadConfig({
          DATABASE_URL: m.db.url,
          LOG_LEVEL: 'error',
          MAINTENANCE_INTERVAL_MINUTES: '60',
        }),
        false,
      );
      await app.init();
      try {
        await until('the scheduled run is skipped', async () => {
          const r = await request(app.getHttpServer()).get('/metrics');
          return /maintenance_runs_total\{outcome="skipped"\} 1/.test(r.text) ? true : undefined;
        });
      } finally {
        await app.close();
      }
    } finally {
      await release();
      await m.close();
    }
  });
});

describe('the audit partitioning migration', () => {
  jest.setTimeout(180000);

  it('converts an existing audit log keeping every row, the foreign key and the indexes; reverts keeping them too', async () => {
    const m = await startMigratedDatabase('audit-migration');
    const ds = m.dataSource;
    const applied = async () =>
      (
        await ds.query(
          `SELECT 1 FROM typeorm_migrations WHERE name = 'AuditLogPartitions1797100000000'`,
        )
      ).length > 0;
    const kind = async () =>
      (
        await ds.query(`SELECT relkind::text AS k FROM pg_class WHERE oid = 'audit_logs'::regclass`)
      )[0].k as string;
    const indexNames = async () =>
      (
        await ds.query(
          `SELECT indexrelid::regclass::text AS name FROM pg_index WHERE indrelid = 'audit_logs'::regclass ORDER BY 1`,
        )
      ).map((i: { name: string }) => i.name) as string[];
    try {
      while (await applied()) await ds.undoLastMigration({ transaction: 'each' });
      expect(await kind()).toBe('r');
      // A column and an index this migration does not know of (as a later branch may add
      // before it runs): both must come through.
      await ds.query(`ALTER TABLE audit_logs ADD COLUMN probe_extra text DEFAULT 'p'`);
      await ds.query(`CREATE INDEX audit_logs_probe_extra_idx ON audit_logs (probe_extra)`);
      const user = await insertRow(ds.manager, metadataOf(ds, 'users'));
      await ds.query(
        `INSERT INTO audit_logs (user_id, action, resource, method, path, "timestamp")
         SELECT CASE WHEN d % 2 = 0 THEN $1::uuid END, 'create', 'm', 'POST', '/api/m',
                now() - make_interval(days => d)
         FROM unnest(ARRAY[400, 120, 40, 2, 0]) d`,
        [user.id],
      );
      const before = await ds.query(`SELECT * FROM audit_logs ORDER BY id`);
      const indexesBefore = await indexNames();

      await ds.runMigrations();
      expect(await kind()).toBe('p');
      expect(await ds.query(`SELECT * FROM audit_logs ORDER BY id`)).toEqual(before);
      const homes: Array<{ part: string }> = await ds.query(
        `SELECT DISTINCT tableoid::regclass::text AS part FROM audit_logs`,
      );
      expect(homes.every((h) => /^partitions\.audit_logs_y\d{4}m\d{2}$/.test(h.part))).toBe(true);
      expect(homes.length).toBeGreaterThanOrEqual(4);
      // The same indexes as before, whatever earlier migrations added, each on every partition.
      expect(await indexNames()).toEqual(indexesBefore);
      const partitionIndexes: Array<{ n: number }> = await ds.query(
        `SELECT count(*)::int AS n FROM pg_inherits i JOIN pg_index x ON x.indrelid = i.inhrelid
         WHERE i.inhparent = 'audit_logs'::regclass GROUP BY i.inhrelid`,
      );
      expect(new Set(partitionIndexes.map((p) => p.n))).toEqual(new Set([indexesBefore.length]));
      // ON DELETE SET NULL still holds, on every partition.
      await ds.query(`DELETE FROM users WHERE id = $1`, [user.id]);
      expect(
        await ds.query(`SELECT count(*)::int AS n FROM audit_logs WHERE user_id IS NOT NULL`),
      ).toEqual([{ n: 0 }]);

      const after = await ds.query(`SELECT * FROM audit_logs ORDER BY id`);
      while (await applied()) await ds.undoLastMigration({ transaction: 'each' });
      expect(await kind()).toBe('r');
      expect(await ds.query(`SELECT * FROM audit_logs ORDER BY id`)).toEqual(after);
      expect(await indexNames()).toEqual(indexesBefore);
      await ds.query(`ALTER TABLE audit_logs DROP COLUMN probe_extra`);
      await ds.runMigrations();
      expect((await ds.driver.createSchemaBuilder().log()).upQueries).toEqual([]);
    } finally {
      await m.close();
    }
  });
});
