import { ADMIN, clientFor, startTestApp, TEST_PASSWORD, TestApp } from '../support/test-app';

/**
 * Issue 23, hole 6 and its "also" list, through HTTP: one canonical username for the login
 * throttle and the lookup, signup limited per client address, changing one's password (which
 * revokes the other sessions), and who issued an API key.
 */

const login = (t: TestApp, username: string, password: string) =>
  t.http.post('/api/auth/login').send({ username, password });

describe('login names: one canonical form for the throttle and the lookup (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('authx_names', {
      LOGIN_MAX_FAILURES: '3',
      LOGIN_LOCKOUT_SECONDS: '60',
    });
  });
  afterAll(async () => t?.close());

  it('counts every spelling of one account against one throttle: an İ spelling cannot slip past the lock', async () => {
    // `ivanN_pid`: PostgreSQL's lower() (libc, C.UTF-8) turns `İ` into `i`, JavaScript into `i̇`.
    const u = await t.newUser('ivan');
    const upper = u.username.toUpperCase();
    const mixed = `I${u.username.slice(1)}`;
    for (const spelling of [upper, mixed, u.username]) {
      await login(t, spelling, 'wrong password!').expect(401);
    }
    // The pair is locked for every ASCII spelling, even with the right password.
    for (const spelling of [u.username, upper, mixed]) {
      const r = await login(t, spelling, TEST_PASSWORD).expect(429);
      expect(r.body.code).toBe('RATE_LIMITED');
    }
    // Before: `İvan...` was a fresh throttle key (JavaScript's fold) for the same account
    // (PostgreSQL's fold), so the right password logged in past the lock: 200.
    const dotted = `\u0130${u.username.slice(1)}`;
    const r = await login(t, dotted, TEST_PASSWORD);
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('VALIDATION_FAILED');
    // One counter for the account from this address, under its canonical name.
    const keys: Array<{ key: string; failures: number }> = await t.dataSource.query(
      `SELECT key, failures FROM login_attempts WHERE key LIKE 'pair:%'`,
    );
    expect(keys).toEqual([{ key: expect.stringMatching(`^pair:${u.username}\\|`), failures: 3 }]);
  });

  it.each([
    ['a dotted capital I', (n: string) => `\u0130${n.slice(1)}`],
    ['a combining dot', (n: string) => `i\u0307${n.slice(1)}`],
    ['a dotless i', (n: string) => `\u0131${n.slice(1)}`],
    ['the Kelvin sign', () => '\u212Aelvin'],
    [
      'fullwidth letters',
      (n: string) => n.replace(/[a-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)),
    ],
    ['a space', (n: string) => `${n} `],
    ['a NUL byte', (n: string) => `${n}\u0000`],
  ])('refuses a login name with %s with 400, before any lookup or counter', async (_, spell) => {
    const name = spell(t.user.username);
    const before = await t.dataSource.query(
      `SELECT key, failures FROM login_attempts ORDER BY key`,
    );
    const r = await login(t, name, TEST_PASSWORD);
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('VALIDATION_FAILED');
    expect(r.body.details.map((d: { field: string }) => d.field)).toEqual(['username']);
    // No counter was touched (a refused spelling never reaches the throttle).
    expect(
      await t.dataSource.query(`SELECT key, failures FROM login_attempts ORDER BY key`),
    ).toEqual(before);
  });

  it('keeps usernames unique under the canonical form (409 naming its key, not the spelling held)', async () => {
    const r = await t.http
      .post('/api/auth/signup')
      .send({ username: t.user.username.toUpperCase(), password: TEST_PASSWORD })
      .expect(409);
    expect(r.body.code).toBe('UNIQUE_VIOLATION');
    expect(r.body.details).toEqual({
      constraint: 'users_username_canonical_unique',
      fields: ['username'],
    });
    expect(JSON.stringify(r.body)).not.toContain(t.user.username);
  });

  it('still logs in under any ASCII letter case', async () => {
    const u = await t.newUser('Case');
    await login(t, u.username.toUpperCase(), TEST_PASSWORD).expect(200);
    await login(t, u.username.toLowerCase(), TEST_PASSWORD).expect(200);
  });

  it('finds the account through the canonical index', async () => {
    const plan: Array<{ 'QUERY PLAN': string }> = await t.dataSource.transaction(async (m) => {
      await m.query(`SET LOCAL enable_seqscan = off`);
      return m.query(`EXPLAIN SELECT id FROM users WHERE lower(username COLLATE "C") = 'alice'`);
    });
    expect(plan.map((r) => r['QUERY PLAN']).join('\n')).toContain(
      'users_username_canonical_unique',
    );
  });
});

describe('signup throttled per client address (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    // TRUST_PROXY: the client address comes from X-Forwarded-For, so the test can be two clients.
    t = await startTestApp('authx_signup', {
      SIGNUP_MAX_PER_ADDRESS: '3',
      SIGNUP_WINDOW_SECONDS: '600',
      TRUST_PROXY: 'true',
    });
  });
  afterAll(async () => t?.close());

  let n = 0;
  const signup = (from: string, username = `burst${++n}_${process.pid}`) =>
    t.http
      .post('/api/auth/signup')
      .set('X-Forwarded-For', from)
      .send({ username, password: TEST_PASSWORD });

  it('answers 429 RATE_LIMITED with Retry-After after SIGNUP_MAX_PER_ADDRESS accounts, counting only accounts made', async () => {
    // A refused signup (name taken) makes no account and uses none of the allowance.
    await signup('203.0.113.10', t.user.username.toUpperCase()).expect(409);
    // Before: every one of these made an account (100 in 1.1 s).
    const burst = await Promise.all(Array.from({ length: 10 }, () => signup('203.0.113.10')));
    const statuses = burst.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 201, 201, 429, 429, 429, 429, 429, 429, 429]);
    const limited = burst.find((r) => r.status === 429)!;
    expect(limited.body.code).toBe('RATE_LIMITED');
    const retryAfter = Number(limited.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(600);
    const made: Array<{ n: number }> = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM users WHERE username LIKE 'burst%'`,
    );
    expect(made[0].n).toBe(3);
    // Still limited afterwards; another address is not.
    await signup('203.0.113.10').expect(429);
    await signup('198.51.100.20').expect(201);
  });

  it('does not limit accounts an admin makes', async () => {
    for (let i = 0; i < 4; i++) {
      await t.admin.api
        .post('/api/users')
        .set('X-Forwarded-For', '203.0.113.10')
        .send({ username: `made${i}_${process.pid}`, password: TEST_PASSWORD, role: 'user' })
        .expect(201);
    }
  });

  it('starts a new window once the old one is over', async () => {
    // The window's end is in the database; move it instead of waiting an hour.
    await t.dataSource.query(
      `UPDATE login_attempts SET locked_until = now() - interval '1 second' WHERE key = 'signup:203.0.113.10'`,
    );
    await signup('203.0.113.10').expect(201);
  });
});

describe('POST /api/auth/password (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('authx_password');
  });
  afterAll(async () => t?.close());

  const NEW_PASSWORD = 'a brand new passphrase';

  it('changes the password, revokes the other sessions and keeps the current one', async () => {
    const u = await t.newUser('changer');
    const other = await t.login(u.username, TEST_PASSWORD);
    // Both sessions are in use (and remembered by the instance) before the change.
    await u.api.get('/api/auth/me').expect(200);
    await other.api.get('/api/auth/me').expect(200);
    const someoneElse = await t.newUser('bystander');

    await u.api
      .post('/api/auth/password')
      .send({ currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD })
      .expect(204);

    await u.api.get('/api/auth/me').expect(200);
    const revoked = await other.api.get('/api/auth/me').expect(401);
    expect(revoked.body.code).toBe('UNAUTHENTICATED');
    await someoneElse.api.get('/api/auth/me').expect(200);
    await login(t, u.username, TEST_PASSWORD).expect(401);
    await login(t, u.username, NEW_PASSWORD).expect(200);

    const [row] = await t.dataSource.query(
      `SELECT row_to_json(a)::text AS text, a.request_body AS body, a.user_id, a.response_status
         FROM audit_logs a WHERE action = 'change-password'`,
    );
    expect(row).toMatchObject({ user_id: u.id, response_status: 204 });
    expect(row.body).toEqual({ currentPassword: '[REDACTED]', newPassword: '[REDACTED]' });
    expect(row.text).not.toContain(TEST_PASSWORD);
    expect(row.text).not.toContain(NEW_PASSWORD);
  });

  it('refuses a wrong current password with 403 and changes nothing', async () => {
    const u = await t.newUser('wrong');
    const other = await t.login(u.username, TEST_PASSWORD);
    const r = await u.api
      .post('/api/auth/password')
      .send({ currentPassword: 'not my password', newPassword: NEW_PASSWORD })
      .expect(403);
    expect(r.body.code).toBe('FORBIDDEN');
    await other.api.get('/api/auth/me').expect(200);
    await login(t, u.username, TEST_PASSWORD).expect(200);
    const [audit] = await t.dataSource.query(
      `SELECT response_status, request_body FROM audit_logs WHERE action = 'change-password' AND user_id = $1`,
      [u.id],
    );
    expect(audit).toEqual({
      response_status: 403,
      request_body: { currentPassword: '[REDACTED]', newPassword: '[REDACTED]' },
    });
  });

  it('counts wrong current passwords like failed logins (then 429)', async () => {
    const u = await t.newUser('guesser');
    const max = t.config.auth.loginMaxFailures;
    for (let i = 0; i < max; i++) {
      await u.api
        .post('/api/auth/password')
        .send({ currentPassword: `guess ${i} wrong`, newPassword: NEW_PASSWORD })
        .expect(403);
    }
    const r = await u.api
      .post('/api/auth/password')
      .send({ currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD })
      .expect(429);
    expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('validates the new password like signup', async () => {
    const r = await t.api
      .post('/api/auth/password')
      .send({ currentPassword: TEST_PASSWORD, newPassword: 'short' })
      .expect(400);
    expect(r.body.details.map((d: { field: string }) => d.field)).toEqual(['newPassword']);
    await t.http
      .post('/api/auth/password')
      .send({ currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD })
      .expect(401);
  });

  it('refuses API keys with 403, also one acting as the user', async () => {
    const created = await t.admin.api
      .post('/api/admin/api-keys')
      .send({ name: 'password-changer', scopes: ['act-as-user'] })
      .expect(201);
    const key = clientFor(t.http, created.body.key);
    const body = { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD };
    const plain = await key.post('/api/auth/password').send(body).expect(403);
    expect(plain.body.code).toBe('FORBIDDEN');
    await key.post('/api/auth/password').set('X-Act-As-User', t.user.id).send(body).expect(403);
    await login(t, t.user.username, TEST_PASSWORD).expect(200);
  });

  it('is documented in the OpenAPI document', async () => {
    const doc = (await t.http.get('/docs-json').expect(200)).body;
    const op = doc.paths['/api/auth/password']?.post;
    expect(op).toBeDefined();
    expect(op['x-access']).toEqual({ kind: 'session' });
    expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['204', '403', '429']));
    const schema = op.requestBody.content['application/json'].schema.$ref.split('/').pop();
    expect(doc.components.schemas[schema].required).toEqual(['currentPassword', 'newPassword']);
  });
});

describe('API keys show who issued them (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('authx_keys');
  });
  afterAll(async () => t?.close());

  it('answers createdByUsername on create and list, null once the issuer is deleted', async () => {
    const created = await t.admin.api
      .post('/api/admin/api-keys')
      .send({ name: 'agent-one', scopes: [] })
      .expect(201);
    expect(created.body).toMatchObject({
      createdBy: t.admin.id,
      createdByUsername: ADMIN.username,
    });

    // A second admin issues one, then is deleted: the key stays, its issuer's name goes.
    const made = await t.admin.api
      .post('/api/users')
      .send({ username: 'second-admin', password: TEST_PASSWORD, role: 'admin' })
      .expect(201);
    const second = await t.login('second-admin', TEST_PASSWORD);
    await second.api
      .post('/api/admin/api-keys')
      .send({ name: 'agent-two', scopes: [] })
      .expect(201);

    const byName = async () => {
      const list = await t.admin.api.get('/api/admin/api-keys').expect(200);
      return Object.fromEntries(
        (list.body.items as Array<{ name: string; createdByUsername: unknown }>).map((k) => [
          k.name,
          k.createdByUsername,
        ]),
      );
    };
    expect(await byName()).toEqual({ 'agent-one': ADMIN.username, 'agent-two': 'second-admin' });
    await t.admin.api.delete(`/api/users/${made.body.id}`).expect(204);
    expect(await byName()).toEqual({ 'agent-one': ADMIN.username, 'agent-two': null });
  });

  it('documents createdByUsername', async () => {
    const doc = (await t.http.get('/docs-json').expect(200)).body;
    expect(doc.components.schemas.ApiKeyView.properties.createdByUsername).toMatchObject({
      type: 'string',
      nullable: true,
    });
  });
});
