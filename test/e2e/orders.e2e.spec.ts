import { startTestApp, TestApp } from '../support/test-app';

let seq = 0;
const order = (over: Record<string, unknown> = {}) => ({
  broker: 'alpaca',
  brokerOrderId: `bo-${++seq}-${Date.now()}`,
  symbol: 'aapl',
  side: 'buy',
  type: 'limit',
  qty: '100',
  limitPrice: '187.5',
  ...over,
});

describe('orders and fills (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('orders');
  });
  afterAll(async () => t?.close());

  it('creates an order and reads it back with its fills', async () => {
    const created = await t.api
      .post('/api/orders')
      .send(order({ clientOrderId: 'c-1' }))
      .expect(201);
    expect(created.body).toMatchObject({
      symbol: 'AAPL',
      status: 'new',
      qty: '100',
      filledQty: null,
      fills: [],
    });
    const id = created.body.id;
    await t.api
      .post(`/api/orders/${id}/fills`)
      .send({ qty: '40', price: '187.00', brokerFillId: 'f-1' })
      .expect(201);
    const after = await t.api
      .post(`/api/orders/${id}/fills`)
      .send({ qty: 10, price: '188.00' })
      .expect(201);
    // Quantity-weighted: (40 * 187 + 10 * 188) / 50 = 187.2
    expect(Number(after.body.filledAvgPrice)).toBeCloseTo(187.2, 10);
    expect(after.body).toMatchObject({ filledQty: '50', status: 'partially_filled' });
    const read = await t.api.get(`/api/orders/${id}`).expect(200);
    expect(
      read.body.fills.map((f: { qty: string; side: string; symbol: string }) => [
        f.qty,
        f.side,
        f.symbol,
      ]),
    ).toEqual([
      ['40', 'buy', 'AAPL'],
      ['10', 'buy', 'AAPL'],
    ]);
    const done = await t.api
      .post(`/api/orders/${id}/fills`)
      .send({ qty: '50', price: '187.2' })
      .expect(201);
    expect(done.body).toMatchObject({ filledQty: '100', status: 'filled' });
    expect(done.body.filledAt).toBeTruthy();
  });

  it('refuses an over-fill with 422 and writes nothing', async () => {
    const id = (
      await t.api
        .post('/api/orders')
        .send(order({ qty: '10' }))
        .expect(201)
    ).body.id;
    await t.api.post(`/api/orders/${id}/fills`).send({ qty: '8', price: '1' }).expect(201);
    const r = await t.api
      .post(`/api/orders/${id}/fills`)
      .send({ qty: '2.5', price: '1' })
      .expect(422);
    expect(r.body.code).toBe('OVERFILL');
    const read = (await t.api.get(`/api/orders/${id}`).expect(200)).body;
    expect(read).toMatchObject({ filledQty: '8', status: 'partially_filled' });
    expect(read.fills).toHaveLength(1);
  });

  it('refuses a repeated brokerFillId with 409 and leaves the order unchanged', async () => {
    const id = (await t.api.post('/api/orders').send(order()).expect(201)).body.id;
    await t.api
      .post(`/api/orders/${id}/fills`)
      .send({ qty: '1', price: '1', brokerFillId: 'same' })
      .expect(201);
    const r = await t.api
      .post(`/api/orders/${id}/fills`)
      .send({ qty: '1', price: '1', brokerFillId: 'same' })
      .expect(409);
    expect(r.body.code).toBe('UNIQUE_VIOLATION');
    expect((await t.api.get(`/api/orders/${id}`).expect(200)).body.filledQty).toBe('1');
  });

  it('applies 20 concurrent fills without losing one, and refuses the fill past the quantity', async () => {
    const id = (
      await t.api
        .post('/api/orders')
        .send(order({ qty: '20' }))
        .expect(201)
    ).body.id;
    const fills = await Promise.all(
      Array.from({ length: 21 }, (_, i) =>
        t.api.post(`/api/orders/${id}/fills`).send({ qty: '1', price: String(100 + i) }),
      ),
    );
    expect(fills.filter((r) => r.status === 201)).toHaveLength(20);
    expect(fills.filter((r) => r.status === 422).map((r) => r.body.code)).toEqual(['OVERFILL']);
    const read = (await t.api.get(`/api/orders/${id}`).expect(200)).body;
    expect(read).toMatchObject({ filledQty: '20', status: 'filled' });
    expect(read.fills).toHaveLength(20);
    const prices = read.fills.map((f: { price: string }) => Number(f.price));
    expect(Number(read.filledAvgPrice)).toBeCloseTo(
      prices.reduce((a: number, b: number) => a + b, 0) / 20,
      8,
    );
  });

  it('lists the caller’s orders with status and symbol filters', async () => {
    await t.api
      .post('/api/orders')
      .send(order({ symbol: 'TSLA', status: 'accepted' }))
      .expect(201);
    const r = await t.api
      .get('/api/orders?symbol=tsla&status=accepted&includeTotal=true')
      .expect(200);
    expect(r.body).toMatchObject({ total: 1, hasMore: false });
    expect(r.body.items[0]).toMatchObject({ symbol: 'TSLA', status: 'accepted' });
    await t.api.get('/api/orders?status=weird').expect(400);
  });

  it.each([
    [{ ...order(), side: 'hold' }, 'side'],
    [{ ...order(), type: 'magic' }, 'type'],
    [{ ...order(), qty: 0 }, 'qty'],
    [{ ...order(), brokerOrderId: '' }, 'brokerOrderId'],
  ])('refuses a bad order (%#)', async (body, field) => {
    const r = await t.api.post('/api/orders').send(body).expect(400);
    expect(r.body.details.map((d: { field: string }) => d.field)).toContain(field);
  });

  it('refuses a duplicate broker order id with 409', async () => {
    const body = order();
    await t.api.post('/api/orders').send(body).expect(201);
    const r = await t.api.post('/api/orders').send(body).expect(409);
    expect(r.body.details).toEqual({
      constraint: 'orders_user_id_broker_order_id_unique',
      fields: ['brokerOrderId'],
    });
    expect(r.body.message).toBe('order with this brokerOrderId already exists');
  });
});
