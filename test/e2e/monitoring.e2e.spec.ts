import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { DrainState } from '../../src/health/drain-state';
import { ROOT } from '../support/built-app';
import { insertRow, metadataOf } from '../support/fixtures';
import { startMigratedDatabase } from '../support/test-datasource';
import { startTestApp, TestApp } from '../support/test-app';

const doctor = (url: string, json = false) =>
  spawnSync(
    process.execPath,
    [join(ROOT, 'dist', 'scripts', 'db-doctor.js'), ...(json ? ['--json'] : [])],
    {
      encoding: 'utf8',
      env: { ...process.env, DATABASE_URL: url },
    },
  );

describe('database monitoring (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('monitoring');
  });
  afterAll(async () => t?.close());

  it('reports 49 foreign keys (the reference’s 47 and our 2) without orphans on a clean database', async () => {
    const r = await t.admin.api.get('/api/admin/db/orphans').expect(200);
    expect(r.body.ok).toBe(true);
    expect(r.body.foreignKeys).toHaveLength(49);
    expect(r.body.foreignKeys.every((f: { orphans: number }) => f.orphans === 0)).toBe(true);
    await t.api.get('/api/admin/db/orphans').expect(403);
  });

  it('finds an orphan made behind the foreign keys’ back, in the endpoint and in db:doctor', async () => {
    const trade = await insertRow(
      t.dataSource.manager,
      metadataOf(t.dataSource, 'trades'),
      {},
      true,
    );
    const [{ strategy_id: strategyId }] = await t.dataSource.query(
      'SELECT strategy_id FROM trades WHERE id = $1',
      [trade.id],
    );
    const runner = t.dataSource.createQueryRunner();
    try {
      await runner.query(`SET session_replication_role = replica`);
      await runner.query('DELETE FROM strategies WHERE id = $1', [strategyId]);
      await runner.query(`SET session_replication_role = DEFAULT`);
    } finally {
      await runner.release();
    }
    const r = await t.admin.api.get('/api/admin/db/orphans').expect(200);
    expect(r.body.ok).toBe(false);
    expect(r.body.foreignKeys.filter((f: { orphans: number }) => f.orphans > 0)).toEqual([
      { table: 'trades', column: 'strategy_id', parent: 'strategies', orphans: 1 },
    ]);
    const cli = doctor(t.db.url);
    expect(cli.status).toBe(1);
    expect(cli.stdout).toContain('1 orphan row(s) in trades.strategy_id (parent strategies)');
    const json = JSON.parse(doctor(t.db.url, true).stdout) as {
      healthy: boolean;
      problems: string[];
    };
    expect(json.healthy).toBe(false);
    expect(json.problems).toEqual(['1 orphan row(s) in trades.strategy_id (parent strategies)']);
    await t.dataSource.query('DELETE FROM trades WHERE id = $1', [trade.id]);
  });

  it('answers stats with pool and database figures', async () => {
    const r = await t.admin.api.get('/api/admin/db/stats').expect(200);
    expect(r.body.pool).toMatchObject({
      max: 20,
      total: expect.any(Number),
      idle: expect.any(Number),
      waiting: 0,
    });
    expect(r.body.database).toMatchObject({
      numbackends: expect.any(Number),
      xactCommit: expect.any(Number),
      sizeBytes: expect.any(Number),
    });
    expect(r.body.largestTables.length).toBeGreaterThan(0);
  });

  it('says clearly when pg_stat_statements is not usable', async () => {
    const r = await t.admin.api.get('/api/admin/db/slow-queries?minMeanMs=0&limit=5').expect(200);
    const loaded = (
      await t.dataSource.query(`SELECT current_setting('shared_preload_libraries') AS s`)
    )[0].s as string;
    if (loaded.includes('pg_stat_statements')) {
      expect(r.body.available).toBe(true);
    } else {
      expect(r.body).toEqual({
        available: false,
        hint: expect.stringContaining('shared_preload_libraries'),
      });
    }
    await t.admin.api.get('/api/admin/db/slow-queries?limit=0').expect(400);
  });

  it('exposes Prometheus metrics after requests', async () => {
    await t.api.get('/api/strategies').expect(200);
    const r = await t.http.get('/metrics').expect(200);
    expect(r.headers['content-type']).toMatch(/text\/plain/);
    expect(r.text).toMatch(
      /http_request_duration_seconds_bucket\{[^}]*method="GET"[^}]*route="\/api\/strategies"[^}]*status="200"/,
    );
    expect(r.text).toMatch(/db_query_duration_seconds_count [1-9]/);
    expect(r.text).toMatch(/db_pool_connections_max 20/);
    expect(r.text).toMatch(/process_cpu_user_seconds_total/);
  });

  it('turns readiness to 503 SHUTTING_DOWN as soon as draining starts', async () => {
    const drain = t.app.get(DrainState);
    drain.draining = true;
    try {
      const r = await t.http.get('/api/health/ready').expect(503);
      expect(r.body.code).toBe('SHUTTING_DOWN');
    } finally {
      drain.draining = false;
    }
  });
});

describe('npm run db:doctor (built CLI)', () => {
  it('exits 0 on a clean database, then 1 for a dropped FK index and an invalid index', async () => {
    const m = await startMigratedDatabase('doctor');
    try {
      const clean = doctor(m.db.url);
      expect(clean.stdout).toContain('healthy');
      expect(clean.status).toBe(0);

      await m.dataSource.query('DROP INDEX fills_order_id_idx');
      await insertRow(m.dataSource.manager, metadataOf(m.dataSource, 'trades'), { symbol: 'DUP' });
      await insertRow(m.dataSource.manager, metadataOf(m.dataSource, 'trades'), { symbol: 'DUP' });
      // A unique index built concurrently over duplicates fails and stays behind INVALID.
      await expect(
        m.dataSource.query('CREATE UNIQUE INDEX CONCURRENTLY bad_symbol_idx ON trades (symbol)'),
      ).rejects.toThrow();

      const sick = doctor(m.db.url, true);
      expect(sick.status).toBe(1);
      const report = JSON.parse(sick.stdout) as { problems: string[] };
      expect(report.problems).toEqual(
        expect.arrayContaining([
          'foreign key fills_order_id_fkey on fills.order_id has no index',
          'index bad_symbol_idx on trades is INVALID (drop it and rebuild)',
        ]),
      );
    } finally {
      await m.close();
    }
  });

  it('reports pending migrations', async () => {
    const m = await startMigratedDatabase('doctorpending', false);
    try {
      await (m.dataSource as DataSource).runMigrations();
      await m.dataSource.undoLastMigration({ transaction: 'each' });
      const r = doctor(m.db.url, true);
      expect(r.status).toBe(1);
      expect(
        (JSON.parse(r.stdout) as { problems: string[] }).problems.some((p) =>
          /^migration .* is pending$/.test(p),
        ),
      ).toBe(true);
    } finally {
      await m.close();
    }
  });
});
