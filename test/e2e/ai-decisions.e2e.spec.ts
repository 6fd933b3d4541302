import { startTestApp, TestApp } from '../support/test-app';
import { JSON_CONTENT_TYPE, PAGE_KEYS } from '../support/json-page';

interface Decision {
  id: string;
  symbol: string;
  action: string;
  status: string;
  confidence: string | null;
  strategyId: string | null;
  createdAt: string;
}

describe('AI decisions (e2e)', () => {
  let t: TestApp;
  let strategyId: string;
  const made: Decision[] = [];

  beforeAll(async () => {
    t = await startTestApp('decisions');
    strategyId = (
      await t.admin.api.post('/api/strategies').send({ name: 'S', type: 'x' }).expect(201)
    ).body.id;
    const specs = [
      { symbol: 'aapl', action: 'buy', status: 'pending', confidence: 0.5, strategyId },
      { symbol: 'AAPL', action: 'sell', status: 'executed', confidence: '0.75' },
      {
        symbol: 'MSFT',
        action: 'hold',
        status: 'skipped',
        skipReason: 'market closed',
        strategyId,
      },
      { symbol: 'MSFT', action: 'buy', status: 'pending' },
    ];
    for (const body of specs)
      made.push((await t.api.post('/api/ai-decisions').send(body).expect(201)).body);
  });
  afterAll(async () => t?.close());

  it('creates decisions with exact decimal confidence and upper-cased symbols', () => {
    expect(made[0]).toMatchObject({
      symbol: 'AAPL',
      confidence: '0.5',
      status: 'pending',
      strategyId,
    });
    expect(made[1].confidence).toBe('0.75');
  });

  it('lists newest first and filters by status, symbol, strategy and time range', async () => {
    const all = (await t.api.get('/api/ai-decisions?includeTotal=true').expect(200)).body;
    expect(all).toMatchObject({ total: 4, hasMore: false, nextCursor: null });
    expect(all.items.map((d: Decision) => d.id)).toEqual([...made].reverse().map((d) => d.id));
    const ids = async (qs: string) =>
      (await t.api.get(`/api/ai-decisions?${qs}`).expect(200)).body.items.map(
        (d: Decision) => d.id,
      );
    expect(await ids('status=pending')).toEqual([made[3].id, made[0].id]);
    expect(await ids('symbol=msft')).toEqual([made[3].id, made[2].id]);
    expect(await ids(`strategyId=${strategyId}`)).toEqual([made[2].id, made[0].id]);
    expect(await ids(`status=pending&symbol=AAPL&strategyId=${strategyId}`)).toEqual([made[0].id]);
    expect(await ids(`startDate=${made[1].createdAt}&endDate=${made[2].createdAt}`)).toEqual([
      made[2].id,
      made[1].id,
    ]);
    const page1 = (await t.api.get('/api/ai-decisions?limit=3').expect(200)).body;
    const page2 = (
      await t.api.get(`/api/ai-decisions?limit=3&cursor=${page1.nextCursor}`).expect(200)
    ).body;
    expect([...page1.items, ...page2.items].map((d: Decision) => d.id)).toEqual(
      all.items.map((d: Decision) => d.id),
    );
    expect(page2.nextCursor).toBeNull();
  });

  it('pages by offset like by cursor: the page, hasMore, the cursor after it and the total', async () => {
    const newestFirst = [...made].reverse().map((d) => d.id);
    const page = async (qs: string) =>
      (await t.api.get(`/api/ai-decisions?${qs}`).expect(200)).body as {
        items: Decision[];
        hasMore: boolean;
        nextCursor: string | null;
        total: number | null;
        offset: number;
      };
    const ids = (p: { items: Decision[] }) => p.items.map((d) => d.id);
    const middle = await page('limit=2&offset=1&includeTotal=true');
    expect(ids(middle)).toEqual(newestFirst.slice(1, 3));
    expect(middle).toMatchObject({ hasMore: true, total: 4, offset: 1 });
    const after = await page(`limit=2&cursor=${middle.nextCursor}`);
    expect(ids(after)).toEqual(newestFirst.slice(3));
    expect(after).toMatchObject({ hasMore: false, nextCursor: null, total: null });
    const last = await page('limit=2&offset=2');
    expect(ids(last)).toEqual(newestFirst.slice(2));
    expect(last).toMatchObject({ hasMore: false, nextCursor: null });
    const past = await page('limit=2&offset=10&includeTotal=true');
    expect(past).toMatchObject({ items: [], hasMore: false, nextCursor: null, total: 4 });
  });

  it('answers list and single reads with JSON built by PostgreSQL: field for field what the entity answers on create', async () => {
    const created = (
      await t.api
        .post('/api/ai-decisions')
        .send({
          symbol: 'NVDA',
          action: 'buy',
          confidence: '0.123456789012345678',
          reasoning: 'quotes " and \\ backslash,\nnew line, ünïcödé, emoji 📈',
          stopLoss: '99.5',
          takeProfit: '120',
          entryPrice: '100.000000000000000001',
          metadata: '{"not":"parsed"}',
          strategyId,
        })
        .expect(201)
    ).body as Record<string, unknown>;
    const one = await t.api.get(`/api/ai-decisions/${String(created.id)}`).expect(200);
    expect(one.headers['content-type']).toBe(JSON_CONTENT_TYPE);
    expect(one.body).toStrictEqual(created);
    const page = await t.api.get('/api/ai-decisions?limit=100').expect(200);
    expect(page.headers['content-type']).toBe(JSON_CONTENT_TYPE);
    expect(page.body.items.find((d: { id: string }) => d.id === created.id)).toStrictEqual(created);
    expect(Object.keys(page.body)).toEqual(PAGE_KEYS);

    // Microseconds are cut to milliseconds exactly as a JS Date would, in UTC with a Z.
    await t.dataSource.query(
      `UPDATE ai_decisions SET filled_at = '2026-03-04 05:06:07.891999+02', filled_price = 1e-20 WHERE id = $1`,
      [created.id],
    );
    const filled = (await t.api.get(`/api/ai-decisions/${String(created.id)}`).expect(200)).body;
    expect(filled.filledAt).toBe('2026-03-04T03:06:07.891Z');
    expect(filled.filledPrice).toBe('0.00000000000000000001');
  });

  it('gets one decision; unknown and malformed ids are 404 and 400', async () => {
    await t.api
      .get(`/api/ai-decisions/${made[2].id}`)
      .expect(200)
      .expect((r) => expect(r.body.skipReason).toBe('market closed'));
    await t.api.get('/api/ai-decisions/6f1c2a9e-7b4d-4e8f-9a6b-1c2d3e4f5a6b').expect(404);
    await t.api.get('/api/ai-decisions/123').expect(400);
  });

  it.each([
    [{ symbol: 'AAPL', action: 'maybe' }, 'action'],
    [{ symbol: 'AAPL', action: 'buy', confidence: 1.5 }, 'confidence'],
    [{ symbol: 'AAPL', action: 'buy', confidence: -0.1 }, 'confidence'],
    [{ symbol: 'AAPL', action: 'buy', status: 'done' }, 'status'],
    [{ symbol: 'AAPL', action: 'buy', stopLoss: 0 }, 'stopLoss'],
    [{ action: 'buy' }, 'symbol'],
    [{ symbol: 'AAPL', action: 'buy', userId: 'x' }, 'userId'],
  ])('refuses %j (field %s)', async (body, field) => {
    const r = await t.api.post('/api/ai-decisions').send(body).expect(400);
    expect(r.body.details.map((d: { field: string }) => d.field)).toContain(field);
  });

  it.each([
    ['status=unknown', 'status'],
    ['startDate=2026-02-01&endDate=2026-01-01', 'startDate'],
    ['endDate=tomorrow', 'endDate'],
  ])('rejects the filter %s', async (qs, field) => {
    const r = await t.api.get(`/api/ai-decisions?${qs}`).expect(400);
    expect(r.body.details.map((d: { field: string }) => d.field)).toContain(field);
  });

  it('refuses to link a decision to a trade that is not the caller’s (422)', async () => {
    const other = await t.newUser('other');
    const theirs = (
      await other.api
        .post('/api/trades')
        .send({ symbol: 'X', side: 'buy', quantity: 1, price: 1 })
        .expect(201)
    ).body;
    const r = await t.api
      .post('/api/ai-decisions')
      .send({ symbol: 'X', action: 'buy', executedTradeId: theirs.id })
      .expect(422);
    expect(r.body.code).toBe('FOREIGN_KEY_VIOLATION');
  });
});
