import { Client } from 'pg';
import { freePort, runBuiltSync } from '../support/built-app';
import { PgBouncer } from '../support/pgbouncer';
import { describeNeeding } from '../support/required-tool';
import { startTestApp, TestApp } from '../support/test-app';
import { testServerUrl } from '../support/test-server';

/**
 * The app behind PgBouncer in transaction pooling (Debian's 1.18, installed by .ci/run): it must
 * send no startup option PgBouncer refuses and leave no session state on a server connection
 * that the next transaction, maybe another client's, inherits. (The write-heavy suites run
 * through PgBouncer as a whole with TEST_VIA_PGBOUNCER=true, see .ci/run.)
 */
describeNeeding(
  'pgbouncer',
  PgBouncer.available(),
  'apt-get install -y pgbouncer',
)('behind PgBouncer, transaction pooling (e2e)', () => {
  let bouncer: PgBouncer;
  let t: TestApp;

  beforeAll(async () => {
    bouncer = await PgBouncer.start(testServerUrl(), await freePort());
    t = await startTestApp('pgbouncer', { DB_STATEMENT_TIMEOUT_MS: '300' }, undefined, {
      envFor: (db) => ({ DATABASE_URL: bouncer.url(db.name), DB_PGBOUNCER: 'true' }),
    });
  }, 120_000);

  afterAll(async () => {
    await t?.close();
    bouncer?.stop();
  });

  it('cannot even start without DB_PGBOUNCER: the statement timeout would be a startup parameter', async () => {
    const run = runBuiltSync(
      {
        DATABASE_URL: bouncer.url(t.db.name),
        PORT: String(await freePort()),
        LOG_LEVEL: 'error',
      },
      45_000,
    );
    expect(run.status).toBe(1);
    expect(`${run.stdout}${run.stderr}`).toMatch(
      /unsupported startup parameter: statement_timeout/,
    );
  }, 60_000);

  it('serves writes and reads, keeps the timeout inside transactions and nothing outside them', async () => {
    const synced = await t.api.post('/api/positions/sync').send({
      positions: [
        {
          symbol: 'AAPL',
          qty: '3',
          avg_entry_price: '180',
          current_price: '181',
          unrealized_pl: '3',
          side: 'long',
        },
      ],
    });
    expect(synced.status).toBeLessThan(300);
    expect((await t.api.get('/api/positions')).body.items).toHaveLength(1);

    const inside = await t.dataSource.transaction((m) => m.query('SHOW statement_timeout'));
    expect(inside).toEqual([{ statement_timeout: '300ms' }]);
    // Many transactions spread SET LOCAL over PgBouncer's server connections; none keeps it.
    await Promise.all(
      Array.from({ length: 40 }, () =>
        t.dataSource.transaction((m) => m.query('SELECT pg_sleep(0.01)')),
      ),
    );
    const outside = await Promise.all(
      Array.from({ length: 40 }, () => t.dataSource.query('SHOW statement_timeout')),
    );
    for (const rows of outside) expect(rows).not.toEqual([{ statement_timeout: '300ms' }]);
  });

  it('keeps application_name on the server connections PgBouncer opens', async () => {
    const c = new Client({ connectionString: testServerUrl() });
    await c.connect();
    try {
      const r = await c.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND application_name = 'ledgerline'",
        [t.db.name],
      );
      expect(r.rows[0].n).toBeGreaterThan(0);
    } finally {
      await c.end();
    }
  });
});
