import { insertRow, metadataOf } from '../support/fixtures';
import { startTestApp, TestApp } from '../support/test-app';

describe('resource-specific rules (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('rules');
  });
  afterAll(async () => t?.close());

  it('lets 20 concurrent claims take each due work item exactly once', async () => {
    for (let i = 0; i < 12; i++)
      await t.admin.api.post('/api/work-items').send({ type: 'sync' }).expect(201);
    await t.admin.api
      .post('/api/work-items')
      .send({ type: 'sync', nextRunAt: new Date(Date.now() + 3600_000).toISOString() })
      .expect(201);
    const claims = await Promise.all(
      Array.from({ length: 20 }, () =>
        t.admin.api.post('/api/work-items/claim').send({ type: 'sync' }),
      ),
    );
    const taken = claims.filter((r) => r.status === 200).map((r) => r.body.id as string);
    expect(taken).toHaveLength(12);
    expect(new Set(taken).size).toBe(12);
    expect(claims.filter((r) => r.status === 204)).toHaveLength(8);
    const claimed = await t.dataSource.query(
      `SELECT status, attempts FROM work_items WHERE id = ANY($1)`,
      [taken],
    );
    expect(
      claimed.every(
        (r: { status: string; attempts: number }) => r.status === 'RUNNING' && r.attempts === 1,
      ),
    ).toBe(true);
    const runs = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM work_item_runs WHERE work_item_id = ANY($1)`,
      [taken],
    );
    expect(runs[0].n).toBe(12);
  });

  it('allows one consensus per debate session (409 on a second)', async () => {
    const session = (
      await t.admin.api
        .post('/api/debate-sessions')
        .send({ traceId: 'tr-1', symbols: ['AAPL'] })
        .expect(201)
    ).body.id;
    await t.admin.api
      .post('/api/debate-consensus')
      .send({ sessionId: session, decision: 'buy' })
      .expect(201);
    const second = await t.admin.api
      .post('/api/debate-consensus')
      .send({ sessionId: session, decision: 'sell' })
      .expect(409);
    expect(second.body.details.constraint).toBe('debate_consensus_session_id_unique');
  });

  it('masks secret setting values in every response and keeps settings to admins', async () => {
    const created = await t.admin.api
      .post('/api/admin-settings')
      .send({
        namespace: 'broker',
        key: 'alpaca_secret',
        value: { apiKey: 'sk-live-123' },
        isSecret: true,
      })
      .expect(201);
    expect(created.body.value).toBe('[REDACTED]');
    expect(
      (await t.admin.api.get(`/api/admin-settings/${created.body.id}`).expect(200)).body.value,
    ).toBe('[REDACTED]');
    const list = await t.admin.api.get('/api/admin-settings?namespace=broker').expect(200);
    expect(JSON.stringify(list.body)).not.toContain('sk-live-123');
    const patched = await t.admin.api
      .patch(`/api/admin-settings/${created.body.id}`)
      .send({ description: 'x' })
      .expect(200);
    expect(patched.body.value).toBe('[REDACTED]');
    const stored = await t.dataSource.query('SELECT value FROM admin_settings WHERE id = $1', [
      created.body.id,
    ]);
    expect(stored[0].value).toEqual({ apiKey: 'sk-live-123' });
    await t.api.get('/api/admin-settings').expect(403);
    await t.api
      .post('/api/admin-settings')
      .send({ namespace: 'a', key: 'b', value: 1 })
      .expect(403);
    const audit = await t.dataSource.query(
      `SELECT request_body::text AS b FROM audit_logs WHERE resource = 'admin-settings'`,
    );
    expect(audit.map((r: { b: string }) => r.b).join()).not.toContain('sk-live-123');
  });

  it('refuses changes to a read-only setting with 409', async () => {
    const ro = (
      await t.admin.api
        .post('/api/admin-settings')
        .send({ namespace: 'core', key: 'ro', value: 1, isReadOnly: true })
        .expect(201)
    ).body;
    const r = await t.admin.api
      .patch(`/api/admin-settings/${ro.id}`)
      .send({ value: 2 })
      .expect(409);
    expect(r.body.code).toBe('READ_ONLY');
    expect((await t.admin.api.get(`/api/admin-settings/${ro.id}`).expect(200)).body.value).toBe(1);
  });

  it('serves agent status as a singleton: GET for all, PATCH for admins', async () => {
    const [a, b] = await Promise.all([
      t.api.get('/api/agent-status').expect(200),
      t.api.get('/api/agent-status').expect(200),
    ]);
    expect(a.body.id).toBe(b.body.id);
    expect(a.body).toMatchObject({
      isRunning: false,
      cashBalance: '100000',
      maxPositionsCount: 10,
    });
    await t.api.patch('/api/agent-status').send({ isRunning: true }).expect(403);
    const patched = await t.admin.api
      .patch('/api/agent-status')
      .send({ isRunning: true, cashBalance: '2500.75' })
      .expect(200);
    expect(patched.body).toMatchObject({ id: a.body.id, isRunning: true, cashBalance: '2500.75' });
    await t.admin.api.patch('/api/agent-status').send({ cashBalance: 'lots' }).expect(400);
    await expect(
      insertRow(t.dataSource.manager, metadataOf(t.dataSource, 'agent_status')),
    ).rejects.toMatchObject({
      driverError: { code: '23505' },
    });
    expect((await t.dataSource.query('SELECT count(*)::int AS n FROM agent_status'))[0].n).toBe(1);
  });

  it('pages serial-keyed tables (conversations, messages) with the cursor', async () => {
    const conv = (await t.api.post('/api/conversations').send({ title: 'c' }).expect(201)).body
      .id as number;
    for (let i = 0; i < 5; i++)
      await t.api
        .post('/api/messages')
        .send({ conversationId: conv, role: 'user', content: `m${i}` })
        .expect(201);
    const p1 = (await t.api.get(`/api/messages?conversationId=${conv}&limit=3`).expect(200)).body;
    const p2 = (
      await t.api
        .get(`/api/messages?conversationId=${conv}&limit=3&cursor=${p1.nextCursor}`)
        .expect(200)
    ).body;
    expect([...p1.items, ...p2.items].map((m: { content: string }) => m.content)).toEqual([
      'm4',
      'm3',
      'm2',
      'm1',
      'm0',
    ]);
    const preview = await t.api.delete(`/api/conversations/${conv}?dryRun=true`).expect(200);
    expect(preview.body.wouldDelete).toEqual({ conversations: 1, messages: 5 });
  });

  it('serves a strategy’s versions: unique numbers (409), one active at a time', async () => {
    const strategy = (
      await t.admin.api.post('/api/strategies').send({ name: 'Versioned', type: 'x' }).expect(201)
    ).body.id;
    const url = `/api/strategies/${strategy}/versions`;
    const v1 = (
      await t.admin.api
        .post(url)
        .send({ version: 1, name: 'v1', spec: { a: 1 } })
        .expect(201)
    ).body;
    const v2 = (
      await t.admin.api
        .post(url)
        .send({ version: 2, name: 'v2', spec: { a: 2 } })
        .expect(201)
    ).body;
    expect(v1).toMatchObject({ strategyId: strategy, version: 1, status: 'draft' });
    const dup = await t.admin.api
      .post(url)
      .send({ version: 2, name: 'again', spec: {} })
      .expect(409);
    expect(dup.body.details.constraint).toBe('strategy_versions_unique');
    await t.admin.api
      .post(url)
      .send({ version: 3, name: 'v3', spec: {}, strategyId: strategy })
      .expect(400);
    await t.admin.api.post(`${url}/${v1.id}/activate`).expect(200);
    const active = await t.admin.api.post(`${url}/${v2.id}/activate`).expect(200);
    expect(active.body).toMatchObject({ status: 'active', activatedAt: expect.any(String) });
    const list = (await t.admin.api.get(url).expect(200)).body.items as Array<{
      id: string;
      status: string;
    }>;
    expect(Object.fromEntries(list.map((v) => [v.id, v.status]))).toEqual({
      [v1.id]: 'archived',
      [v2.id]: 'active',
    });
    await t.admin.api
      .get('/api/strategies/6f1c2a9e-7b4d-4e8f-9a6b-1c2d3e4f5a6b/versions')
      .expect(404);
  });

  it('appends backtest events and equity points in bulk, all or nothing, and pages them by ts', async () => {
    const strategy = (
      await t.admin.api.post('/api/strategies').send({ name: 'BT', type: 'x' }).expect(201)
    ).body.id;
    const run = (
      await t.admin.api
        .post('/api/backtests')
        .send({
          strategyId: strategy,
          strategyConfigHash: 'h',
          strategyConfig: {},
          universe: ['AAPL'],
          broker: 'sim',
          timeframe: '1d',
          startDate: '2025-01-01',
          endDate: '2025-12-31',
          initialCash: '100000',
          feesModel: {},
          slippageModel: {},
          executionPriceRule: 'close',
          dataSource: 'test',
        })
        .expect(201)
    ).body.id;
    const event = (i: number) => ({
      ts: new Date(Date.UTC(2025, 0, 1 + i)).toISOString(),
      symbol: 'AAPL',
      side: i % 2 ? 'sell' : 'buy',
      qty: '1',
      price: '100',
      reason: 'signal',
      orderType: 'market',
      fees: '0.1',
      slippage: '0',
      positionAfter: '1',
      cashAfter: '99900',
    });
    const appended = await t.admin.api
      .post(`/api/backtests/${run}/events`)
      .send({ events: Array.from({ length: 30 }, (_, i) => event(i)) })
      .expect(201);
    expect(appended.body).toEqual({ inserted: 30 });
    // One bad event: nothing of the batch is written.
    await t.admin.api
      .post(`/api/backtests/${run}/events`)
      .send({ events: [event(40), { ...event(41), side: 'hold' }] })
      .expect(400);
    const page = (
      await t.api.get(`/api/backtests/${run}/events?limit=10&includeTotal=true`).expect(200)
    ).body;
    expect(page).toMatchObject({ total: 30, hasMore: true });
    expect(page.items[0].ts).toBe(event(29).ts);
    await t.admin.api
      .post(`/api/backtests/${run}/equity-curve`)
      .send({ points: [{ ts: event(0).ts, equity: '100000', cash: '100000', exposure: '0' }] })
      .expect(201);
    expect((await t.api.get(`/api/backtests/${run}/equity-curve`).expect(200)).body).toMatchObject({
      total: null,
      hasMore: false,
    });
    expect(
      (await t.api.get(`/api/backtests/${run}/equity-curve?includeTotal=true`).expect(200)).body
        .total,
    ).toBe(1);
  });

  it('approves a universe candidate (admin), recording who and when', async () => {
    const c = (
      await t.admin.api
        .post('/api/universe-candidates')
        .send({ symbol: 'NVDA', tier: 'A' })
        .expect(201)
    ).body;
    await t.api.post(`/api/universe-candidates/${c.id}/approve`).expect(403);
    const approved = await t.admin.api.post(`/api/universe-candidates/${c.id}/approve`).expect(200);
    expect(approved.body).toMatchObject({
      status: 'APPROVED',
      approvedBy: t.admin.id,
      approvedAt: expect.any(String),
    });
  });

  it('records a consensus and completes its session in one transaction', async () => {
    const session = (
      await t.admin.api
        .post('/api/debate-sessions')
        .send({ traceId: 'tr-2', symbols: ['MSFT'] })
        .expect(201)
    ).body.id;
    const c = await t.admin.api
      .post(`/api/debate-sessions/${session}/consensus`)
      .send({ decision: 'hold', confidence: '0.6' })
      .expect(201);
    expect(c.body).toMatchObject({ sessionId: session, decision: 'hold', confidence: '0.6' });
    expect(
      (await t.admin.api.get(`/api/debate-sessions/${session}`).expect(200)).body,
    ).toMatchObject({
      status: 'completed',
    });
    // A second consensus fails on the unique key, and the rollback leaves the session as it was.
    await t.dataSource.query(
      `UPDATE debate_sessions SET status = 'running', completed_at = NULL WHERE id = $1`,
      [session],
    );
    await t.admin.api
      .post(`/api/debate-sessions/${session}/consensus`)
      .send({ decision: 'buy' })
      .expect(409);
    expect(
      (await t.admin.api.get(`/api/debate-sessions/${session}`).expect(200)).body,
    ).toMatchObject({
      status: 'running',
      completedAt: null,
    });
  });
});
