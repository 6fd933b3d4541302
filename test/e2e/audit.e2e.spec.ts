import { ConsoleLogger } from '@nestjs/common';
import { operationsOf, PUBLIC_OPERATIONS, SAMPLE_UUID } from '../support/openapi';
import { startTestApp, TEST_PASSWORD, TestApp } from '../support/test-app';

/** Collects every log line the app writes, to prove no secret reaches the logs. */
class CapturingLogger extends ConsoleLogger {
  readonly lines: string[] = [];
  constructor() {
    super('test', { logLevels: ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'] });
  }
  protected override printMessages(messages: unknown[], context?: string, logLevel?: string): void {
    this.lines.push(
      `${logLevel} ${context} ${messages.map((m) => (m instanceof Error ? m.stack : JSON.stringify(m))).join(' ')}`,
    );
  }
}

interface AuditRow {
  user_id: string | null;
  username: string | null;
  action: string;
  resource: string;
  resource_id: string | null;
  method: string;
  path: string;
  ip_address: string | null;
  user_agent: string | null;
  request_body: unknown;
  response_status: number;
  error_message: string | null;
}

describe('audit log (e2e)', () => {
  const logger = new CapturingLogger();
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('audit', { LOG_LEVEL: 'verbose' }, logger);
  });
  afterAll(async () => t?.close());

  const count = async () =>
    Number((await t.dataSource.query('SELECT count(*)::int AS n FROM audit_logs'))[0].n);
  const newest = async (): Promise<AuditRow> =>
    (
      await t.dataSource.query('SELECT * FROM audit_logs ORDER BY timestamp DESC, id DESC LIMIT 1')
    )[0];

  it('records a create, an update and a delete with who, what and the outcome', async () => {
    const created = await t.admin.api
      .post('/api/strategies')
      .set('user-agent', 'audit-test/1')
      .send({ name: 'A', type: 'x' })
      .expect(201);
    expect(await newest()).toMatchObject({
      user_id: t.admin.id,
      username: t.admin.username,
      api_key_id: null,
      action: 'create',
      resource: 'strategies',
      resource_id: created.body.id,
      method: 'POST',
      path: '/api/strategies',
      user_agent: 'audit-test/1',
      request_body: { name: 'A', type: 'x' },
      response_status: 201,
      error_message: null,
    });
    expect((await newest()).ip_address).toBeTruthy();

    await t.admin.api
      .patch(`/api/strategies/${created.body.id}`)
      .send({ isActive: true })
      .expect(200);
    expect(await newest()).toMatchObject({
      action: 'update',
      resource_id: created.body.id,
      method: 'PATCH',
      response_status: 200,
    });

    await t.admin.api.delete(`/api/strategies/${created.body.id}`).expect(204);
    expect(await newest()).toMatchObject({
      action: 'delete',
      resource_id: created.body.id,
      method: 'DELETE',
      response_status: 204,
    });
  });

  it('records refused and failed requests with their error code', async () => {
    await t.admin.api.post('/api/strategies').send({ name: '' }).expect(400);
    expect(await newest()).toMatchObject({
      action: 'create',
      response_status: 400,
      error_message: expect.stringMatching(/^VALIDATION_FAILED: /),
      user_id: t.admin.id,
    });
    await t.api.post('/api/strategies').send({ name: 'n', type: 't' }).expect(403);
    expect(await newest()).toMatchObject({
      response_status: 403,
      user_id: t.user.id,
      error_message: expect.stringMatching(/^FORBIDDEN/),
    });
    // Refused before anyone authenticated: counted in a metric, never written (see below).
    const before = await count();
    await t.http.post('/api/strategies').send({ name: 'n', type: 't' }).expect(401);
    expect(await count()).toBe(before);
    // An unknown route never reaches the guard: like a bad token, it is counted, not written.
    const beforeUnknown = await count();
    await t.api.delete('/api/audit-logs').expect(404);
    expect(await count()).toBe(beforeUnknown);
    await t.api.delete(`/api/trades/${SAMPLE_UUID}`).expect(404);
    expect(await newest()).toMatchObject({
      response_status: 404,
      user_id: t.user.id,
      error_message: expect.stringMatching(/^NOT_FOUND/),
    });
  });

  it('leaves exactly one row per mutating request on every mutating route', async () => {
    const ops = (await operationsOf(t)).filter((o) => o.method !== 'get');
    expect(ops.length).toBeGreaterThan(4);
    for (const op of ops) {
      // Logout would end the admin's session; everything else is safe to call as admin.
      if (op.path === '/api/auth/logout') continue;
      const before = await count();
      const r = await t.admin.api[op.method](op.url).send({});
      const after = await count();
      // Public routes have no caller: their refusals (here, of an empty body) are not written.
      const expected = PUBLIC_OPERATIONS.has(`${op.method} ${op.path}`) ? 0 : 1;
      expect({ op: `${op.method} ${op.path}`, added: after - before }).toEqual({
        op: `${op.method} ${op.path}`,
        added: expected,
      });
      if (expected === 0) continue;
      const row = await newest();
      expect({ method: row.method, path: row.path, status: row.response_status }).toEqual({
        method: op.method.toUpperCase(),
        path: op.url,
        status: r.status,
      });
    }
  });

  it('labels login, logout and signup', async () => {
    const name = `audited${Date.now()}`;
    await t.http
      .post('/api/auth/signup')
      .send({ username: name, password: TEST_PASSWORD })
      .expect(201);
    expect(await newest()).toMatchObject({
      action: 'signup',
      resource: 'users',
      response_status: 201,
    });
    const u = await t.login(name, TEST_PASSWORD);
    expect(await newest()).toMatchObject({
      action: 'login',
      resource: 'sessions',
      resource_id: u.id,
      response_status: 200,
    });
    await t.http
      .post('/api/auth/login')
      .send({ username: name, password: 'not the password' })
      .expect(401);
    expect(await newest()).toMatchObject({
      action: 'login',
      response_status: 401,
      error_message: expect.stringMatching(/^UNAUTHENTICATED/),
    });
    await u.api.post('/api/auth/logout').expect(204);
    expect(await newest()).toMatchObject({ action: 'logout', user_id: u.id, response_status: 204 });
  });

  it('never stores or logs a password or token', async () => {
    const u = await t.newUser('secretive');
    await t.admin.api
      .post('/api/strategies')
      .send({ name: 'with secrets', type: 'x', apiKey: 'k-123', token: 'tok' })
      .expect(400);
    const rows: Array<{ text: string }> = await t.dataSource.query(
      'SELECT row_to_json(a)::text AS text FROM audit_logs a',
    );
    const all = rows.map((r) => r.text).join('\n');
    for (const secret of [
      TEST_PASSWORD,
      u.token,
      t.user.token,
      t.admin.token,
      'k-123',
      'admin password 123',
    ]) {
      expect(all).not.toContain(secret);
      expect(logger.lines.join('\n')).not.toContain(secret);
    }
    expect(all).toContain('[REDACTED]');
    expect(logger.lines.length).toBeGreaterThan(0);
  });

  it('rolls back a change whose audit row cannot be written, and records the failure', async () => {
    // Make the in-transaction (success) audit insert fail for one strategy name.
    await t.dataSource.query(`
      CREATE FUNCTION refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.response_status < 400 AND NEW.request_body->>'name' = 'doomed' THEN
          RAISE EXCEPTION 'audit store refused' USING ERRCODE = '23514';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_logs FOR EACH ROW EXECUTE FUNCTION refuse_audit();`);
    const before = await count();
    await t.admin.api.post('/api/strategies').send({ name: 'doomed', type: 'x' }).expect(422);
    expect(await t.dataSource.query(`SELECT 1 FROM strategies WHERE name = 'doomed'`)).toHaveLength(
      0,
    );
    expect(await count()).toBe(before + 1);
    expect(await newest()).toMatchObject({
      response_status: 422,
      error_message: expect.stringMatching(/^CHECK_VIOLATION/),
    });
  });

  it('lists audit rows for admins, newest first, with filters and keyset pages', async () => {
    const all = await t.admin.api
      .get(`/api/audit-logs?userId=${t.admin.id}&resource=strategies&limit=2`)
      .expect(200);
    expect(all.body.items.length).toBe(2);
    expect(
      all.body.items.every(
        (r: { userId: string; resource: string }) =>
          r.userId === t.admin.id && r.resource === 'strategies',
      ),
    ).toBe(true);
    const stamps = all.body.items.map((r: { timestamp: string }) => Date.parse(r.timestamp));
    expect(stamps[0]).toBeGreaterThanOrEqual(stamps[1]);
    const next = await t.admin.api
      .get(
        `/api/audit-logs?userId=${t.admin.id}&resource=strategies&limit=2&cursor=${all.body.nextCursor}`,
      )
      .expect(200);
    const ids = new Set([...all.body.items, ...next.body.items].map((r: { id: string }) => r.id));
    expect(ids.size).toBe(all.body.items.length + next.body.items.length);

    const deletes = await t.admin.api.get('/api/audit-logs?action=delete').expect(200);
    expect(deletes.body.items.every((r: { action: string }) => r.action === 'delete')).toBe(true);
    const future = await t.admin.api
      .get(`/api/audit-logs?from=${new Date(Date.now() + 3600_000).toISOString()}`)
      .expect(200);
    expect(future.body).toMatchObject({ items: [], total: null, hasMore: false });
    await t.admin.api.get('/api/audit-logs?from=yesterday').expect(400);
  });
});
