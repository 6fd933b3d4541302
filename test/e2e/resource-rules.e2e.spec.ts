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
      await t.api.post('/api/work-items').send({ type: 'sync' }).expect(201);
    await t.api
      .post('/api/work-items')
      .send({ type: 'sync', nextRunAt: new Date(Date.now() + 3600_000).toISOString() })
      .expect(201);
    const claims = await Promise.all(
      Array.from({ length: 20 }, () => t.api.post('/api/work-items/claim').send({ type: 'sync' })),
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
      await t.api
        .post('/api/debate-sessions')
        .send({ traceId: 'tr-1', symbols: ['AAPL'] })
        .expect(201)
    ).body.id;
    await t.api
      .post('/api/debate-consensus')
      .send({ sessionId: session, decision: 'buy' })
      .expect(201);
    const second = await t.api
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
});
