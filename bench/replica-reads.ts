import type { ChildProcess } from 'node:child_process';
import { Client } from 'pg';
import { StreamingPair } from '../test/support/replication';
import { httpLoad } from './http-load';
import { load, LoadResult } from './load';
import { startAppProcess } from './processes';

/**
 * `npm run bench:replicas`: the same reads against the built app with the streaming replica off
 * (DATABASE_URL only) and on (DATABASE_REPLICA_URLS), primary and replica being PostgreSQL 15
 * clusters of the bench's own. On one machine the replica adds no capacity (it competes for the
 * same cores); what this measures is the cost of routing: the per-request choice, the second
 * pool, and the WAL position read after every committed write.
 *
 * BENCH_SECONDS (default 10) per scenario and side, split into BENCH_ROUNDS (default 5) slices
 * that alternate off and on; BENCH_CONCURRENCY (default 8), BENCH_TRADES (default 500).
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const TRADES = Number(process.env.BENCH_TRADES ?? 500);
const DB = 'ledgerline_bench_replicas';

interface Row {
  scenario: string;
  replicas: 'off' | 'on';
  result: LoadResult;
  onReplica: string;
}

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

async function until(what: string, probe: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!(await probe().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function post(url: string, body: unknown, token?: string): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
}

type Scenario = [name: string, run: (base: string) => Promise<LoadResult>];

function scenarios(token: string, tradeId: string): Scenario[] {
  const auth = { authorization: `Bearer ${token}` };
  const opts = { concurrency: CONCURRENCY, durationMs: (SECONDS * 1000) / ROUNDS, warmup: 10 };
  const http = { connections: CONCURRENCY, durationMs: opts.durationMs };
  return [
    [
      'list, 50 enriched trades',
      (base) => httpLoad(`${base}/api/trades?limit=50`, { ...http, headers: auth }),
    ],
    [
      'one trade by id',
      (base) => httpLoad(`${base}/api/trades/${tradeId}`, { ...http, headers: auth }),
    ],
    [
      'create, then read it back',
      (base) =>
        load(async () => {
          const w = await post(`${base}/api/trades`, TRADE, token);
          const created = (await w.json()) as { id: string };
          if (w.status !== 201) return false;
          const r = await fetch(`${base}/api/trades/${created.id}`, { headers: auth });
          await r.arrayBuffer();
          return r.status === 200;
        }, opts),
    ],
  ];
}

const TRADE = { symbol: 'AAPL', side: 'buy', quantity: 1, price: '187.5' };

async function main(): Promise<void> {
  if (!StreamingPair.available()) throw new Error('needs the machine PostgreSQL 15 binaries');
  log('starting a PostgreSQL 15 primary and a streaming replica ...');
  const pair = await StreamingPair.start(0);
  const children: ChildProcess[] = [];
  const rows: Row[] = [];
  try {
    const primaryUrl = await pair.primary.createDatabase(DB);
    const replicaUrl = pair.replicaUrl(DB);
    await until('the database on the replica', async () => {
      const c = new Client({ connectionString: replicaUrl });
      await c.connect();
      await c.end();
      return true;
    });

    const off = await startAppProcess({ DATABASE_URL: primaryUrl, DB_POOL_MAX: '20' });
    children.push(off.child);
    const signup = { username: 'bench_reader', password: 'bench password 123' };
    await post(`${off.url}/api/auth/signup`, signup);
    const login = (await (await post(`${off.url}/api/auth/login`, signup)).json()) as {
      token: string;
    };
    log(`creating ${TRADES} trades ...`);
    let tradeId = '';
    for (let i = 0; i < TRADES; i++) {
      const r = await post(`${off.url}/api/trades`, TRADE, login.token);
      tradeId = ((await r.json()) as { id: string }).id;
    }

    const on = await startAppProcess({
      DATABASE_URL: primaryUrl,
      DATABASE_REPLICA_URLS: replicaUrl,
      DB_POOL_MAX: '20',
      MIGRATIONS_RUN: 'false',
    });
    children.push(on.child);

    // Off and on alternate scenario by scenario, so a neighbour's load on this shared machine
    // hits both sides alike.
    log(
      `${SECONDS} s per scenario and side in ${ROUNDS} alternating rounds, ${CONCURRENCY} clients ...`,
    );
    for (const [scenario, run] of scenarios(login.token, tradeId)) {
      const offRounds: LoadResult[] = [];
      const onRounds: LoadResult[] = [];
      const before = await routedCounts(on.url);
      for (let i = 0; i < ROUNDS; i++) {
        offRounds.push(await run(off.url));
        onRounds.push(await run(on.url));
      }
      const after = await routedCounts(on.url);
      const all = after.all - before.all;
      const share =
        all === 0 ? '-' : `${(((after.replica - before.replica) / all) * 100).toFixed(0)} %`;
      rows.push({ scenario, replicas: 'off', result: combine(offRounds), onReplica: '-' });
      rows.push({ scenario, replicas: 'on', result: combine(onRounds), onReplica: share });
    }
  } finally {
    for (const c of children) c.kill('SIGKILL');
    pair.destroy();
  }
  process.stdout.write(table(rows));
}

/**
 * Rounds of one side taken together: throughput is the mean, latency percentiles are the median
 * of the rounds' (a neighbour's burst then spoils one round, not the figure).
 */
function combine(rounds: LoadResult[]): LoadResult {
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return {
    requests: rounds.reduce((n, r) => n + r.requests, 0),
    errors: rounds.reduce((n, r) => n + r.errors, 0),
    throughput: rounds.reduce((n, r) => n + r.throughput, 0) / rounds.length,
    p50: median(rounds.map((r) => r.p50)),
    p95: median(rounds.map((r) => r.p95)),
    p99: median(rounds.map((r) => r.p99)),
  };
}

/** Reads served by a replica, and all reads outside a transaction, from the app's /metrics. */
async function routedCounts(base: string): Promise<{ replica: number; all: number }> {
  const text = await (await fetch(`${base}/metrics`)).text();
  let replica = 0;
  let all = 0;
  for (const m of text.matchAll(/^db_reads_routed_total\{target="([^"]+)"\} (\d+)/gm)) {
    all += Number(m[2]);
    if (m[1] !== 'primary') replica += Number(m[2]);
  }
  return { replica, all };
}

function table(rows: Row[]): string {
  const f = (n: number) => n.toFixed(1);
  const lines = [
    `Replica reads, ${CONCURRENCY} clients, ${SECONDS} s per scenario and side in ${ROUNDS} alternating rounds (${new Date().toISOString()})`,
    '',
    '| scenario | replica | req/s | p50 ms² | p95 ms² | errors | reads on the replica¹ |',
    '|---|---|---:|---:|---:|---:|---:|',
    ...rows.map(
      (r) =>
        `| ${r.scenario} | ${r.replicas} | ${r.result.throughput.toFixed(0)} | ${f(r.result.p50)} | ${f(r.result.p95)} | ${r.result.errors} | ${r.onReplica} |`,
    ),
  ];
  lines.push(
    '',
    "¹ of the reads outside a transaction, from the app's db_reads_routed_total; the token check is",
    "  not among them: it reads the primary (a token may be a second old), and only on a session's",
    '  first request on an instance (AUTH_CACHE_SECONDS). Writes and their transactions are on the',
    '  primary by definition.',
    '² median of the rounds; req/s is their mean.',
  );
  return `${lines.join('\n')}\n`;
}

main().catch((e: unknown) => {
  process.stderr.write(`bench failed: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
