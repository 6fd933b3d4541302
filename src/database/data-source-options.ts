import { join } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { SnakeNamingStrategy } from './snake-naming.strategy';

export const APPLICATION_NAME = 'ledgerline';

export interface DatabaseSettings {
  url: string;
  poolMax: number;
  connectTimeoutMs: number;
  idleTimeoutMs: number;
  statementTimeoutMs: number;
  migrationsRun: boolean;
  applicationName?: string;
  /** The URL is PgBouncer in transaction pooling: send no startup option it would refuse. */
  pgbouncer?: boolean;
  /**
   * Turns on TypeORM's replication mode, whose only effect here is that reads outside a
   * transaction ask for a "slave" connection; ReadRouter decides where that connection comes from.
   */
  replicated?: boolean;
}

/** The pg pool settings shared by the primary's pool and the replicas' pools. */
export function poolSettings(s: DatabaseSettings): Record<string, unknown> {
  return {
    max: s.poolMax,
    connectionTimeoutMillis: s.connectTimeoutMs,
    idleTimeoutMillis: s.idleTimeoutMs,
    // Enforced by the server on every statement, so a runaway query cannot hold a connection.
    // PgBouncer refuses it as a startup parameter: there it is SET LOCAL per transaction
    // (session-free.subscriber.ts) plus a role default the operator sets (docs/SCALING.md).
    ...(s.pgbouncer ? {} : { statement_timeout: s.statementTimeoutMs }),
  };
}

/**
 * The single definition of how we talk to PostgreSQL, shared by the Nest app, the TypeORM CLI
 * (ormconfig.ts), the test harness and the benchmarks. The schema belongs to the migrations:
 * `synchronize` is never on.
 */
export function buildDataSourceOptions(s: DatabaseSettings): DataSourceOptions {
  return {
    type: 'postgres',
    ...(s.replicated
      ? { replication: { master: { url: s.url }, slaves: [], defaultMode: 'slave' as const } }
      : { url: s.url }),
    entities: ENTITIES,
    migrations: [join(__dirname, '..', '..', 'migrations', '*.{ts,js}')],
    migrationsTableName: 'typeorm_migrations',
    // One transaction per migration, so a migration may opt out (CREATE INDEX CONCURRENTLY).
    migrationsTransactionMode: 'each',
    migrationsRun: s.migrationsRun,
    synchronize: false,
    // gen_random_uuid() is built into PostgreSQL 13+: no extension to install at connect time.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    namingStrategy: new SnakeNamingStrategy(),
    applicationName: s.applicationName ?? APPLICATION_NAME,
    logging: false,
    extra: poolSettings(s),
  };
}
