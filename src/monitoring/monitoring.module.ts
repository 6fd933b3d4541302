import { Global, Module } from '@nestjs/common';
import { AdminDbController } from './admin-db.controller';
import { Metrics } from './metrics';
import { MetricsController } from './metrics.controller';
import { RequestLogMiddleware } from './request-log.middleware';

@Global()
@Module({
  controllers: [AdminDbController, MetricsController],
  providers: [Metrics, RequestLogMiddleware],
  exports: [Metrics, RequestLogMiddleware],
})
export class MonitoringModule {}
