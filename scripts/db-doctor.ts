import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '../src/config/app-config';
import { buildDataSourceOptions } from '../src/database/data-source-options';
import { DbMonitor } from '../src/monitoring/db-monitor';

/**
 * `npm run db:doctor [-- --json]`: orphans per foreign key, unindexed foreign keys, invalid
 * indexes, pending migrations, slowest statements and connection usage, on DATABASE_URL.
 * Exit 0 when healthy, 1 with the list of problems, 2 when it cannot run.
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
      migrationsRun: false,
      applicationName: 'ledgerline-doctor',
    }),
  );
  await ds.initialize();
  try {
    const result = await new DbMonitor(ds).doctor();
    if (json) {
      process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    } else {
      const r = result.report as {
        orphans: Array<{ orphans: number }>;
        connections: { used: number; max: number; ours: number };
        slowQueries: {
          available: boolean;
          hint?: string;
          queries?: Array<{ meanMs: number; calls: number; query: string }>;
        };
      };
      const lines = [
        `foreign keys checked for orphans: ${r.orphans.length}`,
        `connections: ${r.connections.used} of ${r.connections.max} (${r.connections.ours} ours)`,
        r.slowQueries.available
          ? `slowest statements:\n${(r.slowQueries.queries ?? []).map((q) => `  ${q.meanMs.toFixed(2)} ms x ${q.calls}: ${q.query.replace(/\s+/g, ' ').slice(0, 100)}`).join('\n')}`
          : `slowest statements: unavailable (${r.slowQueries.hint})`,
        result.healthy
          ? 'healthy'
          : `problems:\n${result.problems.map((p) => `  - ${p}`).join('\n')}`,
      ];
      process.stdout.write(`${lines.join('\n')}\n`);
    }
    return result.healthy ? 0 : 1;
  } finally {
    await ds.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`db:doctor failed: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(2);
  },
);
