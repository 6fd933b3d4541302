import { Client } from 'pg';
import { freePort, startBuilt, stopAllBuilt, RunningServer } from '../support/built-app';
import { PgCluster, SYSTEM_PG_BIN } from '../support/pg-cluster';
import { BackupRepo } from '../support/pgbackrest';
import { describeNeeding } from '../support/required-tool';
import { until } from '../support/until';

/**
 * Point-in-time recovery with pgBackRest, as docs/OPERATIONS.md sets it up: a cluster of the
 * test's own archives its WAL into an encrypted repository, gets a full backup, then the app
 * (migrated after the backup, so the restore replays the migrations too) writes marker rows
 * through the API. Restoring to a time between two markers, and to a named restore point taken
 * before a "migration", must bring back exactly the rows committed before the target.
 */
const ADMIN = { username: 'backupadmin', password: 'a long admin password' };

describeNeeding(
  'pgbackrest',
  BackupRepo.available(),
  'apt-get install -y pgbackrest',
)('backups and point-in-time restore with pgBackRest (e2e)', () => {
  let primary: PgCluster;
  let repo: BackupRepo;
  let app: RunningServer;
  let token: string;
  const restored: PgCluster[] = [];

  const sql = async <T>(cluster: PgCluster, text: string, params: unknown[] = []): Promise<T[]> => {
    const c = new Client({ connectionString: cluster.url('ledgerline') });
    await c.connect();
    try {
      return (await c.query(text, params)).rows as T[];
    } finally {
      await c.end();
    }
  };

  const marker = async (name: string): Promise<void> => {
    const r = await fetch(`${app.url}/api/strategies`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name, type: 'momentum', assets: ['AAPL'] }),
    });
    expect(r.status).toBe(201);
  };

  const markersIn = async (cluster: PgCluster): Promise<string[]> =>
    (
      await sql<{ name: string }>(
        cluster,
        `SELECT name FROM strategies WHERE name LIKE 'marker-%' ORDER BY name`,
      )
    ).map((r) => r.name);

  /** A new cluster restored from the repository to `target`, started; its restore time in ms. */
  const restore = async (target: {
    type: 'time' | 'name';
    target: string;
  }): Promise<{ cluster: PgCluster; ms: number }> => {
    const started = Date.now();
    const port = await freePort();
    const cluster = new PgCluster(port, {
      bin: SYSTEM_PG_BIN,
      // hot_standby off: no query can run mid-replay and see a half-restored database.
      flags: `-c archive_mode=off -c hot_standby=off -c unix_socket_directories=/tmp`,
    });
    restored.push(cluster);
    repo.restoreInto(cluster, target);
    cluster.start();
    // pg_ctl -w returns while WAL is still replayed: done once the server was promoted.
    await until('the restored server promoted', async () => {
      try {
        const [r] = await sql<{ recovering: boolean }>(
          cluster,
          'SELECT pg_is_in_recovery() AS recovering',
        );
        return r.recovering ? undefined : true;
      } catch {
        return undefined; // not accepting connections until recovery ends (hot_standby off)
      }
    });
    return { cluster, ms: Date.now() - started };
  };

  beforeAll(async () => {
    primary = new PgCluster(await freePort(), { bin: SYSTEM_PG_BIN });
    primary.init();
    repo = new BackupRepo(primary);
    repo.configureArchiving();
    primary.start();
    await primary.createDatabase('ledgerline');
    repo.run('stanza-create');
    repo.run('check');
    repo.run('backup', '--type=full');

    app = await startBuilt({
      PORT: String(await freePort()),
      DATABASE_URL: primary.url('ledgerline'),
      ADMIN_USERNAME: ADMIN.username,
      ADMIN_PASSWORD: ADMIN.password,
      MAINTENANCE_INTERVAL_MINUTES: '0',
    });
    const login = await fetch(`${app.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ADMIN),
    });
    token = ((await login.json()) as { token: string }).token;
  }, 180_000);

  afterAll(async () => {
    await stopAllBuilt();
    for (const c of restored) c.destroy();
    primary?.destroy();
    repo?.destroy();
  });

  it('restores to a time between two writes, and to a restore point named before a migration', async () => {
    await marker('marker-1');
    // The target lies after marker-1's commit and before marker-2's, by the server's own clock.
    const [{ t }] = await sql<{ t: string }>(
      primary,
      `SELECT to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') || '+00' AS t`,
    );
    await marker('marker-2');
    await sql(primary, `SELECT pg_create_restore_point('before-migration-1797000000000')`);
    await marker('marker-3');

    // `check` switches to a new WAL segment and waits until it is in the repository: every write
    // above is archived. The RPO of this setup is what is not yet archived at a failure: at most
    // archive_timeout (60 s) of commits, less when a segment fills first.
    const archivedFrom = Date.now();
    repo.run('check');
    const archiveMs = Date.now() - archivedFrom;
    expect(await markersIn(primary)).toEqual(['marker-1', 'marker-2', 'marker-3']);

    const byTime = await restore({ type: 'time', target: t });
    expect(await markersIn(byTime.cluster)).toEqual(['marker-1']);
    // The restored server is a working primary on a new timeline: it takes writes.
    await sql(
      byTime.cluster,
      `UPDATE strategies SET description = 'restored' WHERE name = 'marker-1'`,
    );

    const byName = await restore({ type: 'name', target: 'before-migration-1797000000000' });
    expect(await markersIn(byName.cluster)).toEqual(['marker-1', 'marker-2']);

    // Every file in the repository (backups and archive) reads back and matches its checksum.
    repo.run('verify');

    process.stdout.write(
      `pgBackRest: WAL switch + archive wait ${archiveMs} ms; restore to a time ${byTime.ms} ms, ` +
        `to a restore point ${byName.ms} ms (restore + WAL replay + start)\n`,
    );
  }, 300_000);
});
