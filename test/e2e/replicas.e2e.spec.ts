import request from 'supertest';
import { createApp } from '../../src/app.factory';
import { StreamingPair } from '../support/replication';
import { describeNeeding } from '../support/required-tool';
import { startTestApp, TestApp, TestUser } from '../support/test-app';
import { until, untilStatus } from '../support/until';

/**
 * Reads on a streaming replica that applies WAL 300 ms late: a caller who just wrote reads its
 * write at once (routed to the primary until the replica has replayed it), everybody else's plain
 * reads are served by the replica (counted in the replica's own pg_stat_statements), and a
 * replica outage only costs the primary some load.
 */
const APPLY_DELAY_MS = 300;
// The trade reads (page and single) as the app writes them: FROM trades t.
const TRADES = '%FROM trades t%';

interface ReplicaMember {
  name: string;
  up: boolean;
  lagBytes: number | null;
  reason: string | null;
}

describeNeeding(
  'PostgreSQL 15 server binaries',
  StreamingPair.available(),
  'apt-get install -y postgresql-15',
)('reads on a streaming replica (e2e)', () => {
  let pair: StreamingPair;
  let t: TestApp;
  let other: TestUser;

  const replicaMember = async (): Promise<{ status: number; member: ReplicaMember }> => {
    const r = await t.http.get('/api/health/ready');
    return { status: r.status, member: r.body?.info?.replicas?.members?.[0] as ReplicaMember };
  };
  const replicaCalls = () => pair.replicaCalls(t.db.name, TRADES);
  const createTrade = async (user: TestUser) => {
    const r = await user.api
      .post('/api/trades')
      .send({ symbol: 'AAPL', side: 'buy', quantity: 1, price: '187.5' });
    expect(r.status).toBe(201);
    return r;
  };

  beforeAll(async () => {
    pair = await StreamingPair.start(APPLY_DELAY_MS);
    t = await startTestApp('replicas', {}, undefined, {
      server: pair.primary.url(),
      envFor: (db) => ({ DATABASE_REPLICA_URLS: pair.replicaUrl(db.name) }),
    });
    other = await t.newUser('other');
    // The test database reaches the replica 300 ms after its creation, migrations after that.
    await until(
      'the replica in rotation',
      async () => ((await replicaMember()).member?.up ? true : undefined),
      60_000,
    );
  }, 180_000);

  afterAll(async () => {
    await t?.close();
    pair?.destroy();
  });

  it('shows a caller its own writes at once, 30 times in a row, while other callers read the replica', async () => {
    const before = await replicaCalls();
    for (let i = 0; i < 30; i++) {
      const created = await createTrade(t.user);
      expect(created.headers['x-ledgerline-lsn']).toMatch(/^[0-9A-F]+\/[0-9A-F]+$/);
      const id = created.body.id as string;

      const one = await t.api.get(`/api/trades/${id}`);
      expect(one.status).toBe(200);
      expect(one.body.id).toBe(id);
      const list = await t.api.get('/api/trades?limit=100');
      expect(list.status).toBe(200);
      expect(list.body.items).toHaveLength(i + 1);
      expect(list.body.items[0].id).toBe(id);

      expect((await other.api.get('/api/trades?limit=100')).status).toBe(200);
    }
    // Every one of the other caller's 30 list reads ran on the replica.
    expect((await replicaCalls()) - before).toBeGreaterThanOrEqual(30);
  });

  it('keeps read-your-writes across app instances through the X-Ledgerline-Lsn header', async () => {
    const second = await createApp(t.config, false);
    await second.init();
    try {
      const http2 = request(second.getHttpServer());
      for (let i = 0; i < 10; i++) {
        const created = await createTrade(t.user);
        const r = await http2
          .get(`/api/trades/${created.body.id}`)
          .set('Authorization', `Bearer ${t.user.token}`)
          .set('X-Ledgerline-Lsn', created.headers['x-ledgerline-lsn']);
        expect(r.status).toBe(200);
      }
      const bad = await http2
        .get('/api/trades')
        .set('Authorization', `Bearer ${t.user.token}`)
        .set('X-Ledgerline-Lsn', 'yesterday');
      expect(bad.status).toBe(400);
      expect(bad.body.code).toBe('VALIDATION_FAILED');
    } finally {
      await second.close();
    }
  });

  it('starts and serves with a replica that is down from the start', async () => {
    const config = {
      ...t.config,
      replicas: { ...t.config.replicas, urls: ['postgres://postgres@127.0.0.1:1/nowhere'] },
    };
    const third = await createApp(config, false);
    await third.init();
    try {
      const http3 = request(third.getHttpServer());
      const ready = await http3.get('/api/health/ready');
      expect(ready.status).toBe(200);
      expect(ready.body.info.replicas).toMatchObject({ degraded: true, inRotation: 0 });
      const r = await http3.get('/api/trades').set('Authorization', `Bearer ${other.token}`);
      expect(r.status).toBe(200);
    } finally {
      await third.close();
    }
  });

  it('exports the replica lag in /metrics and /api/admin/db/stats', async () => {
    const metrics = await t.http.get('/metrics');
    expect(metrics.text).toMatch(/db_replica_lag_bytes\{replica="replica-1"\} \d+/);
    expect(metrics.text).toMatch(/db_replica_lag_seconds\{replica="replica-1"\} [\d.]+/);
    expect(metrics.text).toMatch(/db_replica_up\{replica="replica-1"\} 1/);
    expect(metrics.text).toMatch(/db_reads_routed_total\{target="replica-1"\} \d+/);
    const stats = await t.admin.api.get('/api/admin/db/stats');
    expect(stats.status).toBe(200);
    expect(stats.body.replicas).toEqual([
      expect.objectContaining({ name: 'replica-1', up: true, lagBytes: expect.any(Number) }),
    ]);
  });

  it('answers from the primary within 2 s of the replica stopping, stays ready, and returns to the replica', async () => {
    pair.replica.stop('fast');
    await untilStatus(
      'a read answered without the replica',
      () => other.api.get('/api/trades'),
      200,
      2_000,
    );
    const down = await until(
      'the replica out of rotation',
      async () => {
        const r = await replicaMember();
        return r.member.up ? undefined : r;
      },
      2_000,
    );
    expect(down.status).toBe(200);
    expect(down.member.reason).toEqual(expect.any(String));
    for (let i = 0; i < 10; i++) expect((await other.api.get('/api/trades')).status).toBe(200);

    pair.replica.start();
    await until(
      'the replica back in rotation',
      async () => ((await replicaMember()).member.up ? true : undefined),
      60_000,
    );
    const before = await replicaCalls();
    for (let i = 0; i < 5; i++) expect((await other.api.get('/api/trades')).status).toBe(200);
    expect((await replicaCalls()) - before).toBeGreaterThanOrEqual(5);
  }, 120_000);
});
