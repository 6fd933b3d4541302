import { ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';
import { cpus, loadavg } from 'node:os';
import { Client } from 'pg';
import { cpuMsOf, startAppProcess, startReferenceProcess } from './processes';
import { writeSection } from './sections';

/**
 * The app against the bare reference server (bench/reference/server.ts), like with like: both
 * as their own processes on one database, the same requests from the same closed-loop clients,
 * every answer's status checked (a wrong one is an error, never a sample), app and reference
 * interleaved in every round (the order alternating), three rounds reported as median [min–max].
 * Besides latency and throughput, each server's CPU time per request (from /proc), which the
 * machine's other load disturbs far less than wall-clock figures.
 *
 *   npm run bench:compare [-- --rounds 3 --seconds 5 --trades 300000]
 */

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const ROUNDS = arg('rounds', 3);
const SECONDS = arg('seconds', 5);
const TRADES = arg('trades', 300_000);
const SERVER = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432';
const PASSWORD = 'bench password 123';

interface Target {
  name: string;
  url: string;
  pid: number;
}

interface Scenario {
  name: string;
  connections: number;
  /** `p50`: the ratio is app p50 / reference p50 (≤ target); `throughput`: app/reference (≥ target). */
  figure: 'p50' | 'throughput';
  target: number;
  /** The request client `i` sends next. */
  next(client: number): {
    method: string;
    path: string;
    body?: string;
    headers?: Record<string, string>;
    expect: number;
  };
}

interface Run {
  ok: number;
  errors: number;
  p50: number;
  p95: number;
  perSecond: number;
  cpuMsPerRequest: number;
}

const agent = new Agent({ keepAlive: true, maxSockets: 256 });

function send(base: string, token: string, r: ReturnType<Scenario['next']>): Promise<number> {
  const url = new URL(r.path, base);
  return new Promise((resolve) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        method: r.method,
        agent,
        headers: {
          authorization: `Bearer ${token}`,
          ...(r.body
            ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(r.body) }
            : {}),
          ...r.headers,
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', () => resolve(0));
    req.end(r.body);
  });
}

async function measure(target: Target, token: string, s: Scenario): Promise<Run> {
  const latencies: number[] = [];
  let errors = 0;
  const cpu0 = cpuMsOf(target.pid);
  const t0 = performance.now();
  const end = t0 + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: s.connections }, async (_, client) => {
      while (performance.now() < end) {
        const r = s.next(client);
        const started = performance.now();
        const status = await send(target.url, token, r);
        if (status === r.expect) latencies.push(performance.now() - started);
        else errors++;
      }
    }),
  );
  const elapsed = (performance.now() - t0) / 1000;
  const cpuMs = cpuMsOf(target.pid) - cpu0;
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  return {
    ok: latencies.length,
    errors,
    p50: at(0.5),
    p95: at(0.95),
    perSecond: latencies.length / elapsed,
    cpuMsPerRequest: cpuMs / Math.max(1, latencies.length + errors),
  };
}

async function json<T>(
  base: string,
  method: string,
  path: string,
  body: object,
  token?: string,
): Promise<T> {
  const res = await fetch(new URL(path, base), {
    method,
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

async function userToken(base: string, username: string): Promise<{ token: string; id: string }> {
  await json(base, 'POST', '/api/auth/signup', { username, password: PASSWORD });
  const { token, user } = await json<{ token: string; user: { id: string } }>(
    base,
    'POST',
    '/api/auth/login',
    {
      username,
      password: PASSWORD,
    },
  );
  return { token, id: user.id };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const f = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const spread = (xs: number[]) => `${f(median(xs))} [${f(Math.min(...xs))}–${f(Math.max(...xs))}]`;

async function main(): Promise<void> {
  const database = `ll_bench_compare_${randomBytes(3).toString('hex')}`;
  const admin = new Client({ connectionString: `${SERVER}/postgres` });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  const databaseUrl = `${SERVER}/${database}`;
  const children: ChildProcess[] = [];
  try {
    const app = await startAppProcess({ DATABASE_URL: databaseUrl, NODE_ENV: 'production' });
    children.push(app.child);
    const reader = await userToken(app.url, 'reader');
    const writer = await userToken(app.url, 'writer');
    const db = new Client({ connectionString: databaseUrl });
    await db.connect();
    const t0 = performance.now();
    await db.query(
      `INSERT INTO trades (user_id, symbol, side, quantity, price, executed_at, pnl)
       SELECT $1, (ARRAY['AAPL','MSFT','NVDA','AMZN','TSLA'])[1 + i % 5], CASE WHEN i % 2 = 0 THEN 'buy' ELSE 'sell' END,
              1 + i % 100, 100 + (i % 997) / 10.0, now() - make_interval(secs => i * 500), (i % 21 - 10)::numeric
       FROM generate_series(1, $2::int) i`,
      [reader.id, TRADES],
    );
    await db.query(
      `INSERT INTO ai_decisions (user_id, symbol, action, confidence, reasoning, executed_trade_id)
       SELECT user_id, symbol, side, 0.8, 'seeded', id FROM trades WHERE user_id = $1 AND random() < 0.3`,
      [reader.id],
    );
    await db.query('VACUUM ANALYZE trades');
    await db.query('VACUUM ANALYZE ai_decisions');
    const seeded = ((performance.now() - t0) / 1000).toFixed(1);
    const orders: string[] = [];
    for (let i = 0; i < 16; i++) {
      const o = await json<{ id: string }>(
        app.url,
        'POST',
        '/api/orders',
        {
          broker: 'alpaca',
          brokerOrderId: `bench-${i}`,
          symbol: 'AAPL',
          side: 'buy',
          type: 'market',
        },
        writer.token,
      );
      orders.push(o.id);
    }
    await db.end();
    const ref = await startReferenceProcess({ DATABASE_URL: databaseUrl });
    children.push(ref.child);
    const targets: Target[] = [
      { name: 'app', url: app.url, pid: app.child.pid ?? 0 },
      { name: 'reference', url: ref.url, pid: ref.child.pid ?? 0 },
    ];

    const trade = JSON.stringify({ symbol: 'AAPL', side: 'buy', quantity: '10', price: '187.25' });
    const fill = JSON.stringify({ qty: '1', price: '187.25' });
    const scenarios: Array<Scenario & { token: string }> = [
      {
        name: `GET /api/trades?limit=100, ${TRADES.toLocaleString('en-US')}-trade user, p50`,
        connections: 1,
        figure: 'p50',
        target: 1.3,
        token: reader.token,
        next: () => ({ method: 'GET', path: '/api/trades?limit=100', expect: 200 }),
      },
      {
        name: 'the same, 16 clients, throughput',
        connections: 16,
        figure: 'throughput',
        target: 0.7,
        token: reader.token,
        next: () => ({ method: 'GET', path: '/api/trades?limit=100', expect: 200 }),
      },
      {
        name: 'POST /api/trades with an Idempotency-Key, p50',
        connections: 1,
        figure: 'p50',
        target: 1.5,
        token: writer.token,
        next: () => ({
          method: 'POST',
          path: '/api/trades',
          body: trade,
          headers: { 'idempotency-key': randomUUID() },
          expect: 201,
        }),
      },
      {
        name: '16 writers on one account (with keys), trades/s',
        connections: 16,
        figure: 'throughput',
        target: 0.6,
        token: writer.token,
        next: () => ({
          method: 'POST',
          path: '/api/trades',
          body: trade,
          headers: { 'idempotency-key': randomUUID() },
          expect: 201,
        }),
      },
      {
        name: 'fills on 16 different orders, 16 writers, fills/s',
        connections: 16,
        figure: 'throughput',
        target: 0.5,
        token: writer.token,
        next: (client) => ({
          method: 'POST',
          path: `/api/orders/${orders[client]}/fills`,
          body: fill,
          expect: 201,
        }),
      },
    ];

    // Warm both (JIT, pools, the session caches).
    for (const target of targets) {
      for (const s of scenarios)
        await measure(target, s.token, { ...s, connections: 2 }).catch(() => undefined);
    }
    const load0 = loadavg();
    const results = new Map<string, { app: Run[]; reference: Run[] }>();
    for (let round = 0; round < ROUNDS; round++) {
      for (const s of scenarios) {
        const order = round % 2 === 0 ? targets : [...targets].reverse();
        const entry = results.get(s.name) ?? { app: [], reference: [] };
        for (const target of order) {
          (target.name === 'app' ? entry.app : entry.reference).push(
            await measure(target, s.token, s),
          );
        }
        results.set(s.name, entry);
      }
      process.stderr.write(`round ${round + 1} of ${ROUNDS} done\n`);
    }
    const load1 = loadavg();

    const lines: string[] = [];
    lines.push('<!-- compare:start -->');
    lines.push('## The app against the bare reference server');
    lines.push('');
    lines.push(
      `Written by \`npm run bench:compare -- --rounds ${ROUNDS} --seconds ${SECONDS} --trades ${TRADES}\` (${new Date().toISOString().slice(0, 10)}). `,
    );
    lines.push(
      `The reference (bench/reference/server.ts) is node \`http\` + \`pg\` with no framework, doing the same durable work and answering the same bytes (test/e2e/reference-server.e2e.spec.ts checks both). ` +
        `Both run as their own processes on one database (${TRADES.toLocaleString('en-US')} trades of one user, 30 % with an AI decision, seeded in ${seeded} s); ` +
        `each figure is ${ROUNDS} rounds of ${SECONDS} s per server, app and reference interleaved with the order alternating, given as median [min–max]; ` +
        `every answer's status is checked and a wrong one counts as an error. CPU ms/request is each server process's own CPU time (/proc) over the requests it answered. ` +
        `Machine: ${cpus().length} × ${cpus()[0]?.model.trim()}, load average ${load0[0].toFixed(2)} before and ${load1[0].toFixed(2)} after the rounds (other work was running: wall-clock figures are noisy, ratios are taken within a round).`,
    );
    lines.push('');
    lines.push(
      '| scenario | app | reference | app / reference | target | met | app CPU ms/req | reference CPU ms/req | errors (app, ref) |',
    );
    lines.push('|---|---|---|---|---|---|---|---|---|');
    for (const s of scenarios) {
      const r = results.get(s.name)!;
      const pick = (x: Run) => (s.figure === 'p50' ? x.p50 : x.perSecond);
      const ratios = r.app.map((a, i) => pick(a) / pick(r.reference[i]));
      const m = median(ratios);
      const met = s.figure === 'p50' ? m <= s.target : m >= s.target;
      const unit = s.figure === 'p50' ? ' ms' : '/s';
      const errors = (xs: Run[]) => xs.reduce((n, x) => n + x.errors, 0);
      lines.push(
        `| ${s.name} (${s.connections} client${s.connections > 1 ? 's' : ''}) | ${spread(r.app.map(pick))}${unit} | ${spread(r.reference.map(pick))}${unit} | **${f(m)}x** [${f(Math.min(...ratios))}–${f(Math.max(...ratios))}] | ${s.figure === 'p50' ? '≤' : '≥'} ${s.target}x | ${met ? 'met' : '**not met**'} | ${spread(r.app.map((x) => x.cpuMsPerRequest))} | ${spread(r.reference.map((x) => x.cpuMsPerRequest))} | ${errors(r.app)}, ${errors(r.reference)} |`,
      );
    }
    lines.push('<!-- compare:end -->');
    const section = lines.join('\n');
    console.log(section);
    if (!process.argv.includes('--no-write')) writeSection('compare', section);
  } finally {
    for (const c of children) c.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 1000));
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
    agent.destroy();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
