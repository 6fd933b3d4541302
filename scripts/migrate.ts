import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '../src/config/app-config';
import { buildDataSourceOptions } from '../src/database/data-source-options';
import { runMigrationsSafely } from '../src/database/migrate';

/**
 * `npm run migration:run`: applies the pending migrations on DATABASE_URL the way the server does
 * at start-up: each transactional migration with MIGRATION_LOCK_TIMEOUT_MS and retried up to
 * MIGRATION_LOCK_ATTEMPTS times when it could not get its lock (src/database/migrate.ts).
 * Exit 0 when everything is applied, 1 when a migration failed, 2 when it cannot run.
 */
async function main(): Promise<number> {
  const config = loadConfig(process.env);
  if (!config.databaseUrl) {
    process.stderr.write('DATABASE_URL is not set\n');
    return 2;
  }
  const ds = new DataSource(
    buildDataSourceOptions({
      url: config.databaseUrl,
      ...config.db,
      poolMax: 2,
      migrationsRun: false,
      applicationName: 'ledgerline-migrate',
    }),
  );
  await ds.initialize();
  try {
    const applied = await runMigrationsSafely(ds, {
      ...config.migrations,
      pgbouncer: config.db.pgbouncer,
      log: (line) => process.stderr.write(`${line}\n`),
    });
    process.stdout.write(
      applied.length === 0
        ? 'no pending migrations\n'
        : `applied:\n${applied.map((n) => `  ${n}`).join('\n')}\n`,
    );
    return 0;
  } catch (e) {
    process.stderr.write(`migration failed: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  } finally {
    await ds.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(2);
  },
);
