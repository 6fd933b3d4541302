import { randomBytes } from 'node:crypto';
import { rowSum, serviceClient, startTestApp, TestApp } from '../support/test-app';

const symbol = () => `P${randomBytes(3).toString('hex').toUpperCase()}`;

describe('admin decisions are not undone by another verb (e2e)', () => {
  let t: TestApp;
  let svc: ReturnType<typeof serviceClient>;
  beforeAll(async () => {
    t = await startTestApp('protected_states');
    const key = await t.admin.api
      .post('/api/admin/api-keys')
      .send({ name: 'feed', scopes: ['platform:write'] })
      .expect(201);
    svc = serviceClient(t, key.body.key as string);
  });
  afterAll(async () => t?.close());

  async function strategyWithActiveVersion(active: boolean) {
    const strategy = (
      await t.admin.api
        .post('/api/strategies')
        .send({ name: `S-${symbol()}`, type: 'x', isActive: active })
        .expect(201)
    ).body.id as string;
    const url = `/api/strategies/${strategy}/versions`;
    const version = (await svc.post(url).send({ version: 1, name: 'v1', spec: {} }).expect(201))
      .body.id as string;
    await t.admin.api.post(`${url}/${version}/activate`).expect(200);
    return { strategy, version };
  }

  it('the active version: no PATCH, DELETE or preview by a platform:write key; an admin may', async () => {
    const { version } = await strategyWithActiveVersion(false);
    const before = await rowSum(t, 'strategy_versions', version);
    await svc.patch(`/api/strategy-versions/${version}`).send({ status: 'archived' }).expect(403);
    await svc.delete(`/api/strategy-versions/${version}?dryRun=true`).expect(403);
    const refused = await svc.delete(`/api/strategy-versions/${version}`).expect(403);
    expect(refused.body.code).toBe('FORBIDDEN');
    expect(await rowSum(t, 'strategy_versions', version)).toBe(before);
    await t.admin.api.delete(`/api/strategy-versions/${version}`).expect(204);
  });

  it('a strategy switched on, or one whose delete takes its active version: not deleted by a key', async () => {
    const on = await strategyWithActiveVersion(true);
    const off = await strategyWithActiveVersion(false);
    const sums = async () => [
      await rowSum(t, 'strategies', on.strategy),
      await rowSum(t, 'strategy_versions', on.version),
      await rowSum(t, 'strategies', off.strategy),
      await rowSum(t, 'strategy_versions', off.version),
    ];
    const before = await sums();
    await svc.patch(`/api/strategies/${on.strategy}`).send({ isActive: false }).expect(403);
    await svc.delete(`/api/strategies/${on.strategy}?dryRun=true`).expect(403);
    await svc.delete(`/api/strategies/${on.strategy}`).expect(403);
    // Switched off, but its active version would go with it.
    const cascade = await svc.delete(`/api/strategies/${off.strategy}`).expect(403);
    expect(cascade.body.message).toBe(
      'this delete would remove rows that only an administrator changes (strategy versions)',
    );
    expect(await sums()).toEqual(before);
    // A strategy in no admin state is the feed's to delete.
    const plain = (await svc.post('/api/strategies').send({ name: 'Plain', type: 'x' }).expect(201))
      .body.id as string;
    await svc.delete(`/api/strategies/${plain}`).expect(204);
    await t.admin.api.delete(`/api/strategies/${on.strategy}`).expect(204);
  });

  it('an approved candidate: no PATCH, DELETE, or re-creation as NEW by a key', async () => {
    const sym = symbol();
    const candidate = (
      await svc.post('/api/universe-candidates').send({ symbol: sym, tier: 'A' }).expect(201)
    ).body.id as string;
    await t.admin.api.post(`/api/universe-candidates/${candidate}/approve`).expect(200);
    const before = await rowSum(t, 'universe_candidates', candidate);
    await svc.patch(`/api/universe-candidates/${candidate}`).send({ status: 'NEW' }).expect(403);
    await svc.patch(`/api/universe-candidates/${candidate}`).send({ tier: 'C' }).expect(403);
    await svc.delete(`/api/universe-candidates/${candidate}?dryRun=true`).expect(403);
    await svc.delete(`/api/universe-candidates/${candidate}`).expect(403);
    // With the approved row in place the symbol cannot be created again, as NEW or APPROVED.
    await svc
      .post('/api/universe-candidates')
      .send({ symbol: sym, tier: 'A', status: 'NEW' })
      .expect(409);
    await svc
      .post('/api/universe-candidates')
      .send({ symbol: symbol(), tier: 'A', status: 'APPROVED' })
      .expect(403);
    expect(await rowSum(t, 'universe_candidates', candidate)).toBe(before);
    // A candidate not approved is the feed's to delete; an approved one the admin's.
    const fresh = (
      await svc.post('/api/universe-candidates').send({ symbol: symbol(), tier: 'B' }).expect(201)
    ).body.id as string;
    await svc.delete(`/api/universe-candidates/${fresh}`).expect(204);
    await t.admin.api.delete(`/api/universe-candidates/${candidate}`).expect(204);
  });

  /** A 403 FORBIDDEN whose message says which state and how it is reached. */
  async function refused(
    req: Promise<{ status: number; body: Record<string, unknown> }>,
    says: string,
  ) {
    const r = await req;
    expect({ status: r.status, code: r.body.code }).toEqual({ status: 403, code: 'FORBIDDEN' });
    expect(r.body.message).toBe(says);
  }

  it('one rule per state for every way of making or changing it, saying which state and which route', async () => {
    const { strategy, version } = await strategyWithActiveVersion(false);
    const activeVersion =
      'the active version of a strategy is made by an administrator only (POST /api/strategies/{strategyId}/versions/{id}/activate)';
    const switching =
      "isActive is set by an administrator only, whatever its value (an active strategy is an administrator's decision)";
    const approved =
      'an approved universe candidate is made by an administrator only (POST /api/universe-candidates/{id}/approve)';

    // Switching a strategy on or off: the field is the admin's whatever the value, at creation too.
    await refused(
      svc.post('/api/strategies').send({ name: `S-${symbol()}`, type: 'x', isActive: false }),
      switching,
    );
    await refused(svc.patch(`/api/strategies/${strategy}`).send({ isActive: false }), switching);
    // A strategy that is on keeps its other fields open to the feed (the state is not frozen).
    const on = (
      await t.admin.api
        .post('/api/strategies')
        .send({ name: `S-${symbol()}`, type: 'x', isActive: true })
        .expect(201)
    ).body.id as string;
    await svc.patch(`/api/strategies/${on}`).send({ description: 'corrected' }).expect(200);

    // An active version, by both creating routes and by PATCH of a draft.
    const versions = `/api/strategies/${strategy}/versions`;
    await refused(
      svc.post(versions).send({ version: 2, name: 'v2', spec: {}, status: 'active' }),
      activeVersion,
    );
    await refused(
      svc
        .post('/api/strategy-versions')
        .send({ strategyId: strategy, version: 3, name: 'v3', spec: {}, status: 'active' }),
      activeVersion,
    );
    const draft = (
      await svc
        .post(versions)
        .send({ version: 4, name: 'v4', spec: {}, status: 'draft' })
        .expect(201)
    ).body.id as string;
    await refused(
      svc.patch(`/api/strategy-versions/${draft}`).send({ status: 'active' }),
      activeVersion,
    );
    await svc
      .patch(`/api/strategy-versions/${draft}`)
      .send({ name: 'v4 renamed', status: 'archived' })
      .expect(200);
    // The active version is frozen: no field of it is the feed's, not even one left as it was.
    await refused(
      svc.patch(`/api/strategy-versions/${version}`).send({ name: 'renamed' }),
      'the active version of a strategy is changed by an administrator only',
    );
    await refused(
      svc.patch(`/api/strategy-versions/${version}`).send({ status: 'active' }),
      activeVersion,
    );
    // An admin may make a version active directly (the one-active index keeps it to one).
    const other = (
      await t.admin.api
        .post('/api/strategies')
        .send({ name: `S-${symbol()}`, type: 'x' })
        .expect(201)
    ).body.id as string;
    await t.admin.api
      .post('/api/strategy-versions')
      .send({ strategyId: other, version: 1, name: 'v1', spec: {}, status: 'active' })
      .expect(201);

    // An approved candidate: not created, not reached by PATCH; a candidate in another state is the feed's.
    await refused(
      svc
        .post('/api/universe-candidates')
        .send({ symbol: symbol(), tier: 'A', status: 'APPROVED' }),
      approved,
    );
    const fresh = (
      await svc
        .post('/api/universe-candidates')
        .send({ symbol: symbol(), tier: 'A', status: 'WATCHLIST' })
        .expect(201)
    ).body.id as string;
    await refused(
      svc.patch(`/api/universe-candidates/${fresh}`).send({ status: 'APPROVED' }),
      approved,
    );
    await svc
      .patch(`/api/universe-candidates/${fresh}`)
      .send({ tier: 'B', status: 'NEW' })
      .expect(200);
    // Approving records who and when: an admin approves through its route, not a generic write.
    await refused(
      t.admin.api.patch(`/api/universe-candidates/${fresh}`).send({ status: 'APPROVED' }),
      'status APPROVED is set by POST /api/universe-candidates/{id}/approve, not by a generic write',
    );
    await t.admin.api.post(`/api/universe-candidates/${fresh}/approve`).expect(200);
    await refused(
      svc.delete(`/api/universe-candidates/${fresh}`),
      'an approved universe candidate is deleted by an administrator only',
    );
  });
});
