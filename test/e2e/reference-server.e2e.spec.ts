import request from 'supertest';
import { ReferenceServer, startReferenceServer } from '../../bench/reference/server';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * The bench's bare reference server (bench/reference/server.ts) is only an honest limit if it
 * does the app's durable work and answers the app's bytes. Both run here on one database: what
 * one writes the other reads back identically, the audit rows match, and an Idempotency-Key
 * claimed by one is replayed by the other.
 */
describe('bare reference server (the bench limit) does what the app does', () => {
  let t: TestApp;
  let ref: ReferenceServer;
  const refPost = (path: string, body: object, key?: string) => {
    const r = request(ref.url).post(path).set('Authorization', `Bearer ${t.user.token}`).send(body);
    return key ? r.set('Idempotency-Key', key) : r;
  };
  const refGet = (path: string) =>
    request(ref.url).get(path).set('Authorization', `Bearer ${t.user.token}`);
  const auditOf = async (resourceId: string, path: string) => {
    const rows: Array<Record<string, unknown>> = await t.dataSource.query(
      `SELECT user_id, username, api_key_id, api_key_name, action, resource, method, ip_address,
              request_body, response_status, error_message
       FROM audit_logs WHERE resource_id = $1 AND path = $2`,
      [resourceId, path],
    );
    return rows;
  };

  beforeAll(async () => {
    t = await startTestApp('reference_server');
    ref = await startReferenceServer({ databaseUrl: t.db.url, poolMax: 4 });
  });
  afterAll(async () => {
    await ref?.close();
    await t?.close();
  });

  it('writes a trade and its audit row as the app does, and answers the same fields', async () => {
    const strategy = await t.admin.api
      .post('/api/strategies')
      .send({ name: 'Reference momentum', type: 'momentum' })
      .expect(201);
    const body = {
      symbol: 'msft',
      side: 'sell',
      quantity: '3.250',
      price: '412.10',
      strategyId: strategy.body.id,
      pnl: '-1.5',
      notes: 'same input',
    };
    const viaApp = await t.api.post('/api/trades').send(body).expect(201);
    const viaRef = await refPost('/api/trades', body).expect(201);
    const strip = (o: Record<string, unknown>) => ({ ...o, id: '-', executedAt: '-' });
    expect(strip(viaRef.body)).toEqual(strip(viaApp.body));
    expect(viaRef.body.strategyName).toBe('Reference momentum');
    // The app reads back what the reference wrote, byte for byte.
    const readBack = await t.api.get(`/api/trades/${viaRef.body.id}`).expect(200);
    expect(readBack.text).toBe(viaRef.text);
    const [appAudit] = await auditOf(viaApp.body.id, '/api/trades');
    const [refAudit] = await auditOf(viaRef.body.id, '/api/trades');
    expect(refAudit).toEqual(appAudit);
  });

  it('pages the same items in the same order, cursor after cursor', async () => {
    for (let i = 0; i < 5; i++) {
      await t.api
        .post('/api/trades')
        .send({ symbol: 'AAPL', side: 'buy', quantity: String(i + 1), price: '10' })
        .expect(201);
    }
    const [trade] = await t.dataSource.query(
      `SELECT id FROM trades WHERE user_id = $1 ORDER BY executed_at LIMIT 1`,
      [t.user.id],
    );
    await t.dataSource.query(
      `INSERT INTO ai_decisions (user_id, symbol, action, confidence, reasoning, executed_trade_id)
       VALUES ($1, 'AAPL', 'buy', 0.875, 'a reason', $2)`,
      [t.user.id, trade.id],
    );
    const pages = async (get: (path: string) => request.Test) => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const r = await get(
          `/api/trades?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        ).expect(200);
        const { nextCursor, ...rest } = JSON.parse(r.text) as { nextCursor: string | null };
        seen.push(JSON.stringify(rest));
        cursor = nextCursor;
      } while (cursor);
      return seen;
    };
    const app = await pages((p) => t.api.get(p));
    const reference = await pages(refGet);
    expect(app.length).toBeGreaterThanOrEqual(4);
    expect(reference).toEqual(app);
    expect(app.join()).toContain('"aiDecision":{"id"');
    // Items are compared as text: the same bytes, not only the same values.
    const first = await t.api.get('/api/trades?limit=3').expect(200);
    const refFirst = await refGet('/api/trades?limit=3').expect(200);
    expect(refFirst.text.replace(/"nextCursor":"[^"]*"/, '')).toBe(
      first.text.replace(/"nextCursor":"[^"]*"/, ''),
    );
  });

  it('stores an Idempotency-Key response the app replays, and replays it itself', async () => {
    const body = { symbol: 'NVDA', side: 'buy', quantity: '1', price: '950.5' };
    const first = await refPost('/api/trades', body, 'ref-key-1').expect(201);
    const again = await refPost('/api/trades', body, 'ref-key-1').expect(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
    const viaApp = await t.api
      .post('/api/trades')
      .set('Idempotency-Key', 'ref-key-1')
      .send(body)
      .expect(201);
    expect(viaApp.headers['idempotent-replayed']).toBe('true');
    expect(viaApp.text).toBe(again.text);
    await refPost('/api/trades', { ...body, quantity: '2' }, 'ref-key-1').expect(422);
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM trades WHERE symbol = 'NVDA'`,
    );
    expect(n).toBe(1);
  });

  it('records fills as the app does: the answer is the app’s order with its fills, overfill refused', async () => {
    const order = await t.api
      .post('/api/orders')
      .send({
        broker: 'alpaca',
        brokerOrderId: 'ref-o-1',
        symbol: 'AAPL',
        side: 'buy',
        type: 'market',
        qty: '10',
      })
      .expect(201);
    const path = `/api/orders/${order.body.id}/fills`;
    await t.api.post(path).send({ qty: '2', price: '10.5', brokerFillId: 'ref-f-1' }).expect(201);
    const viaRef = await refPost(path, { qty: '3', price: '11', brokerFillId: 'ref-f-2' }).expect(
      201,
    );
    const readBack = await t.api.get(`/api/orders/${order.body.id}`).expect(200);
    expect(viaRef.text).toBe(readBack.text);
    expect(viaRef.body).toMatchObject({ filledQty: '5', status: 'partially_filled' });
    expect(viaRef.body.fills).toHaveLength(2);
    const viaApp = await t.api
      .post(path)
      .send({ qty: '1', price: '12', brokerFillId: 'ref-f-3' })
      .expect(201);
    const [appAudit] = await auditOf(order.body.id, path).then((rows) =>
      rows.filter((r) => (r.request_body as { brokerFillId?: string }).brokerFillId === 'ref-f-3'),
    );
    const [refAudit] = await auditOf(order.body.id, path).then((rows) =>
      rows.filter((r) => (r.request_body as { brokerFillId?: string }).brokerFillId === 'ref-f-2'),
    );
    expect({ ...refAudit, request_body: null }).toEqual({ ...appAudit, request_body: null });
    expect(viaApp.body.filledQty).toBe('6');
    await refPost(path, { qty: '5', price: '10' }).expect(409);
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM fills WHERE order_id = $1`,
      [order.body.id],
    );
    expect(n).toBe(3);
  });
});
