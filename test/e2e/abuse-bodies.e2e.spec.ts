import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { gzipSync, deflateSync } from 'node:zlib';
import { freePort, RunningServer, startBuilt, stopAllBuilt } from '../support/built-app';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Hostile bodies (issue 23 holes 1 and 2). A bulk route's large limit and gzip are for callers
 * the auth guard has let in: before that, a body is never read at all, so ~100 KB of anonymous
 * gzip cannot become ~30 MB of JSON in memory. JSON deeper than 64 levels is refused before
 * anything recurses over it (validation overflowed the stack at ~6,000 levels: a 500, anonymously).
 */

const BOMB_UUID = '7d8e3f0a-2b7c-4c1e-9a51-0c9b2e6d4f10';
const BULK_ROUTES = [
  '/api/broker-assets/bulk-upsert',
  '/api/positions/sync',
  `/api/backtests/${BOMB_UUID}/events`,
  `/api/backtests/${BOMB_UUID}/equity-curve`,
];

/** Valid JSON that inflates to `inflatedBytes` (mostly whitespace: gzip shrinks it ~1000 times). */
function gzipBomb(inflatedBytes: number): Buffer {
  const head = '{"assets":[';
  const tail = ']}';
  return gzipSync(
    Buffer.from(head + ' '.repeat(inflatedBytes - head.length - tail.length) + tail),
    {
      level: 9,
    },
  );
}

/** `{"k":[[[...]]]}` nested `depth` levels deep in total. */
function nested(depth: number, key = 'username'): string {
  return `{"${key}":${'['.repeat(depth - 1)}${']'.repeat(depth - 1)},"password":"x"}`;
}

/** superagent would JSON-serialize a Buffer sent as application/json: send its bytes as they are. */
const asIs = (body: unknown): string => body as string;

function expectContract(body: Record<string, unknown>, status: number, code: string): void {
  expect(body).toMatchObject({ statusCode: status, code });
  expect(typeof body.error).toBe('string');
  expect(typeof body.message).toBe('string');
  expect(typeof body.requestId).toBe('string');
}

describe('hostile bodies through HTTP (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('abuse_bodies', { BODY_LIMIT: '64kb', BULK_BODY_LIMIT: '1mb' });
  });
  afterAll(async () => t?.close());

  const gzipped = (body: unknown): Buffer => gzipSync(Buffer.from(JSON.stringify(body)));
  const asset = (i: number) => ({
    alpacaId: `abuse-${i}`,
    symbol: `ABU${i}`,
    name: 'Abuse Inc',
    assetClass: 'us_equity',
    exchange: 'NYSE',
    status: 'active',
  });

  it.each(BULK_ROUTES)(
    'answers an anonymous gzip bomb on %s with 401, before reading the body',
    async (url) => {
      // 8 MB inflated against a 1 MB bulk limit: a parser that ran before the guard answers 413.
      const bomb = gzipBomb(8 * 1024 * 1024);
      expect(bomb.length).toBeLessThan(64 * 1024);
      const r = await t.http
        .post(url)
        .set('content-type', 'application/json')
        .set('content-encoding', 'gzip')
        .serialize(asIs)
        .send(bomb)
        .expect(401);
      expectContract(r.body, 401, 'UNAUTHENTICATED');
    },
  );

  it('answers an anonymous plain body over BODY_LIMIT on a bulk route with 401, not 413', async () => {
    const r = await t.http
      .post('/api/broker-assets/bulk-upsert')
      .send({ assets: Array.from({ length: 2000 }, (_, i) => asset(i)) })
      .expect(401);
    expectContract(r.body, 401, 'UNAUTHENTICATED');
  });

  it('answers a caller without the scope like an anonymous one: 403, body unread', async () => {
    // A regular user may not write broker assets: still no bulk body for them.
    const r = await t.api
      .post('/api/broker-assets/bulk-upsert')
      .set('content-type', 'application/json')
      .set('content-encoding', 'gzip')
      .serialize(asIs)
      .send(gzipBomb(8 * 1024 * 1024))
      .expect(403);
    expectContract(r.body, 403, 'FORBIDDEN');
  });

  it('accepts gzip from an authenticated caller on a bulk route', async () => {
    const assets = Array.from({ length: 30 }, (_, i) => asset(i));
    const r = await t.admin.api
      .post('/api/broker-assets/bulk-upsert')
      .set('content-type', 'application/json')
      .set('content-encoding', 'gzip')
      .serialize(asIs)
      .send(gzipped({ assets }))
      .expect(200);
    expect(r.body).toMatchObject({ inserted: 30 });
  });

  it('answers an authenticated gzip body whose inflated size is over BULK_BODY_LIMIT with 413', async () => {
    const bomb = gzipBomb(2 * 1024 * 1024);
    expect(bomb.length).toBeLessThan(64 * 1024);
    const r = await t.admin.api
      .post('/api/broker-assets/bulk-upsert')
      .set('content-type', 'application/json')
      .set('content-encoding', 'gzip')
      .serialize(asIs)
      .send(bomb)
      .expect(413);
    expectContract(r.body, 413, 'PAYLOAD_TOO_LARGE');
    // The connection and the app are fine afterwards.
    await t.admin.api.get('/api/broker-assets').expect(200);
  });

  it('refuses other content encodings and charsets on a bulk route with 415', async () => {
    const body = Buffer.from(JSON.stringify({ assets: [asset(1)] }));
    const deflated = await t.admin.api
      .post('/api/broker-assets/bulk-upsert')
      .set('content-type', 'application/json')
      .set('content-encoding', 'deflate')
      .serialize(asIs)
      .send(deflateSync(body))
      .expect(415);
    expectContract(deflated.body, 415, 'UNSUPPORTED_MEDIA_TYPE');
    const latin1 = await t.admin.api
      .post('/api/broker-assets/bulk-upsert')
      .set('content-type', 'application/json; charset=iso-8859-1')
      .serialize(asIs)
      .send(body)
      .expect(415);
    expectContract(latin1.body, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('answers gzip on a route that is not a bulk route with 415, anonymous or not', async () => {
    const login = await t.http
      .post('/api/auth/login')
      .set('content-type', 'application/json')
      .set('content-encoding', 'gzip')
      .serialize(asIs)
      .send(gzipped({ username: 'admin', password: 'x' }))
      .expect(415);
    expectContract(login.body, 415, 'UNSUPPORTED_MEDIA_TYPE');
    const strategy = await t.admin.api
      .post('/api/strategies')
      .set('content-type', 'application/json')
      .set('content-encoding', 'gzip')
      .serialize(asIs)
      .send(gzipped({ name: 'gz', type: 'x' }))
      .expect(415);
    expectContract(strategy.body, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('keeps malformed JSON and oversize answers on a bulk route as they were', async () => {
    const malformed = await t.admin.api
      .post('/api/broker-assets/bulk-upsert')
      .set('content-type', 'application/json')
      .send('{"assets": [')
      .expect(400);
    expectContract(malformed.body, 400, 'MALFORMED_JSON');
    const big = await t.admin.api
      .post('/api/broker-assets/bulk-upsert')
      .set('content-type', 'application/json')
      .send(`{"assets":[${' '.repeat(1100 * 1024)}]}`)
      .expect(413);
    expectContract(big.body, 413, 'PAYLOAD_TOO_LARGE');
  });

  it('answers ~6,000 levels of nesting on /api/auth/login with 400 JSON_TOO_DEEP', async () => {
    const body = nested(6000);
    expect(body.length).toBeLessThan(13 * 1024);
    const r = await t.http
      .post('/api/auth/login')
      .set('content-type', 'application/json')
      .send(body)
      .expect(400);
    expectContract(r.body, 400, 'JSON_TOO_DEEP');
    expect(r.body.message).toMatch(/64/);
  });

  it('draws the line at 64 levels, and does not count brackets inside strings', async () => {
    const at = await t.http
      .post('/api/auth/login')
      .set('content-type', 'application/json')
      .send(nested(64));
    expect(at.status).toBe(400);
    expect(at.body.code).toBe('VALIDATION_FAILED');
    const over = await t.http
      .post('/api/auth/login')
      .set('content-type', 'application/json')
      .send(nested(65))
      .expect(400);
    expectContract(over.body, 400, 'JSON_TOO_DEEP');
    const inString = await t.http
      .post('/api/auth/login')
      .set('content-type', 'application/json')
      .send(JSON.stringify({ username: `x${'[{\\"'.repeat(500)}`, password: 'nope nope' }));
    expect(inString.body.code).not.toBe('JSON_TOO_DEEP');
  });

  it('answers deep JSON on a bulk route with 400 JSON_TOO_DEEP, gzipped or not', async () => {
    const deep = `{"assets":[${'['.repeat(100)}${']'.repeat(100)}]}`;
    const plain = await t.admin.api
      .post('/api/broker-assets/bulk-upsert')
      .set('content-type', 'application/json')
      .send(deep)
      .expect(400);
    expectContract(plain.body, 400, 'JSON_TOO_DEEP');
    const zipped = await t.admin.api
      .post('/api/broker-assets/bulk-upsert')
      .set('content-type', 'application/json')
      .set('content-encoding', 'gzip')
      .serialize(asIs)
      .send(gzipSync(Buffer.from(deep)))
      .expect(400);
    expectContract(zipped.body, 400, 'JSON_TOO_DEEP');
  });
});

/** The process's resident set, in MB, from /proc (the built app runs in its own process). */
function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!m) throw new Error(`no VmRSS for ${pid}`);
  return Number(m[1]) / 1024;
}

interface Answer {
  status: number;
  ms: number;
}

function post(agent: Agent, url: string, body: Buffer): Promise<Answer> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-encoding': 'gzip',
          'content-length': body.length,
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: Date.now() - started }));
      },
    );
    // The server may answer (401) and stop reading before the body is out: that is the point.
    req.on('error', (e: NodeJS.ErrnoException) =>
      e.code === 'EPIPE' || e.code === 'ECONNRESET' ? resolve({ status: -1, ms: 0 }) : reject(e),
    );
    req.end(body);
  });
}

describe('16 anonymous connections sending gzip bombs (built process)', () => {
  jest.setTimeout(240000);
  const SECONDS = Number(process.env.ABUSE_SECONDS ?? 5);
  let db: TestDatabase;
  let server: RunningServer;
  beforeAll(async () => {
    db = await createTestDatabase('abuse_load');
    server = await startBuilt({
      DATABASE_URL: db.url,
      PORT: String(await freePort()),
      MAINTENANCE_INTERVAL_MINUTES: '0',
    });
  });
  afterAll(async () => {
    await stopAllBuilt();
    await db?.drop();
  });

  it('keeps RSS growth under 150 MB, answers every attack 401/413, and /health still answers', async () => {
    const pid = server.pid as number;
    // ~30 KB of gzip each: one just under the default 32 MB bulk limit, one far over it.
    const bombs = [gzipBomb(30 * 1024 * 1024), gzipBomb(64 * 1024 * 1024)];
    expect(Math.max(...bombs.map((b) => b.length))).toBeLessThan(100 * 1024);
    // Warm the routes once so lazy initialisation is not counted as growth.
    const warm = new Agent({ keepAlive: true, maxSockets: 1 });
    for (const url of BULK_ROUTES) await post(warm, `${server.url}${url}`, gzipSync('{}'));
    warm.destroy();
    const before = rssMb(pid);

    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 50);
    const agent = new Agent({ keepAlive: true, maxSockets: 16 });
    const statuses = new Map<number, number>();
    const deadline = Date.now() + SECONDS * 1000;
    const attacker = async (n: number): Promise<void> => {
      for (let i = 0; Date.now() < deadline; i++) {
        const url = `${server.url}${BULK_ROUTES[(n + i) % BULK_ROUTES.length]}`;
        const a = await post(agent, url, bombs[(n + i) % bombs.length]);
        statuses.set(a.status, (statuses.get(a.status) ?? 0) + 1);
      }
    };
    const attack = Promise.all(Array.from({ length: 16 }, (_, n) => attacker(n)));
    // /health during the attack, on its own connection.
    await new Promise((r) => setTimeout(r, Math.min(1000, (SECONDS * 1000) / 3)));
    const healthStarted = Date.now();
    const health = await fetch(`${server.url}/api/health`);
    const healthMs = Date.now() - healthStarted;
    await attack;
    clearInterval(sampler);
    agent.destroy();
    const after = rssMb(pid);
    peak = Math.max(peak, after);

    const summary = {
      rssBeforeMb: Math.round(before),
      rssPeakMb: Math.round(peak),
      rssAfterMb: Math.round(after),
      statuses: Object.fromEntries(statuses),
      healthStatus: health.status,
      healthMs,
    };
    process.stdout.write(`abuse load: ${JSON.stringify(summary)}\n`);
    expect(health.status).toBe(200);
    expect([...statuses.keys()].filter((s) => s !== 401 && s !== 413)).toEqual([]);
    expect([...statuses.values()].reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(16);
    expect(peak - before).toBeLessThan(150);
  });
});
