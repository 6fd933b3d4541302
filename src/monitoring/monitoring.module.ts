import { Global, Module, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AdminDbController } from './admin-db.controller';
import { DbMonitor } from './db-monitor';
import { Metrics } from './metrics';
import { MetricsController } from './metrics.controller';
import { RequestLogMiddleware } from './request-log.middleware';

@Global()
@Module({
  controllers: [AdminDbController, MetricsController],
  providers: [
    Metrics,
    RequestLogMiddleware,
    // A plain class, shared with `npm run db:doctor`; here it gets the app's DataSource.
    { provide: DbMonitor, useFactory: (ds: DataSource) => new DbMonitor(ds), inject: [DataSource] },
  ],
  exports: [Metrics, RequestLogMiddleware],
})
export class MonitoringModule implements OnModuleInit {
  constructor(
    private readonly metrics: Metrics,
    private readonly monitor: DbMonitor,
  ) {}

  /** The pool gauges read the pool at scrape time. */
  onModuleInit(): void {
    this.metrics.registerPool(() => this.monitor.pool());
  }
}
