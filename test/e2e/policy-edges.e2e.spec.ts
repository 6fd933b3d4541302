import { randomBytes } from 'node:crypto';
import {
  decisionOf,
  issueKey,
  rowSum,
  serviceClient,
  startTestApp,
  TestApp,
  TestUser,
} from '../support/test-app';

/**
 * The edges of the access policy, each refusal next to the closest request that must pass: a
 * rule that refused too much would fail here as surely as one that refused too little. (Found
 * by mutation testing: these were the conditions no suite could tell from `true` or `false`.)
 */
describe('the access policy at its edges (e2e)', () => {
  let t: TestApp;
  let a: TestUser;
  let b: TestUser;
  let platform: ReturnType<typeof serviceClient>;
  let actingForA: ReturnType<typeof serviceClient>;

  beforeAll(async () => {
    t = await startTestApp('policy_edges');
    a = t.user;
    b = await t.newUser('b');
    platform = serviceClient(t, await issueKey(t, ['platform:write']));
    actingForA = serviceClient(t, await issueKey(t, ['platform:write', 'act-as-user']), a.id);
  });
  afterAll(async () => t?.close());

  /** A platform work item (no decision: shared); its id. */
  const sharedItem = async () =>
    (await platform.post('/api/work-items').send({ type: 'sync' }).expect(201)).body.id as string;

  /** A work item under one of A's decisions; its id. */
  const itemOfA = async (type: string, decisionId?: string) =>
    (
      await a.api
        .post('/api/work-items')
        .send({ type, decisionId: decisionId ?? (await decisionOf(a)) })
        .expect(201)
    ).body.id as string;

  it('a user deletes its own child rows, never a shared row it can only read', async () => {
    const shared = await sharedItem();
    const before = await rowSum(t, 'work_items', shared);
    const refused = await a.api.delete(`/api/work-items/${shared}`).expect(403);
    expect(refused.body.message).toBe('you may not change this work item');
    await a.api.delete(`/api/work-items/${shared}?dryRun=true`).expect(403);
    expect(await rowSum(t, 'work_items', shared)).toBe(before);
    const own = await itemOfA('exec');
    await a.api.delete(`/api/work-items/${own}`).expect(204);
  });

  it('a PATCH that leaves the parent alone is not a move: no parent needed, no dependents counted', async () => {
    const own = await itemOfA('exec');
    await a.api.patch(`/api/work-items/${own}`).send({ type: 'exec-2' }).expect(200);
    // An empty body changes nothing and answers the row.
    const same = await a.api.patch(`/api/work-items/${own}`).send({}).expect(200);
    expect(same.body).toMatchObject({ id: own, type: 'exec-2' });

    // A shared item B's link depends on: the platform edits it freely, only moving it is refused.
    const shared = await sharedItem();
    await b.api
      .post('/api/ai-outcome-links')
      .send({ decisionId: await decisionOf(b), workItemId: shared, symbol: 'AAPL', side: 'buy' })
      .expect(201);
    await platform.patch(`/api/work-items/${shared}`).send({ type: 'sync-2' }).expect(200);
    await actingForA
      .patch(`/api/work-items/${shared}`)
      .send({ decisionId: await decisionOf(a) })
      .expect(409);
  });

  it('a shared item whose dependents are all the new owner’s moves under that owner', async () => {
    const item = await sharedItem();
    const aDecision = await decisionOf(a);
    // A's own link on the shared item: once the item is A's, nothing of anyone else's goes with it.
    await a.api
      .post('/api/ai-outcome-links')
      .send({ decisionId: aDecision, workItemId: item, symbol: 'AAPL', side: 'buy' })
      .expect(201);
    await actingForA.patch(`/api/work-items/${item}`).send({ decisionId: aDecision }).expect(200);
    await a.api.get(`/api/work-items/${item}`).expect(200);
  });

  it('only an admin moves a version to another strategy', async () => {
    const strategy = async () =>
      (
        await t.admin.api
          .post('/api/strategies')
          .send({ name: `S-${randomBytes(3).toString('hex')}`, type: 'x' })
          .expect(201)
      ).body.id as string;
    const [first, second] = [await strategy(), await strategy()];
    const version = (
      await platform
        .post('/api/strategy-versions')
        .send({ strategyId: first, version: 1, name: 'v1', spec: {} })
        .expect(201)
    ).body.id as string;
    const refused = await platform
      .patch(`/api/strategy-versions/${version}`)
      .send({ strategyId: second })
      .expect(403);
    expect(refused.body.message).toBe('only an administrator changes strategyId');
    await platform.patch(`/api/strategy-versions/${version}`).send({ name: 'v1b' }).expect(200);
    await t.admin.api
      .patch(`/api/strategy-versions/${version}`)
      .send({ strategyId: second })
      .expect(200);
  });

  it('a worker claims the next item of the type it asks for, among those it may see', async () => {
    const decision = await decisionOf(a);
    const wanted = `want-${randomBytes(3).toString('hex')}`;
    const other = `other-${randomBytes(3).toString('hex')}`;
    // The other type is older: a claim that ignored the type would take it first.
    const older = await itemOfA(other, decision);
    const item = await itemOfA(wanted, decision);
    const worker = serviceClient(t, await issueKey(t, ['work:claim', 'act-as-user']), a.id);
    const claimed = await worker.post('/api/work-items/claim').send({ type: wanted }).expect(200);
    expect(claimed.body).toMatchObject({ id: item, type: wanted, status: 'RUNNING' });
    await worker.post('/api/work-items/claim').send({ type: wanted }).expect(204);
    const next = await worker.post('/api/work-items/claim').send({ type: other }).expect(200);
    expect(next.body).toMatchObject({ id: older, type: other });
  });
});
