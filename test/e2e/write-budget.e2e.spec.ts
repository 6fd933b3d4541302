import { QueryCounter, Statement } from '../../bench/query-counter';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Statement budgets of the write routes, counted at the pg client: what one request sends once
 * its session is known. Every write is one transaction holding its change, its audit row and
 * (with an Idempotency-Key) its stored response; round trips beyond that are what a budget here
 * refuses. The read budgets are in trades.e2e.spec.ts.
 */
describe('write statement budgets (e2e)', () => {
  let t: TestApp;
  const counter = new QueryCounter();
  const texts = (s: Statement[]) => s.map((x) => x.text.replace(/\s+/g, ' ').trim());

  /** The statements are exactly one transaction, with the audit row inside it. */
  function oneAuditedTransaction(statements: Statement[]): string[] {
    const sql = texts(statements);
    expect(sql[0]).toBe('START TRANSACTION');
    expect(sql[sql.length - 1]).toBe('COMMIT');
    expect(sql.filter((s) => /INSERT INTO audit_logs/.test(s))).toHaveLength(1);
    return sql.slice(1, -1);
  }

  beforeAll(async () => {
    t = await startTestApp('write_budget', { AUTH_CACHE_SECONDS: '3600' });
    counter.install();
    await t.api.get('/api/trades').expect(200); // the session is known from here on
  });
  afterAll(async () => {
    counter.uninstall();
    await t.close();
  });

  const trade = { symbol: 'AAPL', side: 'buy', quantity: '1', price: '10.5' };

  it('POST /api/trades with an Idempotency-Key: claim, insert answering the enriched trade, audit row storing the response (5 with BEGIN/COMMIT)', async () => {
    const { result, statements } = await counter.during(() =>
      t.api.post('/api/trades').set('Idempotency-Key', 'budget-1').send(trade).expect(201),
    );
    expect(result.body).toMatchObject({ symbol: 'AAPL', strategyName: null, aiDecision: null });
    const inside = oneAuditedTransaction(statements);
    expect(inside).toHaveLength(3);
    expect(inside[0]).toMatch(/^INSERT INTO idempotency_keys .* ON CONFLICT/);
    expect(inside[1]).toMatch(/^WITH t AS \(INSERT INTO trades/);
    expect(inside[2]).toMatch(
      /^WITH stored AS \(UPDATE idempotency_keys .* INSERT INTO audit_logs/,
    );
  });

  it('the replay of that POST runs nothing: the claim and the stored row (at most 5)', async () => {
    const { result, statements } = await counter.during(() =>
      t.api.post('/api/trades').set('Idempotency-Key', 'budget-1').send(trade).expect(201),
    );
    expect(result.headers['idempotent-replayed']).toBe('true');
    expect(texts(statements).filter((s) => /INSERT INTO trades/.test(s))).toHaveLength(0);
    expect(statements.length).toBeLessThanOrEqual(5);
  });

  it('POST /api/trades without a key: insert and audit (4 with BEGIN/COMMIT)', async () => {
    const { statements } = await counter.during(() =>
      t.api.post('/api/trades').send(trade).expect(201),
    );
    expect(oneAuditedTransaction(statements)).toHaveLength(2);
  });

  it('POST /api/orders: insert and audit (4)', async () => {
    const { statements } = await counter.during(() =>
      t.api
        .post('/api/orders')
        .send({
          broker: 'alpaca',
          brokerOrderId: 'b-1',
          symbol: 'AAPL',
          side: 'buy',
          qty: '10',
          type: 'market',
        })
        .expect(201),
    );
    expect(oneAuditedTransaction(statements)).toHaveLength(2);
  });

  it('POST /api/orders/:id/fills: the order locked (fills of one order are serialised), fill, totals, the order read back, audit (7)', async () => {
    const order = await t.api
      .post('/api/orders')
      .send({
        broker: 'alpaca',
        brokerOrderId: 'b-2',
        symbol: 'AAPL',
        side: 'buy',
        qty: '10',
        type: 'market',
      })
      .expect(201);
    const { statements } = await counter.during(() =>
      t.api
        .post(`/api/orders/${order.body.id}/fills`)
        .send({ qty: '1', price: '10', brokerFillId: 'f-1' })
        .expect(201),
    );
    const inside = oneAuditedTransaction(statements);
    expect(inside).toHaveLength(5);
    expect(inside[0]).toMatch(/FOR UPDATE$/);
  });
});
