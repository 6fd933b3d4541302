import { Client } from 'pg';
import { freePort, RunningServer, startBuilt, stopAllBuilt } from '../support/built-app';
import { PgCluster } from '../support/pg-cluster';
import { until, untilStatus } from '../support/until';

/**
 * The database server stops entirely (as in a crash: `pg_ctl stop -m immediate`) while writes
 * run, then starts again. The app is not restarted. Properties: every request answers 2xx or a
 * contract 503; readiness reports the outage and then recovers by itself; every write that was
 * answered 2xx survives, and none that failed left anything behind.
 */
describe('database outage and return (built process, own cluster)', () => {
  let cluster: PgCluster;
  let server: RunningServer;
  let dbUrl: string;
  beforeAll(async () => {
    cluster = new PgCluster(await freePort());
    cluster.init();
    cluster.start();
    dbUrl = await cluster.createDatabase('outage');
    server = await startBuilt({
      DATABASE_URL: dbUrl,
      PORT: String(await freePort()),
      ADMIN_USERNAME: 'outage',
      ADMIN_PASSWORD: 'outage admin password',
      DB_CONNECT_TIMEOUT_MS: '1000',
    });
  }, 120_000);
  afterAll(async () => {
    await stopAllBuilt();
    cluster?.destroy();
  });

  it('answers 503 during the outage and recovers without a restart, losing no acknowledged write', async () => {
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'outage', password: 'outage admin password' }),
    });
    const { token } = (await login.json()) as { token: string };
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
    const create = async (i: number) => {
      const r = await fetch(`${server.url}/api/trades`, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          symbol: 'OUT',
          side: 'buy',
          quantity: 1,
          price: 1,
          notes: `outage-${i}`,
        }),
      });
      return { i, status: r.status, body: (await r.json()) as { code?: string } };
    };

    // Writes keep coming while the server dies and comes back.
    const results: Array<{ i: number; status: number; body: { code?: string } }> = [];
    let writing = true;
    const writer = (async () => {
      for (let i = 0; writing; i++) results.push(await create(i));
    })();
    await until('a write was acknowledged before the crash', () =>
      results.some((r) => r.status === 201) ? true : undefined,
    );
    cluster.stop('immediate');

    const ready = await fetch(`${server.url}/api/health/ready`);
    expect(ready.status).toBe(503);
    expect(((await ready.json()) as { code: string }).code).toBe('DATABASE_UNAVAILABLE');
    const during = await create(-1);
    results.push(during);
    expect(during.status).toBe(503);
    expect(during.body.code).toBe('DATABASE_UNAVAILABLE');

    // The writer itself must have met the outage, or the property below would hold vacuously.
    await until('the writer got a 503 during the outage', () =>
      results.some((r) => r.status === 503) ? true : undefined,
    );
    cluster.start();
    await untilStatus('readiness recovers', () => fetch(`${server.url}/api/health/ready`), 200);
    const answeredBefore = results.length;
    await until('the writer is acknowledged again after the return', () =>
      results.slice(answeredBefore).some((r) => r.status === 201) ? true : undefined,
    );
    writing = false;
    await writer;

    const after = await create(10_000);
    results.push(after);
    expect(after.status).toBe(201);

    const c = new Client({ connectionString: dbUrl });
    await c.connect();
    const stored = (await c.query(`SELECT notes FROM trades WHERE notes LIKE 'outage-%'`)).rows.map(
      (r: { notes: string }) => r.notes,
    );
    await c.end();
    // Every write, the writer's and the two above, is in `results`: answered 201, or refused 503.
    expect(
      results.filter(
        (r) => !(r.status === 201 || (r.status === 503 && r.body.code === 'DATABASE_UNAVAILABLE')),
      ),
    ).toEqual([]);
    expect(results.filter((r) => r.status === 503).length).toBeGreaterThan(1);
    const acknowledged = results.filter((r) => r.status === 201).map((r) => `outage-${r.i}`);
    expect(acknowledged).toContain('outage-10000');
    // Every acknowledged write survived the crash; nothing else appeared except possibly writes
    // whose commit reached the server but whose answer was lost with the connection.
    expect(stored).toEqual(expect.arrayContaining(acknowledged));
    expect(stored.filter((n: string) => !acknowledged.includes(n)).length).toBeLessThanOrEqual(1);
    process.stdout.write(
      `outage: ${results.length} writes, ${acknowledged.length} acknowledged, ${results.length - acknowledged.length} answered 503\n`,
    );
  }, 120_000);
});
