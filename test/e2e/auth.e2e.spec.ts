import { spawnSync } from 'node:child_process';
import { MAIN, ROOT } from '../support/built-app';
import { operationsOf, PUBLIC_OPERATIONS } from '../support/openapi';
import { ADMIN, startTestApp, TEST_PASSWORD, TestApp } from '../support/test-app';
import { join } from 'node:path';
import { QueryCounter } from '../../bench/query-counter';
import { until, untilStatus } from '../support/until';
import { PGBOUNCER_PORT_ENV } from '../support/test-server';
import { SessionCache } from '../../src/auth/session-cache';

describe('authentication (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    // Sessions stay remembered for the whole file: a change is then seen only if announced.
    t = await startTestApp('auth', { AUTH_CACHE_SECONDS: '3600' });
  });
  afterAll(async () => t?.close());

  describe('signup', () => {
    it('creates a user without exposing the password hash', async () => {
      const r = await t.http
        .post('/api/auth/signup')
        .send({ username: 'Carol.B-1', password: TEST_PASSWORD })
        .expect(201);
      expect(r.body).toEqual({ id: expect.any(String), username: 'Carol.B-1', isAdmin: false });
      const [row] = await t.dataSource.query(`SELECT password FROM users WHERE id = $1`, [
        r.body.id,
      ]);
      expect(row.password).toMatch(/^\$argon2id\$/);
    });

    it('refuses a username taken in another letter case with 409', async () => {
      const r = await t.http
        .post('/api/auth/signup')
        .send({ username: 'carol.b-1', password: TEST_PASSWORD })
        .expect(409);
      expect(r.body.code).toBe('UNIQUE_VIOLATION');
    });

    it.each([
      [{ username: 'ab', password: TEST_PASSWORD }, 'username'],
      [{ username: 'x'.repeat(65), password: TEST_PASSWORD }, 'username'],
      [{ username: 'bad name', password: TEST_PASSWORD }, 'username'],
      [{ username: 'okname', password: 'short' }, 'password'],
      [{ username: 'okname' }, 'password'],
      [{ username: 'okname', password: TEST_PASSWORD, isAdmin: true }, 'isAdmin'],
    ])('rejects %j naming %s', async (body, field) => {
      const r = await t.http.post('/api/auth/signup').send(body).expect(400);
      expect(r.body.details.map((d: { field: string }) => d.field)).toContain(field);
    });
  });

  describe('login, me, logout', () => {
    it('logs in, answers me, and logout revokes the token', async () => {
      const r = await t.http
        .post('/api/auth/login')
        .send({ username: t.user.username, password: TEST_PASSWORD })
        .expect(200);
      expect(r.body).toEqual({
        token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
        expiresAt: expect.any(String),
        user: { id: t.user.id, username: t.user.username, isAdmin: false },
      });
      const hours = (Date.parse(r.body.expiresAt) - Date.now()) / 3600_000;
      expect(hours).toBeGreaterThan(23.9);
      expect(hours).toBeLessThanOrEqual(24);

      const auth = { Authorization: `Bearer ${r.body.token}` };
      await t.http
        .get('/api/auth/me')
        .set(auth)
        .expect(200, { role: 'user', id: t.user.id, username: t.user.username, isAdmin: false });
      // Only the token's SHA-256 is stored.
      const stored = await t.dataSource.query(`SELECT id FROM sessions WHERE user_id = $1`, [
        t.user.id,
      ]);
      expect(stored.map((s: { id: string }) => s.id)).not.toContain(r.body.token);
      expect(stored.every((s: { id: string }) => /^[0-9a-f]{64}$/.test(s.id))).toBe(true);

      await t.http.post('/api/auth/logout').set(auth).expect(204);
      await t.http.get('/api/auth/me').set(auth).expect(401);
    });

    it('gives the same 401 for a wrong username and a wrong password', async () => {
      const wrongUser = await t.http
        .post('/api/auth/login')
        .send({ username: 'nobody-here', password: TEST_PASSWORD })
        .expect(401);
      const wrongPass = await t.http
        .post('/api/auth/login')
        .send({ username: t.user.username, password: 'wrong password!' })
        .expect(401);
      const strip = (b: Record<string, unknown>) => ({ ...b, requestId: undefined });
      expect(strip(wrongUser.body)).toEqual(strip(wrongPass.body));
      expect(wrongUser.body.code).toBe('UNAUTHENTICATED');
    });

    it('refuses an expired token', async () => {
      const u = await t.newUser('expiring');
      await u.api.get('/api/auth/me').expect(200);
      // Expired by SQL, not by the clock: the instance remembered the session and hears of the
      // change from the database (milliseconds), so the test waits for it rather than for a time.
      await t.dataSource.query(
        `UPDATE sessions SET expires_at = now() - interval '1 second' WHERE user_id = $1`,
        [u.id],
      );
      const r = await untilStatus(
        'the expired session is refused',
        () => u.api.get('/api/auth/me'),
        401,
      );
      expect(r.body.code).toBe('UNAUTHENTICATED');
    });
  });

  // Behind PgBouncer (transaction pooling) there is no LISTEN, and the cache is off.
  (process.env[PGBOUNCER_PORT_ENV] ? describe.skip : describe)(
    'sessions remembered by the instance (AUTH_CACHE_SECONDS)',
    () => {
      const counter = new QueryCounter();
      beforeAll(() => counter.install());
      afterAll(() => counter.uninstall());

      const sessionChecks = async (run: () => Promise<unknown>) =>
        (await counter.during(run)).statements.filter((s) => /FROM sessions/.test(s.text)).length;
      /** An announcement arrives in milliseconds: far less than the cache's hour, far more than needed. */
      const ANNOUNCED_MS = 15_000;
      const refused = (u: { api: TestApp['api'] }, what: string) =>
        untilStatus(what, () => u.api.get('/api/auth/me'), 401, ANNOUNCED_MS);

      it('looks a session up once, then answers it from memory', async () => {
        const u = await t.newUser('cached');
        expect(await sessionChecks(() => u.api.get('/api/auth/me').expect(200))).toBe(1);
        expect(await sessionChecks(() => u.api.get('/api/auth/me').expect(200))).toBe(0);
        expect(await sessionChecks(() => u.api.get('/api/auth/me').expect(200))).toBe(0);
      });

      it('forgets a session deleted with plain SQL (an operator, another instance): the database announces it', async () => {
        const u = await t.newUser('revoked-by-sql');
        await u.api.get('/api/auth/me').expect(200);
        expect(await sessionChecks(() => u.api.get('/api/auth/me').expect(200))).toBe(0);
        await t.dataSource.query(`DELETE FROM sessions WHERE user_id = $1`, [u.id]);
        await refused(u, 'the deleted session is refused');
      });

      it('follows a change of admin rights made in the database, both ways', async () => {
        const u = await t.newUser('promoted');
        await u.api.get('/api/admin/api-keys').expect(403);
        await t.dataSource.query(`UPDATE users SET is_admin = true WHERE id = $1`, [u.id]);
        await untilStatus(
          'the promotion is seen',
          () => u.api.get('/api/admin/api-keys'),
          200,
          ANNOUNCED_MS,
        );
        await t.dataSource.query(`UPDATE users SET is_admin = false WHERE id = $1`, [u.id]);
        await untilStatus(
          'the demotion is seen',
          () => u.api.get('/api/admin/api-keys'),
          403,
          ANNOUNCED_MS,
        );
      });

      it('forgets the sessions of a deleted user', async () => {
        const u = await t.newUser('deleted');
        await u.api.get('/api/auth/me').expect(200);
        await t.dataSource.query(`DELETE FROM users WHERE id = $1`, [u.id]);
        await refused(u, "the deleted user's session is refused");
      });

      it('forgets every session when sessions are truncated (the incident command)', async () => {
        const a = await t.newUser('truncated-a');
        const b = await t.newUser('truncated-b');
        await a.api.get('/api/auth/me').expect(200);
        await b.api.get('/api/auth/me').expect(200);
        // Other files' apps have their own databases: this TRUNCATE is this file's alone.
        await t.dataSource.query(`TRUNCATE sessions`);
        await refused(a, 'a is refused after the truncate');
        await refused(b, 'b is refused after the truncate');
        // The file's own users lost their sessions too: log them in again for the tests after.
        const user = await t.login(t.user.username, TEST_PASSWORD);
        Object.assign(t, {
          user,
          api: user.api,
          admin: await t.login(ADMIN.username, ADMIN.password),
        });
      });

      it('refuses a logged-out token at once on the instance that logged it out', async () => {
        const u = await t.newUser('logout');
        await u.api.get('/api/auth/me').expect(200);
        await u.api.post('/api/auth/logout').expect(204);
        await u.api.get('/api/auth/me').expect(401);
      });

      it('forgets everything and looks every token up while it cannot hear the database, then listens again', async () => {
        const u = await t.newUser('listener');
        await u.api.get('/api/auth/me').expect(200);
        const listener = async () =>
          (
            (await t.dataSource.query(
              `SELECT pid FROM pg_stat_activity
             WHERE application_name = 'ledgerline-auth-listener' AND datname = current_database()`,
            )) as Array<{ pid: number }>
          ).map((r) => r.pid);
        const before = await until('the instance listens', async () => (await listener())[0]);
        await t.dataSource.query(`SELECT pg_terminate_backend($1)`, [before]);
        // Back on a new connection: what was remembered before the loss is looked up again.
        const cache = t.app.get(SessionCache);
        await until('the instance listens again', async () => {
          const pids = await listener();
          return pids.length === 1 && pids[0] !== before && cache.listening ? true : undefined;
        });
        expect(await sessionChecks(() => u.api.get('/api/auth/me').expect(200))).toBe(1);
        expect(await sessionChecks(() => u.api.get('/api/auth/me').expect(200))).toBe(0);
        await t.dataSource.query(`DELETE FROM sessions WHERE user_id = $1`, [u.id]);
        await refused(u, 'the deleted session is refused after the reconnect');
      });
    },
  );

  describe('every route', () => {
    it('needs a token except signup, login and health', async () => {
      const ops = await operationsOf(t);
      expect(ops.length).toBeGreaterThan(8);
      const expired = await t.newUser('expired');
      await t.dataSource.query(
        `UPDATE sessions SET expires_at = now() - interval '1 second' WHERE user_id = $1`,
        [expired.id],
      );
      await untilStatus(
        'the expired session is refused',
        () => expired.api.get('/api/auth/me'),
        401,
      );
      const badTokens: Array<[string, Record<string, string>]> = [
        ['none', {}],
        ['malformed', { Authorization: 'Bearer not a token' }],
        ['unknown', { Authorization: `Bearer ${'A'.repeat(43)}` }],
        ['wrong scheme', { Authorization: `Basic ${Buffer.from('a:b').toString('base64')}` }],
        ['expired', { Authorization: `Bearer ${expired.token}` }],
      ];
      const checked: string[] = [];
      for (const op of ops) {
        const key = `${op.method} ${op.path}`;
        if (PUBLIC_OPERATIONS.has(key)) continue;
        for (const [label, headers] of badTokens) {
          const r = await t.http[op.method](op.url).set(headers).send({});
          expect({ key, label, status: r.status, code: r.body.code }).toEqual({
            key,
            label,
            status: 401,
            code: 'UNAUTHENTICATED',
          });
        }
        checked.push(key);
      }
      expect(checked).toEqual(
        expect.arrayContaining([
          'get /api/strategies',
          'post /api/auth/logout',
          'get /api/audit-logs',
        ]),
      );
    });

    it('keeps the public routes public', async () => {
      await t.http.get('/api/health').expect(200);
      await t.http.get('/api/health/ready').expect(200);
      await t.http.get('/docs-json').expect(200);
    });
  });

  describe('admin routes', () => {
    it('answer 403 FORBIDDEN to a non-admin and serve an admin', async () => {
      const forbidden = await t.api.get('/api/audit-logs').expect(403);
      expect(forbidden.body.code).toBe('FORBIDDEN');
      await t.api.get('/api/users').expect(403);
      await t.api.delete(`/api/users/${t.user.id}`).expect(403);
      await t.admin.api.get('/api/audit-logs').expect(200);
      const users = await t.admin.api.get('/api/users').expect(200);
      expect(users.body.items.map((u: { username: string }) => u.username)).toContain(
        ADMIN.username,
      );
      expect(JSON.stringify(users.body)).not.toContain('argon2');
    });

    it('deletes a user (admin), which revokes their sessions', async () => {
      const victim = await t.newUser('victim');
      await t.admin.api.delete(`/api/users/${victim.id}`).expect(204);
      await victim.api.get('/api/auth/me').expect(401);
      await t.admin.api.delete(`/api/users/${victim.id}`).expect(404);
    });
  });
});

describe('login throttling (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('throttle', { LOGIN_MAX_FAILURES: '3', LOGIN_LOCKOUT_SECONDS: '60' });
  });
  afterAll(async () => t?.close());

  it('answers 429 RATE_LIMITED with Retry-After after the configured failures, even with the right password', async () => {
    for (let i = 0; i < 3; i++) {
      await t.http
        .post('/api/auth/login')
        .send({ username: t.user.username, password: 'wrong password!' })
        .expect(401);
    }
    const limited = await t.http
      .post('/api/auth/login')
      .send({ username: t.user.username, password: TEST_PASSWORD })
      .expect(429);
    expect(limited.body.code).toBe('RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(60);
  });
});

describe('npm run user:create (built CLI)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('usercli');
  });
  afterAll(async () => t?.close());

  const cli = join(ROOT, 'dist', 'scripts', 'user-create.js');
  const run = (args: string[], input: string) =>
    spawnSync(process.execPath, [cli, ...args], {
      input,
      encoding: 'utf8',
      env: { ...process.env, DATABASE_URL: t.db.url },
    });

  it('creates an admin with the password from stdin, who can then log in', async () => {
    expect(MAIN).toBeTruthy();
    const r = run(['--admin', 'opsadmin'], 'ops admin password\n');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).not.toContain('ops admin password');
    const u = await t.login('opsadmin', 'ops admin password');
    await u.api.get('/api/audit-logs').expect(200);
  });

  it('refuses a short password, a bad name and a duplicate', () => {
    expect(run(['someone'], 'short\n').status).toBe(2);
    expect(run(['--admin', 'x'], 'long enough password\n').status).toBe(2);
    const dup = run(['OpsAdmin'], 'another long password\n');
    expect(dup.status).toBe(1);
    expect(dup.stderr).toContain('already exists');
  });
});
