import 'reflect-metadata';
import type { ChildProcess } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { Client, Pool, PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import { createApp } from '../src/app.factory';
import { assetUpsertSpec } from '../src/broker-assets/broker-assets.repository';
import { upsertRows } from '../src/common/sql/bulk';
import { loadConfig } from '../src/config/app-config';
import { cascadeCountSql, CascadeCounts, countCascade } from '../src/database/cascade-sql';
import { buildDataSourceOptions } from '../src/database/data-source-options';
import { EmbeddedDatabase } from '../src/database/embedded-postgres';
import { httpLoad, httpMeasure, interleave } from './http-load';
import { load, LoadResult, loopMeasure, samples, summarize } from './load';
import { startNPlusOneServer } from './n-plus-one';
import { createOneStrategyCopy } from './one-strategy';
import { createPreFixCopy } from './pre-fix-schema';
import { startAppProcess, startNPlusOneProcess, startProxyProcess } from './processes';
import { QueryCounter } from './query-counter';
import { BenchRow, ChartSeries, writeReport } from './report';
import { ADMIN_USER, FULL_SCALE, LONG_USER, QUICK_SCALE, Scale, seed, SHORT_USER } from './seed';

/**
 * `npm run bench`: seeds a database at production scale and measures the scenarios of
 * docs/BENCHMARKS.md against the built app in its own process, then writes that page from the
 * numbers. `npm run bench:quick` (CI): the same requests at 20,000 trades, asserting only how
 * many SQL statements each sends (timings never fail it), writing nothing.
 */
const quick = process.argv.includes('--quick');
const scale: Scale = quick
  ? QUICK_SCALE
  : { ...FULL_SCALE, trades: Number(process.env.BENCH_TRADES ?? FULL_SCALE.trades) };
const DURATION = quick ? 200 : Number(process.env.BENCH_SECONDS ?? 4) * 1000;
/** Repetitions of every single-shot scenario (its p50 is reported). */
const SHOTS = quick ? 1 : 5;
const PASSWORD = 'bench user password';
/** What the proxy adds to every round trip: a database on another host of the same region. */
const PROXY_RTT_MS = 1;
const log = (s: string) => process.stdout.write(`${s}\n`);

const rows: BenchRow[] = [];
const failures: string[] = [];

function budget(what: string, counted: number, max: number): void {
  if (counted > max) failures.push(`${what}: ${counted} statements, budget ${max}`);
}

function record(row: BenchRow): void {
  rows.push(row);
  const r = row.r;
  log(
    `${row.scenario.trim()} [${row.concurrency}]: p50 ${r.p50.toFixed(2)} ms, p95 ${r.p95.toFixed(2)} ms, ${r.throughput.toFixed(0)} req/s, ${r.errors} errors, ${row.statements} statements`,
  );
}

async function pickServer(): Promise<{ url: string; stop: () => Promise<void>; kind: string }> {
  const explicit = process.env.BENCH_DATABASE_URL;
  if (explicit) return { url: explicit, stop: async () => undefined, kind: 'BENCH_DATABASE_URL' };
  const local = 'postgres://postgres@127.0.0.1:5432/postgres';
  const c = new Client({ connectionString: local, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    await c.end();
    return { url: local, stop: async () => undefined, kind: 'local server 127.0.0.1:5432' };
  } catch {
    const dir = join(tmpdir(), `ledgerline-bench-${process.pid}`);
    const emb = await EmbeddedDatabase.start({
      dataDir: dir,
      port: 56000 + (process.pid % 1000),
      database: 'postgres',
      log: () => undefined,
    });
    return { url: emb.url, stop: () => emb.stop(), kind: 'embedded PostgreSQL' };
  }
}

function withDb(serverUrl: string, db: string, port?: number): string {
  const u = new URL(serverUrl);
  u.pathname = `/${db}`;
  if (port !== undefined) {
    u.hostname = '127.0.0.1';
    u.port = String(port);
  }
  return u.toString();
}

function dataSourceFor(url: string, migrationsRun: boolean): DataSource {
  return new DataSource(
    buildDataSourceOptions({
      url,
      poolMax: 2,
      connectTimeoutMs: 10_000,
      idleTimeoutMs: 10_000,
      statementTimeoutMs: 0,
      migrationsRun,
    }),
  );
}

interface PreviewFigures {
  r: LoadResult;
  rows: CascadeCounts;
  rssMb: number;
  statements: number;
}

/**
 * A delete preview of `table` row `id`, counted by PostgreSQL (see cascade-sql.ts) as the
 * service runs it: in a transaction, with JIT off for the count. SHOTS samples, and the change
 * of this process's RSS across them.
 */
async function measurePreview(
  ds: DataSource,
  counter: QueryCounter,
  table: string,
  id: string,
): Promise<PreviewFigures> {
  const sql = cascadeCountSql(ds.getMetadata(table), ds.entityMetadatas);
  const once = () =>
    ds.transaction((m) => countCascade((text, params) => m.query(text, params), sql, id));
  const { result: rows, statements } = await counter.during(once);
  const rss0 = process.memoryUsage().rss;
  const r = await samples(once, SHOTS);
  return {
    r,
    rows,
    rssMb: (process.memoryUsage().rss - rss0) / 2 ** 20,
    statements: statements.length,
  };
}

async function migrateAndSeed(url: string, counter: QueryCounter) {
  const ds = dataSourceFor(url, true);
  await ds.initialize();
  try {
    await ds.runMigrations({ transaction: 'each' });
    const seeded = await seed(ds, scale, PASSWORD);
    const pgVersion = (
      (await ds.query('SHOW server_version')) as Array<{ server_version: string }>
    )[0].server_version;
    // Measured here, where the metadata is at hand: a preview of deleting the long-history user.
    const preview = await measurePreview(ds, counter, 'users', seeded.longId);
    return { seeded, pgVersion, preview };
  } finally {
    await ds.destroy();
  }
}

/**
 * A preview of deleting a strategy that owns every trade (see one-strategy.ts), on a copy of the
 * seeded database made for it and dropped after.
 */
async function previewOneStrategy(
  admin: Client,
  serverUrl: string,
  source: string,
  counter: QueryCounter,
): Promise<PreviewFigures & { trades: number }> {
  const name = `${source}_onestrategy`;
  const url = withDb(serverUrl, name);
  try {
    const { strategyId, trades } = await createOneStrategyCopy(admin, source, name, url);
    const ds = dataSourceFor(url, false);
    await ds.initialize();
    try {
      return { ...(await measurePreview(ds, counter, 'strategies', strategyId)), trades };
    } finally {
      await ds.destroy();
    }
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }
}

async function login(base: string, username: string): Promise<Record<string, string>> {
  const r = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  if (!r.ok) throw new Error(`login ${username}: ${r.status}`);
  const { token } = (await r.json()) as { token: string };
  return { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
}

async function main(): Promise<void> {
  const server = await pickServer();
  const dbName = `ledgerline_bench_${Date.now()}`;
  const preFixName = `${dbName}_prefix`;
  const admin = new Client({ connectionString: server.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${dbName}"`);
  const dbUrl = withDb(server.url, dbName);
  const preFixUrl = withDb(server.url, preFixName);
  const counter = new QueryCounter().install();
  let app: INestApplication | undefined;
  const pools: Pool[] = [];
  const children: ChildProcess[] = [];
  const closers: Array<() => Promise<void>> = [];
  try {
    log(`seeding ${scale.trades} trades on ${server.kind} ...`);
    const { seeded, pgVersion, preview } = await migrateAndSeed(dbUrl, counter);
    log(
      `seeded in ${(seeded.ms / 1000).toFixed(1)} s: ${seeded.longTrades} and ${seeded.shortTrades} trades for the measured users`,
    );
    const preFixIndexes = quick ? [] : await createPreFixCopy(admin, dbName, preFixName, preFixUrl);
    const strategyPreview = await previewOneStrategy(admin, server.url, dbName, counter);
    // Flush what the seed and the copy wrote, so no checkpoint lands in the first measurements.
    await admin.query('CHECKPOINT');

    // An in-process app with the default configuration, only to count the statements each
    // request sends (the counter patches this process's pg client); every timing is taken
    // against the built app in its own process.
    app = await createApp(
      loadConfig({ DATABASE_URL: dbUrl, LOG_LEVEL: 'error', MIGRATIONS_RUN: 'false' }),
      false,
    );
    await app.listen(0, '127.0.0.1');
    const counting = (await app.getUrl())
      .replace('[::1]', '127.0.0.1')
      .replace('localhost', '127.0.0.1');
    const served = await startAppProcess({ DATABASE_URL: dbUrl, MIGRATIONS_RUN: 'false' });
    children.push(served.child);
    const base = served.url;
    const long = await login(base, LONG_USER);
    const short = await login(base, SHORT_USER);
    const platformAdmin = await login(base, ADMIN_USER);

    /**
     * Statements one request sends, counted on the in-process app in the steady state: the
     * instance has just seen the caller's session (a session's first request on an instance, and
     * the first after AUTH_CACHE_SECONDS, sends one more: the session check).
     */
    const countOf = async (path: string, headers: Record<string, string>, init?: RequestInit) => {
      if (headers.authorization) {
        await (await fetch(`${counting}/api/auth/me`, { headers })).arrayBuffer();
      }
      const { statements } = await counter.during(async () => {
        const r = await fetch(`${counting}${path}`, { headers, ...init });
        if (!r.ok) throw new Error(`${path}: ${r.status} ${await r.text()}`);
        await r.arrayBuffer();
      });
      return statements;
    };
    const httpScenario = async (
      scenario: string,
      path: string,
      opts: { headers?: Record<string, string>; budget?: number; concurrencies?: number[] } = {},
    ) => {
      const headers = opts.headers ?? long;
      const counted = (await countOf(path, headers)).length;
      if (opts.budget !== undefined) budget(scenario, counted, opts.budget);
      const results: Record<number, LoadResult> = {};
      for (const c of opts.concurrencies ?? [1, 16]) {
        const r = await httpLoad(`${base}${path}`, {
          connections: c,
          durationMs: DURATION,
          headers,
        });
        results[c] = r;
        record({ scenario, concurrency: c, r, statements: counted });
      }
      return results;
    };

    // 1. The HTTP floor, the same list for a long and a short history, and the list's own
    // statement straight through pg (captured from the app): measured in alternation, so that
    // their ratios are not the machine's load of the moment.
    const longName = `GET /api/trades?limit=100, ${seeded.longTrades.toLocaleString('en')} trades`;
    const shortName = `GET /api/trades?limit=100, ${seeded.shortTrades.toLocaleString('en')} trades`;
    const captured = await countOf('/api/trades?limit=100', long);
    const pageSql = captured.find((s) => /FROM "?trades"? /.test(s.text))!;
    const raw = new Pool({ connectionString: dbUrl, max: 16 });
    pools.push(raw);
    const rawCounted = (await counter.during(() => raw.query(pageSql.text, pageSql.values)))
      .statements.length;
    const counts = {
      health: (await countOf('/api/health', {})).length,
      long: captured.length,
      short: (await countOf('/api/trades?limit=100', short)).length,
    };
    budget('GET /api/health', counts.health, 0);
    budget(longName, counts.long, 1);
    budget(shortName, counts.short, 1);
    for (const c of [1, 16]) {
      const [health, longList, shortList, rawPage] = await interleave(
        [
          httpMeasure(`${base}/api/health`, { connections: c }),
          httpMeasure(`${base}/api/trades?limit=100`, { connections: c, headers: long }),
          httpMeasure(`${base}/api/trades?limit=100`, { connections: c, headers: short }),
          loopMeasure(() => raw.query(pageSql.text, pageSql.values), c),
        ],
        { durationMs: DURATION, rounds: quick ? 1 : 4 },
      );
      record({
        scenario: 'GET /api/health (HTTP floor)',
        concurrency: c,
        r: health,
        statements: counts.health,
      });
      record({ scenario: longName, concurrency: c, r: longList, statements: counts.long });
      record({ scenario: shortName, concurrency: c, r: shortList, statements: counts.short });
      record({
        scenario: 'raw page SQL (pg, no HTTP)',
        concurrency: c,
        r: rawPage,
        statements: rawCounted,
      });
    }

    // 3. Filters and depth, on the long history.
    const first = (await (
      await fetch(`${base}/api/trades?limit=100`, { headers: long })
    ).json()) as {
      items: Array<{ id: string; symbol: string; strategyId: string | null }>;
    };
    const sample = first.items.find((i) => i.strategyId) ?? first.items[0];
    const deep = Math.max(0, Math.min(50_000, seeded.longTrades - 100));
    const walk = async (): Promise<string> => {
      // The cursor at that depth, as a client gets it: by following nextCursor.
      let cursor = '';
      for (let seen = 0; seen < deep;) {
        const step = Math.min(500, deep - seen);
        const page = (await (
          await fetch(`${base}/api/trades?limit=${step}${cursor ? `&cursor=${cursor}` : ''}`, {
            headers: long,
          })
        ).json()) as { nextCursor: string };
        cursor = page.nextCursor;
        seen += step;
      }
      return cursor;
    };
    const deepCursor = deep > 0 ? await walk() : '';
    for (const [scenario, path] of [
      ['  filtered by symbol', `/api/trades?limit=100&symbol=${sample.symbol}`],
      ['  filtered by strategy', `/api/trades?limit=100&strategyId=${sample.strategyId}`],
      ['  filtered by date range', '/api/trades?limit=100&startDate=2024-01-01&endDate=2024-03-31'],
      ['  filtered by pnlDirection=loss', '/api/trades?limit=100&pnlDirection=loss'],
      [`  deep page: offset ${deep}`, `/api/trades?limit=100&offset=${deep}`],
      [`  deep page: cursor at ${deep}`, `/api/trades?limit=100&cursor=${deepCursor}`],
      ['  includeTotal=true (counts the history)', '/api/trades?limit=100&includeTotal=true'],
    ] as const) {
      await httpScenario(scenario, path, { budget: 2, concurrencies: [1] });
    }
    await httpScenario('GET /api/trades/:id', `/api/trades/${sample.id}`, {
      budget: 2,
      concurrencies: [1],
    });
    await httpScenario('GET /api/ai-decisions?limit=100', '/api/ai-decisions?limit=100', {
      budget: 2,
      concurrencies: [1],
    });

    // 4. The N+1 baseline (the old code path) on today's schema, local socket.
    const nPlusOneCounted = async (url: string, userId: string) => {
      const n1 = await startNPlusOneServer(url, userId);
      try {
        const { statements } = await counter.during(() =>
          fetch(`${n1.url}/trades?limit=100`).then((r) => r.arrayBuffer()),
        );
        return statements.length;
      } finally {
        n1.server.close();
        await n1.pool.end();
      }
    };
    const nStatements = await nPlusOneCounted(dbUrl, seeded.longId);
    const nPlusOne = await startNPlusOneProcess({
      DATABASE_URL: dbUrl,
      BENCH_USER_ID: seeded.longId,
    });
    children.push(nPlusOne.child);
    record({
      scenario: 'N+1 baseline, limit=100, local socket',
      concurrency: 1,
      r: await httpLoad(`${nPlusOne.url}/trades?limit=100`, {
        connections: 1,
        durationMs: DURATION,
        minRequests: 5,
      }),
      statements: nStatements,
    });

    // 5. Behind the latency proxy: the joined list, the N+1 baseline, and the upserts.
    let proxied: ProxyFigures | undefined;
    if (!quick) {
      const dbHost = new URL(server.url);
      const proxy = await startProxyProcess(
        dbHost.hostname,
        Number(dbHost.port || 5432),
        PROXY_RTT_MS,
      );
      children.push(proxy.child);
      const proxiedUrl = withDb(server.url, dbName, proxy.port);
      proxied = await behindProxy(proxiedUrl, dbUrl, seeded.longId, long, nStatements);
    }

    // 6. The fix plan's own comparison: the old code path on the pre-fix schema.
    if (!quick) {
      const preFixCount = await nPlusOneCounted(preFixUrl, seeded.longId);
      const old = await startNPlusOneProcess({
        DATABASE_URL: preFixUrl,
        BENCH_USER_ID: seeded.longId,
      });
      children.push(old.child);
      record({
        scenario: 'N+1 baseline on the pre-fix schema, limit=100',
        concurrency: 1,
        r: await samples(() => fetch(`${old.url}/trades?limit=100`).then((r) => r.text()), SHOTS),
        statements: preFixCount,
      });
      old.child.kill('SIGTERM');
    }

    // 7. 20,000 broker assets in one request (default configuration), against the same rows
    // upserted straight through pg; both insert, then both update.
    const assetCount = quick ? 2_000 : 20_000;
    const assets = (tag: string) =>
      Array.from({ length: assetCount }, (_, i) => ({
        alpacaId: `bulk-${i}`,
        symbol: `BULK${i}`,
        name: `Bulk ${tag} ${i}`,
        assetClass: 'us_equity',
        exchange: 'NYSE',
        status: 'active',
        tradable: i % 2 === 0,
        minOrderSize: '0.01',
      }));
    const endpointCounted = (
      await countOf('/api/broker-assets/bulk-upsert', platformAdmin, {
        method: 'POST',
        body: JSON.stringify({ assets: assets('count') }),
      })
    ).length;
    budget('bulk upsert endpoint', endpointCounted, 8);
    const clearBulk = () => raw.query(`DELETE FROM broker_assets WHERE alpaca_id LIKE 'bulk-%'`);
    const endpoint = (tag: string) => async () => {
      const r = await fetch(`${base}/api/broker-assets/bulk-upsert`, {
        method: 'POST',
        headers: platformAdmin,
        body: JSON.stringify({ assets: assets(tag) }),
      });
      if (!r.ok) throw new Error(`bulk upsert: ${r.status} ${await r.text()}`);
      await r.arrayBuffer();
    };
    const rawUpsert = (client: PoolClient, tag: string) => async () => {
      await client.query('BEGIN');
      await upsertRows(
        { query: async (sql, params) => (await client.query(sql, params)).rows },
        assetUpsertSpec(assets(tag)),
      );
      await client.query('COMMIT');
    };
    const rawClient = await raw.connect();
    const rawUpsertCounted = (await counter.during(rawUpsert(rawClient, 'count'))).statements
      .length;
    const timesOf = {
      endpointInsert: [] as number[],
      endpointUpdate: [] as number[],
      rawInsert: [] as number[],
      rawUpdate: [] as number[],
    };
    const timed = async (into: number[], fn: () => Promise<void>) => {
      const t0 = performance.now();
      await fn();
      into.push(performance.now() - t0);
    };
    for (let i = 0; i < SHOTS; i++) {
      await clearBulk();
      await timed(timesOf.endpointInsert, endpoint(`a${i}`));
      await timed(timesOf.endpointUpdate, endpoint(`b${i}`));
      await clearBulk();
      await timed(timesOf.rawInsert, rawUpsert(rawClient, `a${i}`));
      await timed(timesOf.rawUpdate, rawUpsert(rawClient, `b${i}`));
    }
    rawClient.release();
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    const n = assetCount.toLocaleString('en');
    for (const [scenario, xs, counted] of [
      [
        `POST /api/broker-assets/bulk-upsert, ${n} new assets`,
        timesOf.endpointInsert,
        endpointCounted,
      ],
      [`  POST the same ${n} assets, all changed`, timesOf.endpointUpdate, endpointCounted],
      [`  raw upsert of the same rows (pg, unnest), insert`, timesOf.rawInsert, rawUpsertCounted],
      [`  raw upsert of the same rows (pg, unnest), update`, timesOf.rawUpdate, rawUpsertCounted],
    ] as const) {
      record({ scenario, concurrency: '-', r: summarize(xs, 0, sum(xs)), statements: counted });
    }

    // 8. Position sync of 1,000 positions (all updates after the first).
    const positions = Array.from({ length: 1000 }, (_, i) => ({
      symbol: `P${i}`,
      qty: '10',
      avg_entry_price: '100',
      current_price: '101',
      unrealized_pl: '10',
      side: 'long',
    }));
    const syncBody = { method: 'POST', body: JSON.stringify({ positions }) };
    const syncCounted = (await countOf('/api/positions/sync', long, syncBody)).length;
    budget('position sync', syncCounted, 10);
    record({
      scenario: 'POST /api/positions/sync, 1,000 positions',
      concurrency: '-',
      r: await samples(async () => {
        const r = await fetch(`${base}/api/positions/sync`, { headers: long, ...syncBody });
        if (!r.ok) throw new Error(`sync: ${r.status}`);
        await r.arrayBuffer();
      }, SHOTS),
      statements: syncCounted,
    });

    // 9. Delete previews of the largest cascades (measured before the app started).
    const previewed = (rows: CascadeCounts) =>
      rows
        .filter((r) => Number(r.n) > 0)
        .map((r) => `${r.tbl} ${Number(r.n).toLocaleString('en')}`)
        .join(', ');
    const previewNote = (p: PreviewFigures) =>
      `Node RSS change ${p.rssMb.toFixed(1)} MB; one count statement, in a transaction with JIT off`;
    budget('delete preview of the long-history user', preview.statements, 5);
    record({
      scenario: `delete preview of the long-history user (${previewed(preview.rows)})`,
      concurrency: '-',
      r: preview.r,
      statements: preview.statements,
      note: previewNote(preview),
    });
    budget('delete preview of a strategy owning every trade', strategyPreview.statements, 5);
    record({
      scenario: `delete preview of a strategy owning all ${strategyPreview.trades.toLocaleString('en')} trades but not their decisions (${previewed(strategyPreview.rows)})`,
      concurrency: '-',
      r: strategyPreview.r,
      statements: strategyPreview.statements,
      note: previewNote(strategyPreview),
    });

    // 10. Chart: latency against page size, joined list / N+1 / raw SQL (long history, c=1).
    const chart: ChartSeries = { joined: [], n1: [], raw: [] };
    if (!quick) {
      for (const limit of [10, 50, 100, 250, 500]) {
        const joined = await httpLoad(`${base}/api/trades?limit=${limit}`, {
          connections: 1,
          durationMs: DURATION / 2,
          headers: long,
        });
        const n1 = await httpLoad(`${nPlusOne.url}/trades?limit=${limit}`, {
          connections: 1,
          durationMs: DURATION / 2,
          minRequests: 5,
        });
        const stmts = await countOf(`/api/trades?limit=${limit}`, long);
        budget(`GET /api/trades?limit=${limit}`, stmts.length, 2);
        const sql = stmts.find((s) => /FROM "?trades"? /.test(s.text))!;
        const rawR = await load(
          async () => (await raw.query(sql.text, sql.values)).rowCount !== null,
          { concurrency: 1, durationMs: DURATION / 2 },
        );
        chart.joined.push([limit, joined.p50]);
        chart.n1.push([limit, n1.p50]);
        chart.raw.push([limit, rawR.p50]);
      }
    }

    if (!quick) {
      writeReport({
        rows,
        chart,
        scale,
        seeded,
        pgVersion,
        serverKind: server.kind,
        durationMs: DURATION,
        shots: SHOTS,
        proxied,
        preFixIndexes,
      });
      log('wrote docs/BENCHMARKS.md and docs/bench-trades.svg');
    }
  } finally {
    counter.uninstall();
    for (const c of children) c.kill('SIGTERM');
    // A child that already ended (killed earlier, by signal) has no exitCode, only a signalCode.
    await Promise.all(
      children.map(
        (c) =>
          new Promise((r) =>
            c.exitCode !== null || c.signalCode !== null ? r(null) : c.once('exit', r),
          ),
      ),
    );
    for (const close of closers) await close().catch(() => undefined);
    await Promise.all(pools.map((p) => p.end().catch(() => undefined)));
    await app?.close();
    await admin.query(`DROP DATABASE IF EXISTS "${preFixName}" WITH (FORCE)`);
    await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await admin.end();
    await server.stop();
  }
  if (failures.length > 0) {
    log(`FAILED:\n${failures.join('\n')}`);
    process.exit(1);
  }
  log('bench: all statement budgets held');

  async function behindProxy(
    proxiedUrl: string,
    directUrl: string,
    longId: string,
    headers: Record<string, string>,
    nStatements: number,
  ): Promise<ProxyFigures> {
    // What the proxy adds, measured: SELECT 1 through it against the same directly.
    const direct = new Pool({ connectionString: directUrl, max: 1 });
    const via = new Pool({ connectionString: proxiedUrl, max: 1 });
    pools.push(direct, via);
    const ping = async (p: Pool) => (await samples(() => p.query('SELECT 1'), 200)).p50;
    const rttAdded = (await ping(via)) - (await ping(direct));

    const app2 = await startAppProcess({ DATABASE_URL: proxiedUrl, MIGRATIONS_RUN: 'false' });
    children.push(app2.child);
    const n1App = await startNPlusOneProcess({ DATABASE_URL: proxiedUrl, BENCH_USER_ID: longId });
    children.push(n1App.child);
    const [joined, n1] = await interleave(
      [
        httpMeasure(`${app2.url}/api/trades?limit=100`, { connections: 1, headers }),
        httpMeasure(`${n1App.url}/trades?limit=100`, { connections: 1 }),
      ],
      { durationMs: DURATION, rounds: 4 },
    );
    record({
      scenario: 'GET /api/trades?limit=100 behind the 1 ms proxy',
      concurrency: 1,
      r: joined,
      statements: rows.find((x) => x.scenario.startsWith('GET /api/trades?limit=100,'))!.statements,
    });
    record({
      scenario: 'N+1 baseline, limit=100, behind the 1 ms proxy',
      concurrency: 1,
      r: n1,
      statements: nStatements,
    });

    // Row by row against one batched statement, on the same 2,000 rows: both insert, then both update.
    const rowsN = 2_000;
    const items = (tag: string) =>
      Array.from({ length: rowsN }, (_, i) => ({
        alpacaId: `cmp-${i}`,
        symbol: `CMP${i}`,
        name: `Compare ${tag} ${i}`,
        assetClass: 'us_equity',
        exchange: 'NYSE',
        status: 'active',
        tradable: true,
        minOrderSize: '0.01',
      }));
    const spec = (tag: string) => assetUpsertSpec(items(tag));
    const figures: UpsertFigures[] = [];
    for (const [where, pool] of [
      ['local socket', direct],
      ['behind the 1 ms proxy', via],
    ] as const) {
      const client = await pool.connect();
      const q = { query: async (sql: string, p: unknown[]) => (await client.query(sql, p)).rows };
      const batched = (tag: string) => async () => {
        await client.query('BEGIN');
        await upsertRows(q, spec(tag));
        await client.query('COMMIT');
      };
      const rowByRow = (tag: string) => async () => {
        const s = spec(tag);
        await client.query('BEGIN');
        for (const row of s.rows) await upsertRows(q, { ...s, rows: [row] });
        await client.query('COMMIT');
      };
      const clear = () => client.query(`DELETE FROM broker_assets WHERE alpaca_id LIKE 'cmp-%'`);
      const count = async (fn: () => Promise<void>) => {
        await clear();
        return (await counter.during(fn)).statements.length;
      };
      const counts = { batched: await count(batched('c')), rowByRow: await count(rowByRow('c')) };
      const t = { bi: [] as number[], bu: [] as number[], ri: [] as number[], ru: [] as number[] };
      const timedRun = async (into: number[], fn: () => Promise<void>) => {
        const t0 = performance.now();
        await fn();
        into.push(performance.now() - t0);
      };
      for (let i = 0; i < SHOTS; i++) {
        await clear();
        await timedRun(t.bi, batched(`a${i}`));
        await timedRun(t.bu, batched(`b${i}`));
        await clear();
        await timedRun(t.ri, rowByRow(`a${i}`));
        await timedRun(t.ru, rowByRow(`b${i}`));
      }
      await clear();
      client.release();
      const s = (xs: number[]) =>
        summarize(
          xs,
          0,
          xs.reduce((a, b) => a + b, 0),
        );
      const f: UpsertFigures = {
        where,
        batchedInsert: s(t.bi),
        batchedUpdate: s(t.bu),
        rowInsert: s(t.ri),
        rowUpdate: s(t.ru),
      };
      figures.push(f);
      for (const [label, r, counted] of [
        [
          `upsert ${rowsN.toLocaleString('en')} assets, one batched statement, insert (${where})`,
          f.batchedInsert,
          counts.batched,
        ],
        [`  the same, update (${where})`, f.batchedUpdate, counts.batched],
        [`  row by row, insert (${where})`, f.rowInsert, counts.rowByRow],
        [`  row by row, update (${where})`, f.rowUpdate, counts.rowByRow],
      ] as const) {
        record({ scenario: label, concurrency: '-', r, statements: counted });
      }
    }
    return { rttAdded, joined, n1, upserts: figures };
  }
}

export interface UpsertFigures {
  where: string;
  batchedInsert: LoadResult;
  batchedUpdate: LoadResult;
  rowInsert: LoadResult;
  rowUpdate: LoadResult;
}

export interface ProxyFigures {
  rttAdded: number;
  joined: LoadResult;
  n1: LoadResult;
  upserts: UpsertFigures[];
}

main().catch((e: unknown) => {
  process.stderr.write(`bench failed: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
