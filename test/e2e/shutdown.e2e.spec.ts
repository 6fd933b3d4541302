import { randomUUID } from 'node:crypto';
import { execSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { freePort, RunningServer, startBuilt, stopAllBuilt } from '../support/built-app';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { ADMIN } from '../support/test-app';
import { until, untilStatus } from '../support/until';

/** An advisory lock held by the test in its own transaction; /api/test/hold waits on it. */
class Gate {
  private constructor(
    private readonly holder: Client,
    private readonly observer: Client,
    readonly key: number,
  ) {}

  static async close(databaseUrl: string): Promise<Gate> {
    const holder = new Client({ connectionString: databaseUrl });
    // pg_stat_activity is a snapshot frozen for a whole transaction: observe from another session.
    const observer = new Client({ connectionString: databaseUrl });
    await Promise.all([holder.connect(), observer.connect()]);
    const key = 1 + Math.floor(Math.random() * 1e9);
    await holder.query('BEGIN');
    await holder.query('SELECT pg_advisory_xact_lock($1::bigint)', [key]);
    return new Gate(holder, observer, key);
  }

  /** Resolves once `n` of the app's backends wait on this gate: those requests are truly in flight. */
  waiters(n: number): Promise<number> {
    return until(`${n} requests wait at the gate`, async () => {
      const r = await this.observer.query(
        `SELECT count(*)::int AS n FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
         WHERE l.locktype = 'advisory' AND NOT l.granted AND l.objid = $1::bigint
           AND a.datname = current_database() AND a.application_name = 'ledgerline'`,
        [this.key],
      );
      return r.rows[0].n >= n ? (r.rows[0].n as number) : undefined;
    });
  }

  private opened = false;

  async open(): Promise<void> {
    if (this.opened) return;
    this.opened = true;
    await this.holder.query('COMMIT').catch(() => undefined);
    await Promise.all([this.holder.end(), this.observer.end()]);
  }
}

/** GET on a connection of its own (no pooling client in between), resolving with status and body. */
function getJson<T>(url: string): Promise<{ status: number | undefined; body: T }> {
  return new Promise((resolve, reject) => {
    request(url, { agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode,
          body: JSON.parse(Buffer.concat(chunks).toString()) as T,
        }),
      );
      res.on('error', reject);
    })
      .on('error', reject)
      .end();
  });
}

/** Resolves when a new connection to the server is refused (it no longer accepts). */
function refusesConnections(server: RunningServer): Promise<true> {
  return until('the server refuses new connections', () =>
    fetch(`${server.url}/api/health`).then(
      () => undefined,
      () => true as const,
    ),
  );
}

async function appBackends(databaseUrl: string, database: string): Promise<number> {
  const admin = new Client({ connectionString: databaseUrl });
  await admin.connect();
  try {
    const r = await admin.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'ledgerline' AND datname = $1`,
      [database],
    );
    return r.rows[0].n as number;
  } finally {
    await admin.end();
  }
}

/** Graceful shutdown of the real built process, under load. */
describe('graceful shutdown (built process)', () => {
  // Each wait below has its own deadline; the test's must cover several of them on a slow machine.
  jest.setTimeout(240000);
  afterAll(() => stopAllBuilt());

  /**
   * `requests` requests wait at a gate inside the database; SIGTERM; once the server refuses new
   * connections the gate opens: the requests that were in flight must all be answered.
   */
  async function gatedShutdown(env: Record<string, string>, requests: number, databaseUrl: string) {
    const server = await startBuilt({
      ENABLE_TEST_ROUTES: 'true',
      LOG_LEVEL: 'log',
      SHUTDOWN_DELAY_MS: '0',
      SHUTDOWN_TIMEOUT_MS: '120000',
      ...env,
    });
    const gate = await Gate.close(databaseUrl);
    try {
      const inFlight = Array.from({ length: requests }, () =>
        getJson<{ held: number }>(`${server.url}/api/test/hold?key=${gate.key}`),
      );
      await gate.waiters(requests);
      const code = server.stop('SIGTERM');
      const refused = await refusesConnections(server);
      await gate.open();
      const results = await Promise.all(inFlight);
      const exit = await code;
      return { server, results, exit, refused, key: gate.key };
    } finally {
      await gate.open();
    }
  }

  it('finishes 50 in-flight requests, refuses new ones, closes the pool and exits 0 (DATABASE_URL)', async () => {
    const db: TestDatabase = await createTestDatabase('shutdown');
    try {
      const { results, exit, refused, server, key } = await gatedShutdown(
        { DATABASE_URL: db.url, PORT: String(await freePort()), DB_POOL_MAX: '60' },
        50,
        db.url,
      );
      expect(results.map((r) => r.status)).toEqual(Array(50).fill(200));
      expect(results.every((r) => r.body.held === key)).toBe(true);
      expect(refused).toBe(true);
      expect(exit).toBe(0);
      expect(await appBackends(db.url, db.name)).toBe(0);
      // Structured JSON logs, one line per request, with the request id.
      const lines = server
        .output()
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as Record<string, unknown>);
      const requestLines = lines.filter(
        (l) => (l.message as { route?: string } | undefined)?.route === '/api/test/hold',
      );
      expect(requestLines).toHaveLength(50);
      expect(requestLines[0].message).toMatchObject({
        method: 'GET',
        status: 200,
        requestId: expect.any(String),
        durationMs: expect.any(Number),
      });
    } finally {
      await db.drop();
    }
  });

  it('SIGTERM while 40 clients loop over a 500-row page: every request is answered 200 or refused before it was read, none reset', async () => {
    const db = await createTestDatabase('drain');
    const agent = new Agent({ keepAlive: true, maxSockets: Infinity });
    try {
      const server = await startBuilt({
        DATABASE_URL: db.url,
        PORT: String(await freePort()),
        ADMIN_USERNAME: ADMIN.username,
        ADMIN_PASSWORD: ADMIN.password,
        SHUTDOWN_DELAY_MS: '3000',
        SHUTDOWN_TIMEOUT_MS: '120000',
        DB_POOL_MAX: '20',
        LOG_LEVEL: 'log',
      });
      const login = (await (
        await fetch(`${server.url}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(ADMIN),
        })
      ).json()) as { token: string; user: { id: string } };
      const seed = new Client({ connectionString: db.url });
      await seed.connect();
      await seed.query(
        `INSERT INTO trades (user_id, symbol, side, quantity, price)
         SELECT $1, 'DRN', 'buy', 1, 10 + i FROM generate_series(1, 500) i`,
        [login.user.id],
      );
      await seed.end();

      type Outcome = { id: string; writtenAt: number | undefined; status?: number; error?: string };
      /** `writtenAt`: when the whole request had been handed to the OS (the socket's 'finish'). */
      // Half the clients keep their connection alive, half open a new one per request (as many
      // real clients do): a signal then finds connections in every state, from the accept
      // backlog to idle keep-alive.
      const get = (keepAlive: boolean): Promise<Outcome> =>
        new Promise((resolve) => {
          let writtenAt: number | undefined;
          // Our own request id: the server logs it for every request it read (answered or cut).
          const id = randomUUID();
          const req = request(
            `${server.url}/api/trades?limit=500`,
            {
              agent: keepAlive ? agent : false,
              headers: { authorization: `Bearer ${login.token}`, 'x-request-id': id },
            },
            (res) => {
              const chunks: Buffer[] = [];
              res.on('data', (c: Buffer) => chunks.push(c));
              res.on('end', () => {
                // A 200 must carry the whole page; anything else counts as a failure (-1).
                let items = -1;
                try {
                  items = (JSON.parse(Buffer.concat(chunks).toString()) as { items: unknown[] })
                    .items.length;
                } catch {
                  // not the page
                }
                resolve({
                  id,
                  writtenAt,
                  status: res.statusCode === 200 && items !== 500 ? -1 : res.statusCode,
                });
              });
              res.on('error', (e: NodeJS.ErrnoException) =>
                resolve({ id, writtenAt, error: e.code ?? e.message }),
              );
            },
          );
          req.on('finish', () => (writtenAt = Date.now()));
          req.on('error', (e: NodeJS.ErrnoException) =>
            resolve({ id, writtenAt, error: e.code ?? e.message }),
          );
          req.end();
        });

      const outcomes: Outcome[] = [];
      const perClient = Array<number>(40).fill(0);
      let exited = false;
      // Clients keep sending until the process has exited: through the delay (still serving),
      // the drain (no longer accepting) and the exit. Each request ends answered, refused at
      // connect (ECONNREFUSED: the server never saw it) or cut; only the first two are allowed.
      const clients = perClient.map(async (_, i) => {
        while (!exited) {
          const o = await get(i % 2 === 0);
          outcomes.push(o);
          perClient[i]++;
          // Refused: the listener is closed; try again shortly until the process is gone.
          if (o.error) await new Promise((r) => setTimeout(r, 20));
        }
      });
      // Every client has been answered at least once: the load is real when the signal comes.
      await until('each client has had an answer', async () =>
        perClient.every((n) => n > 0) ? true : undefined,
      );
      const signalAt = Date.now();
      const exit = await server.stop('SIGTERM');
      exited = true;
      await Promise.all(clients);

      const before = outcomes.filter((o) => o.writtenAt !== undefined && o.writtenAt < signalAt);
      const after = outcomes.filter((o) => !before.includes(o));
      // What the server read: every request it read leaves a log line with its id, answered or cut.
      const read = new Set(
        [...server.output().matchAll(/"requestId":"([0-9a-f-]{36})"/g)].map((m) => m[1]),
      );
      const answered = after.filter((o) => o.status === 200);
      const failed = after.filter((o) => o.status !== 200);
      // Refused before it was read: the connection was refused, or closed by the kernel with the
      // request still unread (in the accept backlog, or unparsed on an idle keep-alive socket).
      const refused = failed.filter((o) => o.error !== undefined && !read.has(o.id));
      const cutAfterRead = failed.filter((o) => !refused.includes(o));
      expect(before.length).toBeGreaterThanOrEqual(40);
      expect(before.filter((o) => o.status !== 200)).toEqual([]);
      // Sent after the signal: served through the delay, then refused before being read; never
      // cut once read, never a half answer, never an error status.
      expect(answered.length).toBeGreaterThanOrEqual(40);
      expect(refused.length).toBeGreaterThan(0);
      expect(cutAfterRead).toEqual([]);
      expect(exit).toBe(0);
      // The app closed its pool itself, before it said it was done and exited.
      expect(server.output()).toMatch(/shutdown complete/);
      expect(await appBackends(db.url, db.name)).toBe(0);
      const refusedAtConnect = refused.filter((o) => o.error === 'ECONNREFUSED').length;
      process.stdout.write(
        `shutdown/drain: before SIGTERM ${before.length} sent, all answered; after it ${after.length} sent: ${answered.length} answered, ${refused.length} refused unread (${refusedAtConnect} at connect, ${refused.length - refusedAtConnect} reset unread), ${cutAfterRead.length} cut after being read\n`,
      );
    } finally {
      agent.destroy();
      await db.drop();
    }
  });

  it('does the same on the embedded database and stops its postmaster; slow-queries works there', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ledgerline-shutdown-'));
    try {
      const env = {
        DATA_DIR: dataDir,
        EMBEDDED_PG_PORT: String(await freePort()),
        PORT: String(await freePort()),
        ADMIN_USERNAME: ADMIN.username,
        ADMIN_PASSWORD: ADMIN.password,
        SHUTDOWN_DELAY_MS: '0',
      };
      // First the extension: the embedded server preloads pg_stat_statements.
      const probe = await startBuilt(env);
      const login = await fetch(`${probe.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(ADMIN),
      });
      const { token } = (await login.json()) as { token: string };
      const slow = await fetch(`${probe.url}/api/admin/db/slow-queries?limit=5`, {
        headers: { authorization: `Bearer ${token}` },
      });
      const body = (await slow.json()) as { available: boolean; queries: unknown[] };
      expect(slow.status).toBe(200);
      expect(body.available).toBe(true);
      expect(body.queries.length).toBeGreaterThan(0);
      expect(await probe.stop('SIGTERM')).toBe(0);

      const embeddedUrl = `postgres://postgres:ledgerline@127.0.0.1:${env.EMBEDDED_PG_PORT}/ledgerline`;
      const { results, exit, refused } = await gatedShutdown(env, 10, embeddedUrl);
      expect(results.map((r) => r.status)).toEqual(Array(10).fill(200));
      expect(refused).toBe(true);
      expect(exit).toBe(0);
      expect(execSync('ps -eo args', { encoding: 'utf8' })).not.toContain(
        `-D ${join(dataDir, 'pg')}`,
      );
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('keeps serving during the delay with readiness 503, and forces exit 1 on a second signal', async () => {
    const db = await createTestDatabase('forced');
    let gate: Gate | undefined;
    try {
      const server = await startBuilt({
        DATABASE_URL: db.url,
        PORT: String(await freePort()),
        ENABLE_TEST_ROUTES: 'true',
        SHUTDOWN_DELAY_MS: '600000',
      });
      // Only after start-up: an open transaction would hold up the CONCURRENTLY index migrations.
      gate = await Gate.close(db.url);
      const pending = fetch(`${server.url}/api/test/hold?key=${gate.key}`).catch(() => undefined);
      await gate.waiters(1);
      process.kill(server.pid!, 'SIGTERM');
      await untilStatus(
        'readiness answers 503',
        () => fetch(`${server.url}/api/health/ready`),
        503,
      );
      // Still accepting and serving, but asking clients not to reuse the connection.
      const live = await new Promise<{ status?: number; connection?: string }>((resolve) =>
        request(`${server.url}/api/health`, (res) => {
          res.resume();
          resolve({ status: res.statusCode, connection: res.headers.connection });
        }).end(),
      );
      expect(live).toEqual({ status: 200, connection: 'close' });
      expect(await server.stop('SIGTERM')).toBe(1);
      await pending;
    } finally {
      await gate?.open();
      await db.drop();
    }
  });
});
