import { startTestApp, TestApp } from '../support/test-app';

describe('strategies (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('strategies');
  });
  afterAll(async () => t?.close());

  const create = (body: Record<string, unknown>) => t.admin.api.post('/api/strategies').send(body);

  it('creates, reads, updates and deletes a strategy', async () => {
    const created = await create({
      name: 'Momentum',
      type: 'momentum',
      assets: ['aapl', 'msft'],
    }).expect(201);
    expect(created.body).toMatchObject({
      name: 'Momentum',
      type: 'momentum',
      isActive: false,
      assets: ['AAPL', 'MSFT'],
      description: null,
    });
    expect(created.body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Date(created.body.createdAt).toISOString()).toBe(created.body.createdAt);

    const id = created.body.id as string;
    await t.api
      .get(`/api/strategies/${id}`)
      .expect(200)
      .expect((r) => expect(r.body.name).toBe('Momentum'));

    // A user reads strategies; writing them (and switching one on) is an admin's.
    await t.api.patch(`/api/strategies/${id}`).send({ description: 'd' }).expect(403);
    const patched = await t.admin.api
      .patch(`/api/strategies/${id}`)
      .send({ isActive: true, description: 'd' })
      .expect(200);
    expect(patched.body).toMatchObject({ id, isActive: true, description: 'd', name: 'Momentum' });

    await t.admin.api.delete(`/api/strategies/${id}`).expect(204);
    const gone = await t.api.get(`/api/strategies/${id}`).expect(404);
    expect(gone.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND', error: 'Not Found' });
    await t.admin.api.delete(`/api/strategies/${id}`).expect(404);
    await t.admin.api.patch(`/api/strategies/${id}`).send({ name: 'x' }).expect(404);
  });

  describe('listing', () => {
    beforeAll(async () => {
      await t.dataSource.query('DELETE FROM strategies');
      for (let i = 0; i < 7; i++) {
        await create({
          name: `s${i}`,
          type: i % 2 ? 'mean_reversion' : 'momentum',
          isActive: i < 3,
        }).expect(201);
      }
    });

    it('returns the page envelope, newest first, with defaults', async () => {
      const r = await t.api.get('/api/strategies').expect(200);
      expect(r.body).toMatchObject({
        total: null,
        limit: 50,
        offset: 0,
        nextCursor: null,
        hasMore: false,
      });
      expect(r.body.items.map((s: { name: string }) => s.name)).toEqual([
        's6',
        's5',
        's4',
        's3',
        's2',
        's1',
        's0',
      ]);
    });

    it('filters by isActive and type', async () => {
      const active = await t.api.get('/api/strategies?isActive=true&includeTotal=true').expect(200);
      expect(active.body.total).toBe(3);
      expect(active.body.items.every((s: { isActive: boolean }) => s.isActive)).toBe(true);
      const inactiveMomentum = await t.api
        .get('/api/strategies?isActive=false&type=momentum')
        .expect(200);
      expect(inactiveMomentum.body.items.map((s: { name: string }) => s.name)).toEqual([
        's6',
        's4',
      ]);
    });

    it('pages by offset and by cursor, each row exactly once', async () => {
      const byOffset = await t.api.get('/api/strategies?limit=3&offset=3').expect(200);
      expect(byOffset.body.items.map((s: { name: string }) => s.name)).toEqual(['s3', 's2', 's1']);

      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const url: string = `/api/strategies?limit=2${cursor ? `&cursor=${cursor}` : ''}`;
        const page = await t.api.get(url).expect(200);
        seen.push(...page.body.items.map((s: { name: string }) => s.name));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(seen).toEqual(['s6', 's5', 's4', 's3', 's2', 's1', 's0']);
    });

    it.each([
      ['limit=0', 'limit'],
      ['limit=501', 'limit'],
      ['limit=abc', 'limit'],
      ['offset=-1', 'offset'],
      ['isActive=yes', 'isActive'],
      ['cursor=bogus', 'cursor'],
      ['color=red', 'color'],
    ])('rejects %s naming the field', async (qs, field) => {
      const r = await t.api.get(`/api/strategies?${qs}`).expect(400);
      expect(r.body.code).toBe('VALIDATION_FAILED');
      expect(r.body.details.map((d: { field: string }) => d.field)).toContain(field);
    });

    it('accepts limit 1 and 500', async () => {
      await t.api
        .get('/api/strategies?limit=1')
        .expect(200)
        .expect((r) => expect(r.body.items).toHaveLength(1));
      await t.api
        .get('/api/strategies?limit=500')
        .expect(200)
        .expect((r) => expect(r.body.limit).toBe(500));
    });
  });
});
