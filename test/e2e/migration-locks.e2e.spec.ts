import { Client } from 'pg';
import { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import { buildDataSourceOptions } from '../../src/database/data-source-options';
import { runMigrationsSafely } from '../../src/database/migrate';
import { insertRow, metadataOf } from '../support/fixtures';
import { startMigratedDatabase, MigratedDatabase } from '../support/test-datasource';
import { until } from '../support/until';

/**
 * Migrations that cannot lock production: a migration adding a column (transactional, runs with
 * a lock timeout and retries) and one adding an index (CONCURRENTLY) are applied to `trades`
 * while 16 writers insert trades. No write may wait more than a second or fail, also while a
 * long transaction keeps the ALTER from getting its lock.
 */
class AddTradeNote1799000000000 implements MigrationInterface {
  name = 'AddTradeNote1799000000000';
  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "trades" ADD COLUMN "test_note" text');
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "trades" DROP COLUMN "test_note"');
  }
}

class IndexTradeNote1799000000001 implements MigrationInterface {
  name = 'IndexTradeNote1799000000001';
  transaction = false as const;
  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE INDEX CONCURRENTLY IF NOT EXISTS "idx_trades_test_note" ON "trades" ("test_note")',
    );
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX IF EXISTS "idx_trades_test_note"');
  }
}

const WRITERS = 16;

describe('migrations under write load (e2e)', () => {
  let m: MigratedDatabase;
  let userId: string;

  beforeAll(async () => {
    m = await startMigratedDatabase('migration_locks');
    userId = String((await insertRow(m.dataSource.manager, metadataOf(m.dataSource, 'users'))).id);
  });
  afterAll(async () => m?.close());

  /** The app's migrations plus the two above, on a data source of their own. */
  async function migrationSource(): Promise<DataSource> {
    const base = buildDataSourceOptions({
      url: m.db.url,
      poolMax: 2,
      connectTimeoutMs: 5000,
      idleTimeoutMs: 10000,
      statementTimeoutMs: 15000,
      migrationsRun: false,
    });
    const ds = new DataSource({
      ...base,
      migrations: [
        ...(base.migrations as string[]),
        AddTradeNote1799000000000,
        IndexTradeNote1799000000001,
      ],
    });
    return ds.initialize();
  }

  /** 16 connections inserting trades one after another until stopped; each write's duration. */
  async function startWriters() {
    const clients = await Promise.all(
      Array.from({ length: WRITERS }, async () => {
        const c = new Client({ connectionString: m.db.url });
        await c.connect();
        return c;
      }),
    );
    const durations: number[] = [];
    const errors: string[] = [];
    let running = true;
    const loops = clients.map(async (c) => {
      while (running) {
        const started = performance.now();
        try {
          await c.query(
            `INSERT INTO trades (user_id, symbol, side, quantity, price, executed_at)
             VALUES ($1, 'AAPL', 'buy', 1, 187.5, now())`,
            [userId],
          );
          durations.push(performance.now() - started);
        } catch (e) {
          errors.push((e as Error).message);
        }
      }
    });
    return {
      durations,
      async stop() {
        running = false;
        await Promise.all(loops);
        await Promise.all(clients.map((c) => c.end()));
        return { durations, errors, max: Math.max(...durations) };
      },
    };
  }

  async function revertTestMigrations(ds: DataSource): Promise<void> {
    await ds.undoLastMigration();
    await ds.undoLastMigration();
  }

  it('adds a column and an index while 16 writers write: none fails, none waits a second', async () => {
    const ds = await migrationSource();
    const writers = await startWriters();
    await until('writers writing', () => (writers.durations.length > 200 ? true : undefined));
    const applied = await runMigrationsSafely(ds, { lockTimeoutMs: 2000, attempts: 10 });
    await until('more writes after the migrations', () =>
      writers.durations.length > 400 ? true : undefined,
    );
    const result = await writers.stop();
    expect(applied).toEqual(['AddTradeNote1799000000000', 'IndexTradeNote1799000000001']);
    expect(result.errors).toEqual([]);
    expect(result.max).toBeLessThan(1000);
    const [index] = await m.dataSource.query(
      `SELECT indisvalid FROM pg_index WHERE indexrelid = 'idx_trades_test_note'::regclass`,
    );
    expect(index.indisvalid).toBe(true);
    process.stdout.write(
      `migration under ${WRITERS} writers: ${result.durations.length} writes, slowest ${result.max.toFixed(1)} ms\n`,
    );
    await revertTestMigrations(ds);
    await ds.destroy();
  }, 120_000);

  /** A report that keeps a transaction open on trades (ACCESS SHARE) for `holdMs`. */
  async function longReader(holdMs: number): Promise<{ released: Promise<void> }> {
    const c = new Client({ connectionString: m.db.url });
    await c.connect();
    await c.query('BEGIN');
    await c.query('SELECT count(*) FROM trades');
    // Wrapped: an async function returning the bare promise would wait for it.
    const released = new Promise<void>((resolve) =>
      setTimeout(() => {
        void c
          .query('COMMIT')
          .then(() => c.end())
          .then(resolve);
      }, holdMs),
    );
    return { released };
  }

  it('gives up the lock and retries while a long transaction holds the table, so writers never queue behind it', async () => {
    const ds = await migrationSource();
    const writers = await startWriters();
    await until('writers writing', () => (writers.durations.length > 200 ? true : undefined));
    const { released } = await longReader(3000);
    const retries: string[] = [];
    const applied = await runMigrationsSafely(ds, {
      lockTimeoutMs: 200,
      attempts: 20,
      backoffMs: 200,
      log: (line) => retries.push(line),
    });
    await released;
    const result = await writers.stop();
    expect(applied).toEqual(['AddTradeNote1799000000000', 'IndexTradeNote1799000000001']);
    // It did wait for the reader: at least one attempt timed out and was retried.
    expect(retries.length).toBeGreaterThan(0);
    expect(result.errors).toEqual([]);
    expect(result.max).toBeLessThan(1000);
    process.stdout.write(
      `migration behind a 3 s transaction: ${retries.length} retries, ${result.durations.length} writes, slowest ${result.max.toFixed(1)} ms\n`,
    );
    await revertTestMigrations(ds);
    await ds.destroy();
  }, 120_000);

  it('without a lock timeout, the same ALTER queues every writer behind the long transaction (what the timeout prevents)', async () => {
    const ds = await migrationSource();
    const writers = await startWriters();
    await until('writers writing', () => (writers.durations.length > 200 ? true : undefined));
    const { released } = await longReader(2500);
    // A lock timeout longer than the reader's transaction: the ALTER just waits for it.
    await runMigrationsSafely(ds, { lockTimeoutMs: 60_000, attempts: 1 });
    await released;
    const result = await writers.stop();
    expect(result.errors).toEqual([]);
    expect(result.max).toBeGreaterThan(1000);
    await revertTestMigrations(ds);
    await ds.destroy();
  }, 120_000);
});
