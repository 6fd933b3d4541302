import {
  decisionOf,
  issueKey,
  serviceClient,
  startTestApp,
  TestApp,
  TestUser,
} from '../support/test-app';

/**
 * Every refusal of the access policy says what was refused and why, in words a caller can act
 * on: the status and code decide, the message explains. Pinned here exactly, so a change of the
 * rule that picks a message (a service's hint, which parent was not writable, which table held
 * other owners' rows) shows as a failure, not as a silently different text.
 */
describe('what the access policy says when it refuses (e2e)', () => {
  let t: TestApp;
  let a: TestUser;
  let b: TestUser;
  let platform: ReturnType<typeof serviceClient>;
  let actingForA: ReturnType<typeof serviceClient>;

  /** The status, code and message of a refused request (and its details, when asked for). */
  async function refusal(
    call: Promise<{ status: number; body: Record<string, unknown> }>,
  ): Promise<{ status: number; code: unknown; message: unknown; details?: unknown }> {
    const r = await call;
    return {
      status: r.status,
      code: r.body.code,
      message: r.body.message,
      details: r.body.details,
    };
  }

  beforeAll(async () => {
    t = await startTestApp('refusal_messages');
    a = t.user;
    b = await t.newUser('b');
    platform = serviceClient(t, await issueKey(t, ['platform:write']));
    actingForA = serviceClient(t, await issueKey(t, ['platform:write', 'act-as-user']), a.id);
  });
  afterAll(async () => t?.close());

  it('a service without a user reads user data only by acting for one; writes are refused plainly', async () => {
    expect(await refusal(platform.get('/api/trades'))).toMatchObject({
      status: 403,
      code: 'FORBIDDEN',
      message:
        'you may not read trades (a service reads user data only with the act-as-user scope and X-Act-As-User)',
    });
    expect(
      await refusal(platform.post('/api/ai-decisions').send({ symbol: 'AAPL', action: 'buy' })),
    ).toMatchObject({ status: 403, code: 'FORBIDDEN', message: 'you may not write ai decisions' });
    // Acting for A, the same key reads A's trades.
    await actingForA.get('/api/trades').expect(200);
  });

  it('a user who may read a shared row but not change it is told so', async () => {
    const item = (await platform.post('/api/work-items').send({ type: 'sync' }).expect(201)).body
      .id as string;
    expect(
      await refusal(a.api.patch(`/api/work-items/${item}`).send({ type: 'other' })),
    ).toMatchObject({
      status: 403,
      code: 'FORBIDDEN',
      message: 'you may not change this work item',
    });
    expect(
      await refusal(a.api.post('/api/work-item-runs').send({ workItemId: item, attemptNumber: 1 })),
    ).toMatchObject({
      status: 403,
      code: 'FORBIDDEN',
      message: 'you may not add rows under this work items row',
    });
    // A platform writer adds runs under it.
    await platform
      .post('/api/work-item-runs')
      .send({ workItemId: item, attemptNumber: 1 })
      .expect(201);
  });

  it('a row without a parent is platform data: only platform writers create one', async () => {
    expect(await refusal(a.api.post('/api/work-items').send({ type: 'sync' }))).toMatchObject({
      status: 403,
      code: 'FORBIDDEN',
      message: 'decisionId is required: only platform writers create work items rows without one',
    });
    // An explicit null is the same as leaving it out.
    expect(
      await refusal(a.api.post('/api/work-items').send({ type: 'sync', decisionId: null })),
    ).toMatchObject({ status: 403, code: 'FORBIDDEN' });
    await platform.post('/api/work-items').send({ type: 'sync', decisionId: null }).expect(201);
  });

  it('a reference to a row the caller cannot see reads like one that does not exist', async () => {
    const bDecision = await decisionOf(b);
    const unseen = (r: Awaited<ReturnType<typeof refusal>>) =>
      expect(r).toEqual({
        status: 422,
        code: 'FOREIGN_KEY_VIOLATION',
        message: `decisionId ${bDecision} refers to a ai decisions row that does not exist`,
        details: { field: 'decisionId' },
      });
    unseen(await refusal(a.api.post('/api/work-items').send({ type: 'x', decisionId: bDecision })));
    // A service that reads no user data at all: the same answer, B's row is not confirmed.
    unseen(
      await refusal(platform.post('/api/work-items').send({ type: 'x', decisionId: bDecision })),
    );
    // Optional references left null are not references.
    const aDecision = await decisionOf(a);
    await a.api
      .post('/api/ai-outcome-links')
      .send({ decisionId: aDecision, workItemId: null, symbol: 'AAPL', side: 'buy' })
      .expect(201);
  });

  it('a delete or move that would take other owners’ rows names the tables and counts, and who may force it', async () => {
    const strategy = (
      await t.admin.api.post('/api/strategies').send({ name: 'Shared', type: 'x' }).expect(201)
    ).body.id as string;
    for (const user of [a, b])
      await user.api
        .post('/api/trades')
        .send({ symbol: 'AAPL', side: 'buy', quantity: '1', price: '1', strategyId: strategy })
        .expect(201);
    await b.api
      .post('/api/ai-decisions')
      .send({ symbol: 'MSFT', action: 'buy', strategyId: strategy })
      .expect(201);
    const conflict = (then: string) => ({
      status: 409,
      code: 'HAS_DEPENDENTS',
      message: `this strategies row has 3 dependent row(s) of other owners that a delete would remove or change (ai decisions: 1, trades: 2); ${then}`,
      details: { dependents: 3, tables: { trades: 2, ai_decisions: 1 } },
    });
    expect(await refusal(platform.delete(`/api/strategies/${strategy}`))).toEqual(
      conflict('only an admin can force it'),
    );
    expect(await refusal(t.admin.api.delete(`/api/strategies/${strategy}`))).toEqual(
      conflict('pass force=true to delete them too'),
    );

    // A shared work item that B's link depends on does not move under A's decision.
    const item = (await platform.post('/api/work-items').send({ type: 'sync' }).expect(201)).body
      .id as string;
    await b.api
      .post('/api/ai-outcome-links')
      .send({ decisionId: await decisionOf(b), workItemId: item, symbol: 'AAPL', side: 'buy' })
      .expect(201);
    expect(
      await refusal(
        actingForA.patch(`/api/work-items/${item}`).send({ decisionId: await decisionOf(a) }),
      ),
    ).toEqual({
      status: 409,
      code: 'HAS_DEPENDENTS',
      message:
        'this work items row has 1 dependent row(s) of other owners (ai outcome links: 1); it cannot move to another parent',
      details: { dependents: 1, tables: { ai_outcome_links: 1 } },
    });
  });
});
