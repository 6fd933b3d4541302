import { execSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { freePort, startBuilt, stopAllBuilt } from '../support/built-app';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { ADMIN } from '../support/test-app';

/** Graceful shutdown of the real built process, under load. */
describe('graceful shutdown (built process)', () => {
  afterAll(() => stopAllBuilt());

  /**
   * Waits until `n` requests hold a pg_sleep in the server's database: only then are they truly in
   * flight (accepted by the server), not merely sent by the client.
   */
  async function waitForSleepers(databaseUrl: string, n: number): Promise<void> {
    const c = new Client({ connectionString: databaseUrl });
    await c.connect();
    try {
      for (let i = 0; i < 200; i++) {
        const r = await c.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity
           WHERE datname = current_database() AND application_name = 'ledgerline' AND query LIKE 'SELECT pg_sleep%' AND state = 'active'`,
        );
        if (r.rows[0].n >= n) return;
        await new Promise((res) => setTimeout(res, 25));
      }
      throw new Error(`only some of the ${n} requests reached the database`);
    } finally {
      await c.end();
    }
  }

  async function underLoad(env: Record<string, string>, requests: number, databaseUrl: string) {
    const server = await startBuilt({
      ENABLE_TEST_ROUTES: 'true',
      LOG_LEVEL: 'log',
      SHUTDOWN_TIMEOUT_MS: '10000',
      ...env,
    });
    const started = Date.now();
    const inFlight = Array.from({ length: requests }, () =>
      fetch(`${server.url}/api/test/sleep?ms=1000`).then(async (r) => ({
        status: r.status,
        body: (await r.json()) as { slept: number },
      })),
    );
    await waitForSleepers(databaseUrl, requests);
    const code = server.stop('SIGTERM');
    await new Promise((r) => setTimeout(r, 150));
    // New connections are refused while the old requests drain.
    const refused = await fetch(`${server.url}/api/health`).then(
      () => false,
      () => true,
    );
    const results = await Promise.all(inFlight);
    const exit = await code;
    return { server, results, exit, elapsed: Date.now() - started, refused };
  }

  it('finishes 50 in-flight requests, refuses new ones, closes the pool and exits 0 (DATABASE_URL)', async () => {
    const db: TestDatabase = await createTestDatabase('shutdown');
    try {
      const { results, exit, elapsed, refused, server } = await underLoad(
        { DATABASE_URL: db.url, PORT: String(await freePort()), DB_POOL_MAX: '60' },
        50,
        db.url,
      );
      expect(results.map((r) => r.status)).toEqual(Array(50).fill(200));
      expect(results.every((r) => r.body.slept === 1000)).toBe(true);
      expect(refused).toBe(true);
      expect(exit).toBe(0);
      expect(elapsed).toBeLessThan(10000);
      const admin = new Client({ connectionString: db.url });
      await admin.connect();
      const left = await admin.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'ledgerline' AND datname = $1`,
        [db.name],
      );
      await admin.end();
      expect(left.rows[0].n).toBe(0);
      // Structured JSON logs, one line per request, with the request id.
      const lines = server
        .output()
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as Record<string, unknown>);
      const requestLines = lines.filter(
        (l) => (l.message as { route?: string } | undefined)?.route === '/api/test/sleep',
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

  it('does the same on the embedded database and stops its postmaster; slow-queries works there', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ledgerline-shutdown-'));
    try {
      const env = {
        DATA_DIR: dataDir,
        EMBEDDED_PG_PORT: String(await freePort()),
        PORT: String(await freePort()),
        ADMIN_USERNAME: ADMIN.username,
        ADMIN_PASSWORD: ADMIN.password,
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
      const { results, exit, refused } = await underLoad(env, 10, embeddedUrl);
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

  it('forces exit 1 on a second signal', async () => {
    const db = await createTestDatabase('forced');
    try {
      const server = await startBuilt({
        DATABASE_URL: db.url,
        PORT: String(await freePort()),
        ENABLE_TEST_ROUTES: 'true',
      });
      const pending = fetch(`${server.url}/api/test/sleep?ms=5000`).catch(() => undefined);
      await new Promise((r) => setTimeout(r, 200));
      process.kill(server.pid!, 'SIGTERM');
      await new Promise((r) => setTimeout(r, 200));
      expect(await server.stop('SIGTERM')).toBe(1);
      await pending;
    } finally {
      await db.drop();
    }
  });
});
