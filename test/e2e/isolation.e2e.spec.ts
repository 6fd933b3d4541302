import { startTestApp, TestApp, TestUser } from '../support/test-app';

/**
 * Trades, positions, AI decisions, orders and fills belong to one user: another user gets 404
 * reading, changing or deleting them (never 403, which would confirm they exist), and never
 * sees them in a list.
 */
describe('per-user isolation (e2e)', () => {
  let t: TestApp;
  let a: TestUser;
  let b: TestUser;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp('isolation');
    a = await t.newUser('alice');
    b = await t.newUser('bob');
    ids.trade = (
      await a.api
        .post('/api/trades')
        .send({ symbol: 'AAPL', side: 'buy', quantity: 1, price: 1 })
        .expect(201)
    ).body.id;
    ids.decision = (
      await a.api
        .post('/api/ai-decisions')
        .send({ symbol: 'AAPL', action: 'buy', executedTradeId: ids.trade })
        .expect(201)
    ).body.id;
    ids.order = (
      await a.api
        .post('/api/orders')
        .send({
          broker: 'alpaca',
          brokerOrderId: 'iso-1',
          symbol: 'AAPL',
          side: 'buy',
          type: 'market',
          qty: '10',
          decisionId: ids.decision,
        })
        .expect(201)
    ).body.id;
    await a.api.post(`/api/orders/${ids.order}/fills`).send({ qty: '1', price: '1' }).expect(201);
    await a.api
      .post('/api/positions/sync')
      .send({
        positions: [
          {
            symbol: 'AAPL',
            qty: '1',
            avg_entry_price: '1',
            current_price: '1',
            unrealized_pl: '0',
            side: 'long',
          },
        ],
      })
      .expect(200);
    // Bob has his own rows, so "empty list" is not the reason his lists lack Alice's.
    await b.api
      .post('/api/trades')
      .send({ symbol: 'MSFT', side: 'sell', quantity: 1, price: 1 })
      .expect(201);
  });
  afterAll(async () => t?.close());

  it.each([
    ['GET', () => `/api/trades/${ids.trade}`],
    ['DELETE', () => `/api/trades/${ids.trade}`],
    ['DELETE', () => `/api/trades/${ids.trade}?dryRun=true`],
    ['GET', () => `/api/ai-decisions/${ids.decision}`],
    ['DELETE', () => `/api/ai-decisions/${ids.decision}`],
    ['DELETE', () => `/api/ai-decisions/${ids.decision}?dryRun=true`],
    ['GET', () => `/api/orders/${ids.order}`],
    ['POST', () => `/api/orders/${ids.order}/fills`],
  ])('%s %s by another user is 404', async (method, url) => {
    const call =
      method === 'GET'
        ? b.api.get(url())
        : method === 'DELETE'
          ? b.api.delete(url())
          : b.api.post(url());
    const r = await call.send(method === 'POST' ? { qty: '1', price: '1' } : undefined);
    expect(r.status).toBe(404);
    expect(r.body.code).toBe('NOT_FOUND');
  });

  it('refuses to link another user’s rows when creating', async () => {
    await b.api
      .post('/api/ai-decisions')
      .send({ symbol: 'AAPL', action: 'buy', executedTradeId: ids.trade })
      .expect(422);
    await b.api
      .post('/api/orders')
      .send({
        broker: 'alpaca',
        brokerOrderId: 'iso-2',
        symbol: 'AAPL',
        side: 'buy',
        type: 'market',
        decisionId: ids.decision,
      })
      .expect(422);
    await b.api
      .post('/api/trades')
      .send({ symbol: 'AAPL', side: 'buy', quantity: 1, price: 1, orderId: ids.order })
      .expect(422);
  });

  it.each(['/api/trades', '/api/ai-decisions', '/api/orders', '/api/positions'])(
    '%s never lists another user’s rows',
    async (url) => {
      const mine = (await a.api.get(url).expect(200)).body.items as Array<{ userId: string }>;
      const theirs = (await b.api.get(url).expect(200)).body.items as Array<{ userId: string }>;
      expect(mine.length).toBeGreaterThan(0);
      expect(mine.every((r) => r.userId === a.id)).toBe(true);
      expect(theirs.every((r) => r.userId === b.id)).toBe(true);
    },
  );

  it('leaves Alice’s rows and the fill untouched after Bob’s attempts', async () => {
    await a.api.get(`/api/trades/${ids.trade}`).expect(200);
    await a.api.get(`/api/ai-decisions/${ids.decision}`).expect(200);
    const o = (await a.api.get(`/api/orders/${ids.order}`).expect(200)).body;
    expect(o.fills).toHaveLength(1);
    expect(o.filledQty).toBe('1');
  });
});
