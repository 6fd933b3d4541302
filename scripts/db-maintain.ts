import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '../src/config/app-config';
import { buildDataSourceOptions } from '../src/database/data-source-options';
import { runMaintenance } from '../src/maintenance/maintenance';

/**
 * `npm run db:maintain [-- --json]`: one maintenance run on DATABASE_URL (audit partitions ahead
 * and expired months dropped, expired sessions, idempotency keys and cache entries purged).
 * Exit 0 when it ran or when another instance was running it (the report says which), 2 when
 * it cannot run.
 */
async function main(): Promise<number> {
  const json = process.argv.includes('--json');
  const config = loadConfig(process.env);
  if (!config.databaseUrl) {
    process.stderr.write('DATABASE_URL is not set\n');
    return 2;
  }
  const ds = new DataSource(
    buildDataSourceOptions({
      url: config.databaseUrl,
      ...config.db,
      // One connection holds the lock while another does the work.
      poolMax: Math.max(2, config.db.poolMax),
      migrationsRun: false,
      applicationName: 'ledgerline-maintain',
    }),
  );
  await ds.initialize();
  try {
    const report = await runMaintenance(ds, config.maintenance);
    if (json) {
      process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    } else if (!report.ran) {
      process.stdout.write('skipped: another instance is running maintenance\n');
    } else {
      const p = report.auditPartitions;
      const lines = [
        `audit partitions: ${p.created.length} created${p.created.length ? ` (${p.created.join(', ')})` : ''}, ${p.dropped.length} dropped${p.dropped.length ? ` (${p.dropped.join(', ')})` : ''}, ${p.rowsMovedFromDefault} row(s) moved out of the default partition`,
        ...(p.deferred.length ? [`deferred (lock busy, next run): ${p.deferred.join(', ')}`] : []),
        ...Object.entries(report.purged).map(([table, n]) => `${table}: ${n} row(s) purged`),
        `done in ${report.durationMs} ms`,
      ];
      process.stdout.write(`${lines.join('\n')}\n`);
    }
    return 0;
  } finally {
    await ds.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`db:maintain failed: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(2);
  },
);
