import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../../src/database/data-source-options';
import { createTestDatabase, TestDatabase } from './test-database';

export interface MigratedDatabase {
  db: TestDatabase;
  dataSource: DataSource;
  close(): Promise<void>;
}

/** A fresh database with the migrations applied, for tests that need SQL but not HTTP. */
export async function startMigratedDatabase(
  label: string,
  migrate = true,
): Promise<MigratedDatabase> {
  const db = await createTestDatabase(label);
  const dataSource = new DataSource(
    buildDataSourceOptions({
      url: db.url,
      poolMax: 5,
      connectTimeoutMs: 5000,
      idleTimeoutMs: 10000,
      statementTimeoutMs: 60000,
      migrationsRun: false,
      applicationName: 'ledgerline-test',
    }),
  );
  await dataSource.initialize();
  if (migrate) await dataSource.runMigrations();
  return {
    db,
    dataSource,
    async close() {
      await dataSource.destroy();
      await db.drop();
    },
  };
}
