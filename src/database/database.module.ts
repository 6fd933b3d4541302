import { ClsPluginTransactional } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { Global, Logger, Module, OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import { ClsModule } from 'nestjs-cls';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { Metrics, MetricsQueryLogger } from '../monitoring/metrics';
import { MonitoringModule } from '../monitoring/monitoring.module';
import { CascadePreviewService } from './cascade-preview.service';
import { buildDataSourceOptions } from './data-source-options';
import { runMigrationsSafely } from './migrate';
import { ReadRouter } from './replicas/read-router';
import { ReplicaSet } from './replicas/replica-set';
import { useLocalStatementTimeout } from './session-free';

/** Resolves to the names of the migrations this start applied. */
export const MIGRATED = Symbol('MIGRATED');

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      imports: [MonitoringModule],
      inject: [ConfigService, Metrics],
      useFactory: (config: ConfigService<AppConfig, true>, metrics: Metrics) => {
        const db = config.get('db', { infer: true });
        const url = config.get('databaseUrl', { infer: true });
        if (!url)
          throw new Error('no database URL: the embedded server should have been started first');
        return {
          ...buildDataSourceOptions({
            url,
            ...db,
            replicated: config.get('replicas', { infer: true }).urls.length > 0,
          }),
          // Every statement's duration goes to the db_query_duration_seconds histogram.
          logger: new MetricsQueryLogger(metrics),
          maxQueryExecutionTime: Number.MIN_VALUE,
          // Migrations run in the MIGRATED provider below (lock timeouts and retries).
          migrationsRun: false,
          retryAttempts: 3,
          retryDelay: 1000,
        };
      },
    }),
    // Request-scoped context carrying the current transaction (see transaction.ts).
    ClsModule.forRoot({
      global: true,
      // No proxy providers here: resolving them costs a dynamic require() on every request.
      middleware: { mount: true, resolveProxyProviders: false },
      plugins: [
        new ClsPluginTransactional({
          imports: [TypeOrmModule],
          adapter: new TransactionalAdapterTypeOrm({ dataSourceToken: getDataSourceToken() }),
        }),
      ],
    }),
  ],
  providers: [
    {
      // An async provider: Nest awaits it before any module's init hook (the admin bootstrap,
      // the session cache's LISTEN) touches a table.
      provide: MIGRATED,
      inject: [DataSource, ConfigService],
      useFactory: async (ds: DataSource, config: ConfigService<AppConfig, true>) => {
        const db = config.get('db', { infer: true });
        if (!db.migrationsRun) return [];
        const logger = new Logger('Migrations');
        return runMigrationsSafely(ds, {
          ...config.get('migrations', { infer: true }),
          pgbouncer: db.pgbouncer,
          log: (m) => logger.warn(m),
        });
      },
    },
    CascadePreviewService,
    ReplicaSet,
    ReadRouter,
  ],
  exports: [CascadePreviewService, ReplicaSet, ReadRouter, MIGRATED],
})
export class DatabaseModule implements OnModuleInit {
  constructor(
    private readonly ds: DataSource,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

  onModuleInit(): void {
    const db = this.config.get('db', { infer: true });
    if (db.pgbouncer) useLocalStatementTimeout(this.ds, db.statementTimeoutMs);
  }
}
