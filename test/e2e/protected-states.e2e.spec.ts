import { randomBytes } from 'node:crypto';
import { serviceClient, startTestApp, TestApp } from '../support/test-app';

/** The full text of one row, hashed: any change to any column shows. */
async function rowSum(t: TestApp, table: string, id: string): Promise<string | null> {
  const rows = (await t.dataSource.query(`SELECT md5(x::text) AS s FROM ${table} x WHERE id = $1`, [
    id,
  ])) as Array<{ s: string }>;
  return rows[0]?.s ?? null;
}

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
    await svc.delete(`/api/strategies/${off.strategy}`).expect(403);
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
});
