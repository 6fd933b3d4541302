import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { startTestApp, TestApp, TestUser } from '../support/test-app';

/** Values the other users must not learn from a 409 (each test uses fresh ones). */
const key = (label: string) => `${label}-${randomBytes(4).toString('hex')}`;

const order = (over: Record<string, unknown> = {}) => ({
  broker: 'alpaca',
  brokerOrderId: key('bo'),
  symbol: 'AAPL',
  side: 'buy',
  type: 'limit',
  qty: '100',
  limitPrice: '187.5',
  ...over,
});

/** A conflict names the field and the constraint; the value appears nowhere in the body. */
function expectConflictWithout(body: Record<string, unknown>, value: string): void {
  expect(body.code).toBe('UNIQUE_VIOLATION');
  expect(JSON.stringify(body)).not.toContain(value);
}

/**
 * Client-chosen keys are unique per owner (issue 23, hole 5): another user's use of a value is
 * neither refused nor revealed, and the platform's own work-item keys cannot be taken by a user.
 */
describe('client-chosen keys are unique per owner (e2e)', () => {
  let t: TestApp;
  let a: TestUser;
  let b: TestUser;
  let platform: ReturnType<typeof serviceClient>;

  function serviceClient(apiKey: string) {
    const auth = (r: request.Test) => r.set('Authorization', `Bearer ${apiKey}`);
    return {
      get: (url: string) => auth(t.http.get(url)),
      post: (url: string) => auth(t.http.post(url)),
    };
  }

  beforeAll(async () => {
    t = await startTestApp('tenant_keys');
    a = t.user;
    b = await t.newUser('bee');
    const issued = await t.admin.api
      .post('/api/admin/api-keys')
      .send({ name: key('scheduler'), scopes: ['platform:write'] })
      .expect(201);
    platform = serviceClient(issued.body.key);
  });
  afterAll(async () => t?.close());

  const decisionOf = async (u: TestUser) =>
    (await u.api.post('/api/ai-decisions').send({ symbol: 'AAPL', action: 'buy' }).expect(201)).body
      .id as string;

  describe('orders', () => {
    it('lets two users hold the same clientOrderId and brokerOrderId', async () => {
      const keys = { clientOrderId: key('co'), brokerOrderId: key('bo') };
      const fromA = await a.api.post('/api/orders').send(order(keys)).expect(201);
      const fromB = await b.api.post('/api/orders').send(order(keys)).expect(201);
      expect(fromA.body).toMatchObject(keys);
      expect(fromB.body).toMatchObject(keys);
      expect(fromB.body.id).not.toBe(fromA.body.id);
    });

    it('refuses the owner a second order with its clientOrderId, naming the field, not the value', async () => {
      const clientOrderId = key('co');
      await a.api.post('/api/orders').send(order({ clientOrderId })).expect(201);
      const r = await a.api.post('/api/orders').send(order({ clientOrderId })).expect(409);
      expectConflictWithout(r.body, clientOrderId);
      expect(r.body.details).toEqual({
        constraint: 'orders_user_id_client_order_id_unique',
        fields: ['clientOrderId'],
      });
      expect(r.body.message).toBe('order with this clientOrderId already exists');
    });

    it('refuses the owner a second order with its brokerOrderId, without the value', async () => {
      const brokerOrderId = key('bo');
      await b.api.post('/api/orders').send(order({ brokerOrderId })).expect(201);
      const r = await b.api.post('/api/orders').send(order({ brokerOrderId })).expect(409);
      expectConflictWithout(r.body, brokerOrderId);
      expect(r.body.details.fields).toEqual(['brokerOrderId']);
    });

    it('keeps Idempotency-Key per caller: the same key from two users is two requests', async () => {
      const idem = key('idem');
      const fromA = await a.api
        .post('/api/orders')
        .set('Idempotency-Key', idem)
        .send(order())
        .expect(201);
      const fromB = await b.api
        .post('/api/orders')
        .set('Idempotency-Key', idem)
        .send(order())
        .expect(201);
      expect(fromB.headers['idempotent-replayed']).toBeUndefined();
      expect(fromB.body.id).not.toBe(fromA.body.id);
    });
  });

  describe('fills', () => {
    it('lets two users record fills with the same brokerFillId', async () => {
      const brokerFillId = key('fill');
      for (const u of [a, b]) {
        const id = (await u.api.post('/api/orders').send(order()).expect(201)).body.id;
        const r = await u.api
          .post(`/api/orders/${id}/fills`)
          .send({ qty: '1', price: '10', brokerFillId })
          .expect(201);
        expect(r.body.fills.map((f: { brokerFillId: string }) => f.brokerFillId)).toEqual([
          brokerFillId,
        ]);
      }
    });

    it('refuses one owner the same broker fill twice, even under another of its orders', async () => {
      const brokerFillId = key('fill');
      const first = (await a.api.post('/api/orders').send(order()).expect(201)).body.id;
      const second = (await a.api.post('/api/orders').send(order()).expect(201)).body.id;
      await a.api
        .post(`/api/orders/${first}/fills`)
        .send({ qty: '1', price: '10', brokerFillId })
        .expect(201);
      for (const id of [first, second]) {
        const r = await a.api
          .post(`/api/orders/${id}/fills`)
          .send({ qty: '1', price: '10', brokerFillId })
          .expect(409);
        expectConflictWithout(r.body, brokerFillId);
        expect(r.body.details).toEqual({
          constraint: 'fills_owner_id_broker_fill_id_unique',
          fields: ['brokerFillId'],
        });
      }
      // Nothing of the refused fills was folded into the orders.
      expect((await a.api.get(`/api/orders/${first}`).expect(200)).body.filledQty).toBe('1');
      const untouched = (await a.api.get(`/api/orders/${second}`).expect(200)).body;
      expect(untouched).toMatchObject({ filledQty: null, status: 'new', fills: [] });
    });
  });

  describe('work items', () => {
    it('lets two users use the same idempotencyKey under their own decisions', async () => {
      const idempotencyKey = key('wi');
      for (const u of [a, b]) {
        const decisionId = await decisionOf(u);
        await u.api
          .post('/api/work-items')
          .send({ type: 'exec', decisionId, idempotencyKey })
          .expect(201);
      }
    });

    it('refuses one owner the same key twice, across its decisions, without the value', async () => {
      const idempotencyKey = key('wi');
      await a.api
        .post('/api/work-items')
        .send({ type: 'exec', decisionId: await decisionOf(a), idempotencyKey })
        .expect(201);
      const r = await a.api
        .post('/api/work-items')
        .send({ type: 'exec', decisionId: await decisionOf(a), idempotencyKey })
        .expect(409);
      expectConflictWithout(r.body, idempotencyKey);
      expect(r.body.details).toEqual({
        constraint: 'work_items_owner_id_idempotency_key_unique',
        fields: ['idempotencyKey'],
      });
    });

    it('keeps the platform’s keys its own: a user cannot squat them, before or after', async () => {
      // The platform's key exists first: a user's item with it is the user's, the platform's
      // row is untouched, and the platform still gets its 409 for its own duplicate.
      const scheduled = `sync:AAPL:${key('day')}`;
      const platformItem = (
        await platform
          .post('/api/work-items')
          .send({ type: 'sync', idempotencyKey: scheduled })
          .expect(201)
      ).body;
      expect(platformItem.decisionId).toBeNull();
      const usersItem = await a.api
        .post('/api/work-items')
        .send({ type: 'sync', decisionId: await decisionOf(a), idempotencyKey: scheduled })
        .expect(201);
      expect(usersItem.body.id).not.toBe(platformItem.id);
      expect((await platform.get(`/api/work-items/${platformItem.id}`).expect(200)).body).toEqual(
        platformItem,
      );
      const again = await platform
        .post('/api/work-items')
        .send({ type: 'sync', idempotencyKey: scheduled })
        .expect(409);
      expect(again.body.details.constraint).toBe('work_items_platform_idempotency_key_unique');

      // The user takes tomorrow's key first: the platform can still create it.
      const tomorrow = `sync:AAPL:${key('day')}`;
      await b.api
        .post('/api/work-items')
        .send({ type: 'sync', decisionId: await decisionOf(b), idempotencyKey: tomorrow })
        .expect(201);
      await platform
        .post('/api/work-items')
        .send({ type: 'sync', idempotencyKey: tomorrow })
        .expect(201);
    });

    it('moves an item into its new owner’s scope when an admin re-points its decision', async () => {
      const idempotencyKey = key('wi');
      await b.api
        .post('/api/work-items')
        .send({ type: 'exec', decisionId: await decisionOf(b), idempotencyKey })
        .expect(201);
      const item = (
        await a.api
          .post('/api/work-items')
          .send({ type: 'exec', decisionId: await decisionOf(a), idempotencyKey })
          .expect(201)
      ).body.id;
      // Under one of B's decisions, A's item would be B's second item with that key.
      const r = await t.admin.api
        .patch(`/api/work-items/${item}`)
        .send({ decisionId: await decisionOf(b) })
        .expect(409);
      expectConflictWithout(r.body, idempotencyKey);
    });
  });
});
