import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from './src/config/app-config';
import { buildDataSourceOptions } from './src/database/data-source-options';

/**
 * The DataSource of the TypeORM CLI (`npm run migration:*`). It reads the same configuration
 * as the app; the CLI always needs DATABASE_URL (see scripts/typeorm.sh for the embedded case).
 */
const config = loadConfig(process.env);
if (!config.databaseUrl) {
  throw new Error(
    'DATABASE_URL is not set: the TypeORM CLI needs a server to compare the entities with',
  );
}

export default new DataSource(
  buildDataSourceOptions({
    url: config.databaseUrl,
    ...config.db,
    migrationsRun: false,
    applicationName: 'ledgerline-cli',
  }),
);
