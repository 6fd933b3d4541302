import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import { loadConfig } from '../src/config/app-config';
import { buildDataSourceOptions } from '../src/database/data-source-options';
import { withScratchDatabase } from './scratch-database';

/**
 * A migration may excuse itself from a squawk rule, with the reason, next to its code:
 * `static squawkIgnore = { 'prefer-robust-stmts': 'why this is safe here' }`.
 */
interface MigrationClass {
  squawkIgnore?: Record<string, string>;
}

/** Why a migration with `transaction = false` (CREATE INDEX CONCURRENTLY) runs without a lock timeout. */
const NO_TRANSACTION_EXCUSES: Record<string, string> = {
  'require-lock-timeout':
    'CREATE INDEX CONCURRENTLY takes no lock that blocks writers; a lock timeout could only leave an INVALID index behind (src/database/migrate.ts)',
};

/** `Schema1795595393811` → `1795595393811-Schema.sql`, the migration's own file name. */
const parts = (name: string): [string, string] => {
  const m = /^(.*?)(\d{13})$/.exec(name);
  if (!m) throw new Error(`migration ${name} does not end with its 13-digit timestamp`);
  return [m[1], m[2]];
};
const fileOf = (name: string): string => `${parts(name)[1]}-${parts(name)[0]}.sql`;
const timestampOf = (name: string): number => Number(parts(name)[1]);

/**
 * Runs `fn` with the JavaScript clock stopped at `at`: a migration that reads the date (the audit
 * partitions it creates around "now") records the same SQL on every run, as if run at its own
 * timestamp, so the committed file does not go stale with the calendar.
 */
async function atTime<T>(at: number, fn: () => Promise<T>): Promise<T> {
  const RealDate = Date;
  class FrozenDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(at);
      else super(...(args as [string]));
    }
    static override now(): number {
      return at;
    }
  }
  globalThis.Date = FrozenDate as DateConstructor;
  try {
    return await fn();
  } finally {
    globalThis.Date = RealDate;
  }
}

/** Every statement `up()` sends through the runner, in order, with its parameters inlined as a comment. */
async function record(runner: QueryRunner, migration: MigrationInterface): Promise<string[]> {
  const sent: string[] = [];
  const query = runner.query.bind(runner);
  runner.query = ((sql: string, parameters?: unknown[], ...rest: unknown[]) => {
    const params =
      parameters && parameters.length > 0 ? ` -- parameters: ${JSON.stringify(parameters)}` : '';
    sent.push(`${sql.trim().replace(/;$/, '')};${params}`);
    return (query as (...a: unknown[]) => Promise<unknown>)(sql, parameters, ...rest);
  }) as QueryRunner['query'];
  try {
    await migration.up(runner);
  } finally {
    runner.query = query;
  }
  return sent;
}

/**
 * Runs each migration's `up()` in order on a scratch database and writes the SQL it sent to
 * `migrations/sql/<timestamp>-<Name>.sql`: what a migration does to production is reviewed as SQL
 * and linted by squawk (.ci/run), and CI fails when a file is stale.
 */
export async function writeMigrationSql(root: string): Promise<string[]> {
  const dir = join(root, 'migrations', 'sql');
  const lockTimeoutMs = loadConfig({}).migrations.lockTimeoutMs;
  mkdirSync(dir, { recursive: true });
  return withScratchDatabase('migration_sql', async (url) => {
    const ds = await new DataSource(
      buildDataSourceOptions({
        url,
        poolMax: 2,
        connectTimeoutMs: 5000,
        idleTimeoutMs: 10000,
        statementTimeoutMs: 0,
        migrationsRun: false,
        applicationName: 'ledgerline-generate',
      }),
    ).initialize();
    const written: string[] = [];
    try {
      const migrations = [...ds.migrations].sort((a, b) =>
        fileOf(a.name!).localeCompare(fileOf(b.name!)),
      );
      for (const migration of migrations) {
        const runner = ds.createQueryRunner('master');
        const inTransaction = migration.transaction !== false;
        try {
          if (inTransaction) await runner.startTransaction();
          const statements = await atTime(timestampOf(migration.name!), () =>
            record(runner, migration),
          );
          if (inTransaction) await runner.commitTransaction();
          const excuses = {
            ...(inTransaction ? {} : NO_TRANSACTION_EXCUSES),
            ...(migration.constructor as MigrationClass).squawkIgnore,
          };
          const file = fileOf(migration.name!);
          const header = [
            `-- ${migration.name}: the SQL its up() sends, recorded by \`npm run generate\` (do not edit).`,
            inTransaction
              ? '-- Runs in one transaction, retried when its lock timeout runs out (src/database/migrate.ts).'
              : '-- Runs outside a transaction (transaction = false), without a lock timeout.',
            ...Object.entries(excuses).map(
              ([rule, why]) => `-- squawk-ignore-file ${rule}\n--   why: ${why}`,
            ),
          ];
          // What the runner sends before up() (src/database/migrate.ts), so the file is the
          // whole session as production runs it.
          const session = ['SET statement_timeout = 0;'];
          const body = inTransaction
            ? ['BEGIN;', `SET LOCAL lock_timeout = ${lockTimeoutMs};`, ...statements, 'COMMIT;']
            : statements;
          writeFileSync(join(dir, file), `${[...header, '', ...session, ...body].join('\n')}\n`);
          written.push(file);
        } finally {
          if (runner.isTransactionActive) await runner.rollbackTransaction();
          await runner.release();
        }
      }
    } finally {
      await ds.destroy();
    }
    // A migration removed or renamed leaves no stale file behind.
    for (const f of readdirSync(dir)) if (!written.includes(f)) rmSync(join(dir, f));
    return written;
  });
}
