import { Injectable, Logger } from '@nestjs/common';
import {
  collectDefaultMetrics,
  Counter,
  Gauge,
  Histogram,
  Metric,
  OpenMetricsContentType,
  Registry,
} from 'prom-client';
import type { Logger as TypeOrmLogger } from 'typeorm';

/** The Prometheus registry of one app instance. */
@Injectable()
export class Metrics {
  readonly registry = new Registry();

  readonly httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by method, route template and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    // Each bucket keeps the trace of its latest sampled request (OpenMetrics scrapes only):
    // from a slow bucket on a dashboard straight to one trace that landed there.
    enableExemplars: true,
    // prom-client refuses exemplars on a Prometheus-typed registry, though it renders them only
    // in OpenMetrics: registered below, by hand, into this registry that serves both formats.
    registers: [],
  });

  readonly dbQueryDuration = new Histogram({
    name: 'db_query_duration_seconds',
    help: 'SQL statement duration as measured by TypeORM',
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5],
    registers: [this.registry],
  });

  /** Mutating requests refused before any caller was authenticated: counted, never audited. */
  readonly refusedUnauthenticated = new Counter({
    name: 'http_refused_unauthenticated_total',
    help: 'mutating requests refused without an authenticated caller (no audit row), by status',
    labelNames: ['status'] as const,
    registers: [this.registry],
  });

  readonly maintenanceRuns = new Counter({
    name: 'maintenance_runs_total',
    help: 'Maintenance runs by outcome: ran, skipped (another instance held the lock) or failed',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  readonly maintenanceRowsRemoved = new Counter({
    name: 'maintenance_rows_removed_total',
    help: 'Rows deleted by the maintenance purges, by table',
    labelNames: ['table'] as const,
    registers: [this.registry],
  });

  readonly maintenancePartitions = new Counter({
    name: 'maintenance_partitions_total',
    help: 'Audit partitions created ahead or dropped by retention',
    labelNames: ['change'] as const,
    registers: [this.registry],
  });

  readonly maintenanceLastRun = new Gauge({
    name: 'maintenance_last_run_timestamp_seconds',
    help: 'When the last maintenance run of this instance finished (Unix time), skipped runs excluded',
    registers: [this.registry],
  });

  readonly maintenanceDuration = new Gauge({
    name: 'maintenance_last_run_duration_seconds',
    help: 'How long the last maintenance run of this instance took',
    registers: [this.registry],
  });

  constructor() {
    this.registry.registerMetric(this.httpDuration);
    collectDefaultMetrics({ register: this.registry });
  }

  /**
   * The registry as text: OpenMetrics (with the exemplars) when the scraper asks for it,
   * Prometheus text otherwise (exemplars have no place there).
   */
  async render(openMetrics: boolean): Promise<{ contentType: string; body: string }> {
    if (!openMetrics)
      return { contentType: Registry.PROMETHEUS_CONTENT_TYPE, body: await this.registry.metrics() };
    // prom-client renders OpenMetrics by renaming each counter in place (dropping `_total`),
    // which would leak into the next Prometheus scrape: it renders views of the metrics
    // instead, objects whose own `name` shadows the original's.
    const view = new Registry<OpenMetricsContentType>();
    view.setContentType(Registry.OPENMETRICS_CONTENT_TYPE);
    // getMetricsAsArray is typed as plain objects but answers the registered Metric instances.
    for (const metric of this.registry.getMetricsAsArray() as unknown as Metric[])
      view.registerMetric(Object.create(metric) as Metric);
    return { contentType: Registry.OPENMETRICS_CONTENT_TYPE, body: await view.metrics() };
  }

  /** Pool gauges read at scrape time. */
  registerPool(read: () => { total: number; idle: number; waiting: number; max: number }): void {
    const gauge = (name: string, help: string, pick: (p: ReturnType<typeof read>) => number) =>
      new Gauge({
        name,
        help,
        registers: [this.registry],
        collect() {
          this.set(pick(read()));
        },
      });
    gauge('db_pool_connections_total', 'connections open in the pool', (p) => p.total);
    gauge('db_pool_connections_idle', 'idle connections in the pool', (p) => p.idle);
    gauge('db_pool_requests_waiting', 'requests waiting for a connection', (p) => p.waiting);
    gauge('db_pool_connections_max', 'the pool size limit (DB_POOL_MAX)', (p) => p.max);
  }
}

/**
 * TypeORM's logger, used for its timings: with `maxQueryExecutionTime` set to the smallest
 * positive number, TypeORM reports every statement's duration through logQuerySlow. Query text
 * and parameters are never logged (parameters may hold secrets).
 */
export class MetricsQueryLogger implements TypeOrmLogger {
  private readonly logger = new Logger('Database');

  constructor(private readonly metrics: Metrics) {}

  logQuerySlow(timeMs: number): void {
    this.metrics.dbQueryDuration.observe(timeMs / 1000);
  }

  logQuery(): void {}
  logQueryError(): void {}
  logSchemaBuild(): void {}

  logMigration(message: string): void {
    this.logger.log(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn(String(message));
  }
}
