import { randomBytes } from 'node:crypto';
import { serviceClient, startTestApp, TestApp, TestUser, TEST_PASSWORD } from '../support/test-app';

async function issueKey(t: TestApp, scopes: string[]): Promise<{ id: string; key: string }> {
  const r = await t.admin.api
    .post('/api/admin/api-keys')
    .send({ name: `svc-${randomBytes(4).toString('hex')}`, scopes })
    .expect(201);
  expect(r.body.key).toMatch(/^llk_/);
  return { id: r.body.id, key: r.body.key };
}

const countAudit = async (t: TestApp) =>
  Number((await t.dataSource.query('SELECT count(*)::int AS n FROM audit_logs'))[0].n);

describe('access policy (e2e)', () => {
  let t: TestApp;
  let b: TestUser;
  beforeAll(async () => {
    t = await startTestApp('access_policy');
    b = await t.newUser('bee');
  });
  afterAll(async () => t?.close());

  describe('deleting platform data that users depend on', () => {
    let strategy: string;
    beforeEach(async () => {
      strategy = (
        await t.admin.api.post('/api/strategies').send({ name: 'Shared', type: 'x' }).expect(201)
      ).body.id;
      // Two users trade on it; one has a decision on it too.
      await t.api
        .post('/api/trades')
        .send({ symbol: 'AAPL', side: 'buy', quantity: 1, price: 1, strategyId: strategy })
        .expect(201);
      await b.api
        .post('/api/trades')
        .send({ symbol: 'MSFT', side: 'buy', quantity: 1, price: 1, strategyId: strategy })
        .expect(201);
      await b.api
        .post('/api/ai-decisions')
        .send({ symbol: 'MSFT', action: 'buy', strategyId: strategy })
        .expect(201);
    });

    it('is 403 for a user, preview included, and changes nothing', async () => {
      await t.api.delete(`/api/strategies/${strategy}`).expect(403);
      await b.api.delete(`/api/strategies/${strategy}?dryRun=true`).expect(403);
      await t.api.get(`/api/strategies/${strategy}`).expect(200);
    });

    it('is 409 naming the dependents for a service and for an admin without force', async () => {
      const svc = serviceClient(t, (await issueKey(t, ['platform:write'])).key);
      const bySvc = await svc.delete(`/api/strategies/${strategy}`).expect(409);
      expect(bySvc.body).toMatchObject({
        code: 'HAS_DEPENDENTS',
        details: { dependents: 3, tables: { trades: 2, ai_decisions: 1 } },
      });
      const byAdmin = await t.admin.api.delete(`/api/strategies/${strategy}`).expect(409);
      expect(byAdmin.body.message).toMatch(/3 dependent row.*force=true/);
      await t.admin.api.delete(`/api/strategies/${strategy}?dryRun=true`).expect(409);
      expect(
        await t.dataSource.query('SELECT 1 FROM trades WHERE strategy_id = $1', [strategy]),
      ).toHaveLength(2);
    });

    it('deletes with force for an admin, exactly what the forced preview said', async () => {
      const preview = await t.admin.api
        .delete(`/api/strategies/${strategy}?dryRun=true&force=true`)
        .expect(200);
      expect(preview.body.wouldDelete).toMatchObject({ strategies: 1, trades: 2, ai_decisions: 1 });
      await t.admin.api.delete(`/api/strategies/${strategy}?force=true`).expect(204);
      await t.api.get(`/api/strategies/${strategy}`).expect(404);
      expect(
        await t.dataSource.query('SELECT 1 FROM trades WHERE strategy_id = $1', [strategy]),
      ).toHaveLength(0);
    });
  });

  describe('admin transitions', () => {
    it('approves a universe candidate only through its admin route, never by PATCH', async () => {
      const c = (
        await t.admin.api
          .post('/api/universe-candidates')
          .send({ symbol: `C${randomBytes(3).toString('hex').toUpperCase()}`, tier: 'A' })
          .expect(201)
      ).body;
      const svc = serviceClient(t, (await issueKey(t, ['platform:write'])).key);
      await t.api
        .patch(`/api/universe-candidates/${c.id}`)
        .send({ status: 'APPROVED' })
        .expect(403);
      const bySvc = await svc
        .patch(`/api/universe-candidates/${c.id}`)
        .send({ status: 'APPROVED' })
        .expect(403);
      expect(bySvc.body.message).toMatch(/approve/);
      await t.admin.api
        .patch(`/api/universe-candidates/${c.id}`)
        .send({ status: 'APPROVED' })
        .expect(403);
      // Who approved is the server's to record: not a field a body can set.
      await svc
        .patch(`/api/universe-candidates/${c.id}`)
        .send({ approvedBy: t.admin.id })
        .expect(400);
      await svc.patch(`/api/universe-candidates/${c.id}`).send({ status: 'WATCHLIST' }).expect(200);
      await svc.post(`/api/universe-candidates/${c.id}/approve`).expect(403);
      const approved = await t.admin.api
        .post(`/api/universe-candidates/${c.id}/approve`)
        .expect(200);
      expect(approved.body).toMatchObject({ status: 'APPROVED', approvedBy: t.admin.id });
    });

    it('keeps one active version per strategy: activation is admin-only, a second active is 409', async () => {
      const s = (
        await t.admin.api.post('/api/strategies').send({ name: 'Versioned', type: 'x' }).expect(201)
      ).body.id;
      const url = `/api/strategies/${s}/versions`;
      const svc = serviceClient(t, (await issueKey(t, ['platform:write'])).key);
      const v1 = (await svc.post(url).send({ version: 1, name: 'v1', spec: {} }).expect(201)).body;
      const v2 = (await svc.post(url).send({ version: 2, name: 'v2', spec: {} }).expect(201)).body;
      await svc.post(url).send({ version: 3, name: 'v3', spec: {}, status: 'active' }).expect(403);
      await svc.post(`${url}/${v1.id}/activate`).expect(403);
      await svc.patch(`/api/strategy-versions/${v2.id}`).send({ status: 'active' }).expect(403);
      await t.admin.api.post(`${url}/${v1.id}/activate`).expect(200);
      // An admin may set the status directly, but the one-active index refuses a second.
      const second = await t.admin.api
        .patch(`/api/strategy-versions/${v2.id}`)
        .send({ status: 'active' })
        .expect(409);
      expect(second.body.code).toBe('UNIQUE_VIOLATION');
      // Concurrent activations queue on the strategy and end with exactly one active version.
      const results = await Promise.all(
        [v1, v2, v1, v2].map((v) => t.admin.api.post(`${url}/${v.id}/activate`)),
      );
      expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200]);
      const active = await t.dataSource.query(
        `SELECT id FROM strategy_versions WHERE strategy_id = $1 AND status = 'active'`,
        [s],
      );
      expect(active).toHaveLength(1);
    });

    it('lets only admins change the agent status and switch strategies on', async () => {
      const svc = serviceClient(t, (await issueKey(t, ['platform:write'])).key);
      await t.api.get('/api/agent-status').expect(200);
      await svc.patch('/api/agent-status').send({ isRunning: true }).expect(403);
      await t.admin.api.patch('/api/agent-status').send({ isRunning: true }).expect(200);
      const s = (
        await svc.post('/api/strategies').send({ name: 'FromFeed', type: 'x' }).expect(201)
      ).body.id;
      await svc.patch(`/api/strategies/${s}`).send({ isActive: true }).expect(403);
      await t.admin.api.patch(`/api/strategies/${s}`).send({ isActive: true }).expect(200);
    });
  });

  describe('cascades and shared rows', () => {
    it('refuses a user’s delete that would cascade through shared rows into another user’s', async () => {
      const decision = (
        await t.api.post('/api/ai-decisions').send({ symbol: 'AAPL', action: 'buy' }).expect(201)
      ).body.id;
      const item = (
        await t.api.post('/api/work-items').send({ type: 'exec', decisionId: decision }).expect(201)
      ).body.id;
      const session = (
        await t.admin.api
          .post('/api/debate-sessions')
          .send({ traceId: 'tr-1', symbols: ['AAPL'] })
          .expect(201)
      ).body.id;
      // The agent, acting for A, records a consensus on A's work item (shared debate data).
      const agent = serviceClient(
        t,
        (await issueKey(t, ['platform:write', 'act-as-user'])).key,
        t.user.id,
      );
      const consensus = (
        await agent
          .post(`/api/debate-sessions/${session}/consensus`)
          .send({ decision: 'buy', workItemId: item })
          .expect(201)
      ).body.id;
      // A key acting for nobody cannot name A's work item.
      const loner = serviceClient(t, (await issueKey(t, ['platform:write'])).key);
      const session2 = (
        await t.admin.api
          .post('/api/debate-sessions')
          .send({ traceId: 'tr-2', symbols: ['X'] })
          .expect(201)
      ).body.id;
      await loner
        .post(`/api/debate-sessions/${session2}/consensus`)
        .send({ decision: 'buy', workItemId: item })
        .expect(422);
      // B links its own decision to that shared consensus.
      const bDecision = (
        await b.api.post('/api/ai-decisions').send({ symbol: 'MSFT', action: 'sell' }).expect(201)
      ).body.id;
      const link = (
        await b.api
          .post('/api/ai-outcome-links')
          .send({ decisionId: bDecision, consensusId: consensus, symbol: 'MSFT', side: 'sell' })
          .expect(201)
      ).body.id;
      // A's delete would remove the consensus and with it B's link: refused, preview included.
      const refused = await t.api.delete(`/api/ai-decisions/${decision}`).expect(409);
      expect(refused.body).toMatchObject({
        code: 'HAS_DEPENDENTS',
        details: { tables: { debate_consensus: 1 } },
      });
      await t.api.delete(`/api/ai-decisions/${decision}?dryRun=true`).expect(409);
      await b.api.get(`/api/ai-outcome-links/${link}`).expect(200);
      await t.admin.api.delete(`/api/ai-decisions/${decision}?force=true`).expect(204);
      await b.api.get(`/api/ai-outcome-links/${link}`).expect(404);
    });

    it('keeps user rows from being turned into shared ones, and shared ones from being deleted under users', async () => {
      const decision = (
        await t.api.post('/api/ai-decisions').send({ symbol: 'AAPL', action: 'buy' }).expect(201)
      ).body.id;
      const item = (
        await t.api.post('/api/work-items').send({ type: 'exec', decisionId: decision }).expect(201)
      ).body.id;
      await t.api.patch(`/api/work-items/${item}`).send({ decisionId: null }).expect(403);
      // An unlinked (shared) work item that a user's outcome link points at.
      const writer = serviceClient(t, (await issueKey(t, ['platform:write'])).key);
      const shared = (await writer.post('/api/work-items').send({ type: 'shared' }).expect(201))
        .body.id;
      await b.api.get(`/api/work-items/${shared}`).expect(200);
      await b.api.patch(`/api/work-items/${shared}`).send({ type: 'mine' }).expect(403);
      const bDecision = (
        await b.api.post('/api/ai-decisions').send({ symbol: 'MSFT', action: 'sell' }).expect(201)
      ).body.id;
      await b.api
        .post('/api/ai-outcome-links')
        .send({ decisionId: bDecision, workItemId: shared, symbol: 'MSFT', side: 'sell' })
        .expect(201);
      const refused = await writer.delete(`/api/work-items/${shared}`).expect(409);
      expect(refused.body.details.tables).toEqual({ ai_outcome_links: 1 });
    });

    it('guards what an admin approved or activated from other writers', async () => {
      const writer = serviceClient(t, (await issueKey(t, ['platform:write'])).key);
      const s = (await writer.post('/api/strategies').send({ name: 'G', type: 'x' }).expect(201))
        .body.id;
      const other = (
        await writer.post('/api/strategies').send({ name: 'H', type: 'x' }).expect(201)
      ).body.id;
      const v = (
        await writer
          .post(`/api/strategies/${s}/versions`)
          .send({ version: 1, name: 'v', spec: {} })
          .expect(201)
      ).body.id;
      await writer.patch(`/api/strategy-versions/${v}`).send({ strategyId: other }).expect(403);
      await t.admin.api.post(`/api/strategies/${s}/versions/${v}/activate`).expect(200);
      await writer
        .patch(`/api/strategy-versions/${v}`)
        .send({ spec: { changed: true } })
        .expect(403);
      await writer.patch(`/api/strategy-versions/${v}`).send({ status: 'archived' }).expect(403);
      await t.admin.api
        .patch(`/api/strategy-versions/${v}`)
        .send({ changeNotes: 'ok' })
        .expect(200);
      const c = (
        await writer
          .post('/api/universe-candidates')
          .send({ symbol: `G${randomBytes(3).toString('hex').toUpperCase()}`, tier: 'A' })
          .expect(201)
      ).body.id;
      await t.admin.api.post(`/api/universe-candidates/${c}/approve`).expect(200);
      await writer.patch(`/api/universe-candidates/${c}`).send({ tier: 'C' }).expect(403);
    });

    it('lets a worker claim only the work items it may see', async () => {
      const decision = (
        await t.api.post('/api/ai-decisions').send({ symbol: 'AAPL', action: 'buy' }).expect(201)
      ).body.id;
      const type = `claim-${randomBytes(3).toString('hex')}`;
      const item = (
        await t.api.post('/api/work-items').send({ type, decisionId: decision }).expect(201)
      ).body.id;
      const { key } = await issueKey(t, ['work:claim', 'act-as-user']);
      await serviceClient(t, key).post('/api/work-items/claim').send({ type }).expect(204);
      await serviceClient(t, key, b.id).post('/api/work-items/claim').send({ type }).expect(204);
      const claimed = await serviceClient(t, key, t.user.id)
        .post('/api/work-items/claim')
        .send({ type })
        .expect(200);
      expect(claimed.body).toMatchObject({ id: item, status: 'RUNNING' });
    });
  });

  describe('who did it', () => {
    it('fills admin_settings.updatedBy from the caller and ignores no body', async () => {
      const created = await t.admin.api
        .post('/api/admin-settings')
        .send({ namespace: 'risk', key: `k${randomBytes(3).toString('hex')}`, value: 1 })
        .expect(201);
      expect(created.body.updatedBy).toBe(t.admin.id);
      await t.admin.api
        .post('/api/admin-settings')
        .send({ namespace: 'risk', key: 'x', value: 1, updatedBy: b.id })
        .expect(400);
    });
  });

  describe('secrets', () => {
    it('never writes a secret setting’s value to the audit log, whatever the body says', async () => {
      // "brokerageLogin" and "hunter" are not caught by the generic secret-name pattern.
      const created = await t.admin.api
        .post('/api/admin-settings')
        .send({
          namespace: 'broker',
          key: `conn${randomBytes(3).toString('hex')}`,
          value: { brokerageLogin: 'hunter-first-0001' },
          isSecret: true,
        })
        .expect(201);
      expect(created.body.value).toBe('[REDACTED]');
      // The PATCH does not repeat isSecret: the stored row is what makes it secret.
      const patched = await t.admin.api
        .patch(`/api/admin-settings/${created.body.id}`)
        .send({ value: { brokerageLogin: 'hunter-second-0002' } })
        .expect(200);
      expect(patched.body.value).toBe('[REDACTED]');
      // A refused write with the value in its body is audited without it too.
      await t.admin.api
        .patch(`/api/admin-settings/${created.body.id}`)
        .send({ value: { brokerageLogin: 'hunter-third-0003' }, bogus: 1 })
        .expect(400);
      const audit: Array<{ b: string }> = await t.dataSource.query(
        `SELECT request_body::text AS b FROM audit_logs WHERE path LIKE '/api/admin-settings%'`,
      );
      expect(audit.length).toBeGreaterThanOrEqual(3);
      const text = audit.map((r) => r.b).join('\n');
      for (const secret of ['hunter-first-0001', 'hunter-second-0002', 'hunter-third-0003'])
        expect(text).not.toContain(secret);
      const listed = await t.admin.api.get('/api/admin-settings?namespace=broker').expect(200);
      expect(JSON.stringify(listed.body)).not.toContain('hunter');
    });
  });

  describe('no write amplification', () => {
    it('writes no audit row for 200 requests with a bogus token, and counts them', async () => {
      const metric = async () => {
        const text = (await t.http.get('/metrics').expect(200)).text;
        return [...text.matchAll(/^http_refused_unauthenticated_total\{status="401"\} (\d+)$/gm)]
          .map((m) => Number(m[1]))
          .reduce((a, n) => a + n, 0);
      };
      const before = await countAudit(t);
      const countedBefore = await metric();
      for (let i = 0; i < 200; i++) {
        await t.http
          .post('/api/trades')
          .set('Authorization', `Bearer ${randomBytes(32).toString('base64url')}`)
          .send({ symbol: 'AAPL', side: 'buy', quantity: 1, price: 1 })
          .expect(401);
      }
      expect(await countAudit(t)).toBe(before);
      expect((await metric()) - countedBefore).toBe(200);
    });
  });

  describe('service API keys', () => {
    it('acts for user A only with act-as-user, and never reaches user B’s rows', async () => {
      const bTrade = (
        await b.api
          .post('/api/trades')
          .send({ symbol: 'B', side: 'buy', quantity: 1, price: 1 })
          .expect(201)
      ).body.id;
      const bOrder = (
        await b.api
          .post('/api/orders')
          .send({
            broker: 'alpaca',
            brokerOrderId: `b-${randomBytes(4).toString('hex')}`,
            symbol: 'B',
            side: 'buy',
            type: 'market',
          })
          .expect(201)
      ).body.id;
      const { id: keyId, key } = await issueKey(t, ['act-as-user']);
      const asA = serviceClient(t, key, t.user.id);

      const created = await asA
        .post('/api/trades')
        .send({ symbol: 'SVC', side: 'buy', quantity: 2, price: 3 })
        .expect(201);
      const row = (
        await t.dataSource.query('SELECT user_id FROM trades WHERE id = $1', [created.body.id])
      )[0];
      expect(row.user_id).toBe(t.user.id);
      await t.api.get(`/api/trades/${created.body.id}`).expect(200);
      const audit = (
        await t.dataSource.query(
          `SELECT user_id, api_key_id, api_key_name FROM audit_logs WHERE resource_id = $1 AND action = 'create'`,
          [created.body.id],
        )
      )[0];
      expect(audit).toMatchObject({ user_id: t.user.id, api_key_id: keyId });
      expect(audit.api_key_name).toMatch(/^svc-/);

      await asA.get(`/api/trades/${bTrade}`).expect(404);
      await asA.delete(`/api/trades/${bTrade}`).expect(404);
      const list = await asA.get('/api/trades?limit=500').expect(200);
      expect(list.body.items.map((i: { id: string }) => i.id)).not.toContain(bTrade);
      await asA
        .post('/api/trades')
        .send({ symbol: 'SVC', side: 'buy', quantity: 1, price: 1, orderId: bOrder })
        .expect(422);
      expect(
        (await t.dataSource.query('SELECT 1 FROM trades WHERE id = $1', [bTrade])).length,
      ).toBe(1);

      // Without the header it acts for nobody: user data is refused, platform data readable.
      const alone = serviceClient(t, key);
      await alone.get('/api/trades').expect(403);
      await alone.get('/api/strategies').expect(200);
      await alone.post('/api/strategies').send({ name: 'no', type: 'x' }).expect(403);
      // A key without the scope cannot act as anyone; a user cannot either.
      const plain = serviceClient(t, (await issueKey(t, ['platform:write'])).key, t.user.id);
      await plain.get('/api/trades').expect(403);
      await t.api.get('/api/trades').set('X-Act-As-User', b.id).expect(403);
      await serviceClient(t, key, 'not-a-uuid').get('/api/trades').expect(400);
    });

    it('lists keys without the secret, records last use at most once a minute, revokes at once', async () => {
      const { id, key } = await issueKey(t, ['platform:write']);
      const svc = serviceClient(t, key);
      await svc.get('/api/strategies').expect(200);
      const first = (
        await t.dataSource.query('SELECT last_used_at FROM api_keys WHERE id = $1', [id])
      )[0].last_used_at as Date;
      expect(first).toBeTruthy();
      await svc.get('/api/strategies').expect(200);
      const second = (
        await t.dataSource.query('SELECT last_used_at FROM api_keys WHERE id = $1', [id])
      )[0].last_used_at as Date;
      expect(second.getTime()).toBe(first.getTime());

      const listed = await t.admin.api.get('/api/admin/api-keys?limit=500').expect(200);
      const mine = listed.body.items.find((k: { id: string }) => k.id === id);
      expect(mine).toMatchObject({ scopes: ['platform:write'] });
      expect(mine.lastUsedAt).toBeTruthy();
      expect(JSON.stringify(listed.body)).not.toContain(key);
      const stored = await t.dataSource.query('SELECT key_hash FROM api_keys WHERE id = $1', [id]);
      expect(stored[0].key_hash).not.toBe(key);

      await t.api.get('/api/admin/api-keys').expect(403);
      await t.admin.api.delete(`/api/admin/api-keys/${id}`).expect(204);
      await svc.get('/api/strategies').expect(401);
    });
  });

  describe('conversations', () => {
    it('belong to their creator; messages follow their conversation', async () => {
      const conv = (await t.api.post('/api/conversations').send({ title: 'mine' }).expect(201))
        .body;
      expect(conv.userId).toBe(t.user.id);
      await t.api
        .post('/api/messages')
        .send({ conversationId: conv.id, role: 'user', content: 'hi' })
        .expect(201);
      await b.api.get(`/api/conversations/${conv.id}`).expect(404);
      const filtered = await b.api.get(`/api/messages?conversationId=${conv.id}`).expect(200);
      expect(filtered.body.items).toEqual([]);
      await b.api
        .post('/api/messages')
        .send({ conversationId: conv.id, role: 'user', content: 'intrusion' })
        .expect(422);
      await b.api.delete(`/api/conversations/${conv.id}`).expect(404);
      const preview = await t.api.delete(`/api/conversations/${conv.id}?dryRun=true`).expect(200);
      expect(preview.body.wouldDelete).toEqual({ conversations: 1, messages: 1 });
    });
  });

  describe('browser-facing defaults', () => {
    it('sends security headers and no CORS headers unless origins are configured', async () => {
      const r = await t.http.get('/api/health').set('Origin', 'https://evil.example').expect(200);
      expect(r.headers['x-content-type-options']).toBe('nosniff');
      expect(r.headers['access-control-allow-origin']).toBeUndefined();
    });
  });
});

describe('login throttling that strangers cannot turn against the owner (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('login_pairs', {
      TRUST_PROXY: 'loopback',
      LOGIN_MAX_FAILURES: '5',
      LOGIN_MAX_FAILURES_PER_ADDRESS: '30',
    });
  });
  afterAll(async () => t?.close());

  const login = (username: string, password: string, from: string) =>
    t.http.post('/api/auth/login').set('X-Forwarded-For', from).send({ username, password });

  it('locks the stranger’s address out of the account, not the owner at another address', async () => {
    const auditBefore = await countAudit(t);
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++)
      statuses.push((await login(t.user.username, 'wrong!', '203.0.113.7')).status);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5).every((s) => s === 429)).toBe(true);
    // Even the right password from the stranger's address waits out the lock.
    const locked = await login(t.user.username, TEST_PASSWORD, '203.0.113.7').expect(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    // The owner, elsewhere, logs in.
    await login(t.user.username, TEST_PASSWORD, '198.51.100.20').expect(200);
    // Five failures were audited as one row (one a minute per username and address).
    const rows = await t.dataSource.query(
      `SELECT 1 FROM audit_logs WHERE action = 'login' AND response_status = 401 AND ip_address = '203.0.113.7'`,
    );
    expect(rows).toHaveLength(1);
    expect((await countAudit(t)) - auditBefore).toBe(2); // that row + the owner's login
  });

  it('counts parallel guesses one by one: a burst gets no more than the limit', async () => {
    const from = '203.0.113.50';
    const statuses = await Promise.all(
      Array.from({ length: 20 }, async () => (await login(t.user.username, 'wrong!', from)).status),
    );
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(15);
  });

  it('limits one address across many usernames', async () => {
    const from = '203.0.113.99';
    const statuses: number[] = [];
    for (let i = 0; i < 32; i++) statuses.push((await login(`nobody${i}`, 'wrong!', from)).status);
    expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(30)).toEqual([429, 429]);
    // The counters live in PostgreSQL, shared by every instance.
    const [row] = await t.dataSource.query(`SELECT failures FROM login_attempts WHERE key = $1`, [
      `addr:${from}`,
    ]);
    expect(row.failures).toBeGreaterThanOrEqual(30);
  });
});

describe('closed signup (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('signup_closed', { SIGNUP_ENABLED: 'false' });
  });
  afterAll(async () => t?.close());

  it('refuses signup, while an admin creates users and admins', async () => {
    const r = await t.http
      .post('/api/auth/signup')
      .send({ username: 'walkin', password: TEST_PASSWORD })
      .expect(403);
    expect(r.body.code).toBe('FORBIDDEN');
    await t.api
      .post('/api/users')
      .send({ username: 'x1', password: TEST_PASSWORD, role: 'user' })
      .expect(403);
    const made = await t.admin.api
      .post('/api/users')
      .send({ username: 'opsadmin', password: TEST_PASSWORD, role: 'admin' })
      .expect(201);
    expect(made.body).toMatchObject({ username: 'opsadmin', isAdmin: true });
    const ops = await t.login('opsadmin', TEST_PASSWORD);
    await ops.api.get('/api/audit-logs').expect(200);
  });
});

describe('CORS for the configured dashboard origins only (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('cors', { CORS_ORIGINS: 'https://dash.example.com' });
  });
  afterAll(async () => t?.close());

  it('answers the dashboard’s preflight and requests, and no other origin', async () => {
    const preflight = await t.http
      .options('/api/trades')
      .set('Origin', 'https://dash.example.com')
      .set('Access-Control-Request-Method', 'GET')
      .set('Access-Control-Request-Headers', 'authorization');
    expect(preflight.status).toBeLessThan(300);
    expect(preflight.headers['access-control-allow-origin']).toBe('https://dash.example.com');
    const ok = await t.api.get('/api/trades').set('Origin', 'https://dash.example.com').expect(200);
    expect(ok.headers['access-control-allow-origin']).toBe('https://dash.example.com');
    const other = await t.api.get('/api/trades').set('Origin', 'https://evil.example').expect(200);
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });
});
