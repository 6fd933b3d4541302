import { startTestApp, TestApp } from '../support/test-app';

describe('Idempotency-Key (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('idempotency');
  });
  afterAll(async () => t?.close());

  const trade = { symbol: 'AAPL', side: 'buy', quantity: '1', price: '10' };
  const count = async (table: string) =>
    Number((await t.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n);

  it('returns the first response to a retry with the same key and body, writing once', async () => {
    const first = await t.api
      .post('/api/trades')
      .set('Idempotency-Key', 'k-trade-1')
      .send(trade)
      .expect(201);
    const retry = await t.api
      .post('/api/trades')
      .set('Idempotency-Key', 'k-trade-1')
      .send(trade)
      .expect(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(await count('trades')).toBe(1);
  });

  it('refuses the same key with another body: 422 IDEMPOTENCY_KEY_REUSED', async () => {
    const r = await t.api
      .post('/api/trades')
      .set('Idempotency-Key', 'k-trade-1')
      .send({ ...trade, quantity: '2' })
      .expect(422);
    expect(r.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await count('trades')).toBe(1);
  });

  it('keeps keys per user, and without a key every request writes', async () => {
    const other = await t.newUser('other');
    await other.api.post('/api/trades').set('Idempotency-Key', 'k-trade-1').send(trade).expect(201);
    await t.api.post('/api/trades').send(trade).expect(201);
    await t.api.post('/api/trades').send(trade).expect(201);
    expect(await count('trades')).toBe(4);
  });

  it('replays orders and position syncs too, with their own status codes', async () => {
    const body = {
      broker: 'alpaca',
      brokerOrderId: 'idem-1',
      symbol: 'X',
      side: 'buy',
      type: 'market',
      qty: '1',
    };
    const o1 = await t.api
      .post('/api/orders')
      .set('Idempotency-Key', 'k-order')
      .send(body)
      .expect(201);
    const o2 = await t.api
      .post('/api/orders')
      .set('Idempotency-Key', 'k-order')
      .send(body)
      .expect(201);
    expect(o2.body.id).toBe(o1.body.id);

    const positions = {
      positions: [
        {
          symbol: 'X',
          qty: '1',
          avg_entry_price: '1',
          current_price: '1',
          unrealized_pl: '0',
          side: 'long',
        },
      ],
    };
    const s1 = await t.api
      .post('/api/positions/sync')
      .set('Idempotency-Key', 'k-sync')
      .send(positions)
      .expect(200);
    const s2 = await t.api
      .post('/api/positions/sync')
      .set('Idempotency-Key', 'k-sync')
      .send(positions)
      .expect(200);
    expect(s2.body).toEqual(s1.body);
  });

  it('lets a failed request be retried with the same key', async () => {
    await t.api
      .post('/api/trades')
      .set('Idempotency-Key', 'k-fail')
      .send({ ...trade, strategyId: '6f1c2a9e-7b4d-4e8f-9a6b-1c2d3e4f5a6b' })
      .expect(422);
    const ok = await t.api
      .post('/api/trades')
      .set('Idempotency-Key', 'k-fail')
      .send({ ...trade, strategyId: '6f1c2a9e-7b4d-4e8f-9a6b-1c2d3e4f5a6b' })
      .expect(422);
    expect(ok.body.code).toBe('FOREIGN_KEY_VIOLATION');
    await t.api.post('/api/trades').set('Idempotency-Key', 'k-fail-2').send(trade).expect(201);
  });

  it('runs concurrent requests with one key once', async () => {
    const before = await count('trades');
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        t.api.post('/api/trades').set('Idempotency-Key', 'k-race').send(trade),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(5).fill(201));
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    expect(await count('trades')).toBe(before + 1);
  });

  it('forgets a key after it expires', async () => {
    await t.api.post('/api/trades').set('Idempotency-Key', 'k-old').send(trade).expect(201);
    await t.dataSource.query(
      `UPDATE idempotency_keys SET expires_at = now() - interval '1 second' WHERE key = 'k-old'`,
    );
    const again = await t.api
      .post('/api/trades')
      .set('Idempotency-Key', 'k-old')
      .send({ ...trade, quantity: '3' })
      .expect(201);
    expect(again.body.quantity).toBe('3');
  });

  it('rejects a malformed key', async () => {
    const r = await t.api
      .post('/api/trades')
      .set('Idempotency-Key', 'has spaces in it')
      .send(trade)
      .expect(400);
    expect(r.body.details[0].field).toBe('Idempotency-Key');
  });
});
