import { DynamicModule, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { APP_FILTER } from '@nestjs/core';
import { AiDecisionsModule } from './ai-decisions/ai-decisions.module';
import { BrokerAssetsModule } from './broker-assets/broker-assets.module';
import { IdempotencyModule } from './idempotency/idempotency.module';
import { OrdersModule } from './orders/orders.module';
import { PositionsModule } from './positions/positions.module';
import { DrainMiddleware } from './health/drain.middleware';
import { MonitoringModule } from './monitoring/monitoring.module';
import { RequestLogMiddleware } from './monitoring/request-log.middleware';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { UsersModule } from './users/users.module';
import { AllExceptionsFilter } from './common/errors/all-exceptions.filter';
import { RequestIdMiddleware } from './common/http/request-id.middleware';
import type { AppConfig } from './config/app-config';
import { DatabaseModule } from './database/database.module';
import { HealthModule } from './health/health.module';
import { StrategiesModule } from './strategies/strategies.module';
import { TestRoutesController } from './test-routes/test-routes.controller';
import { TradesModule } from './trades/trades.module';

@Module({})
export class AppModule implements NestModule {
  /** The app for a resolved configuration (the database URL is known by now, embedded or not). */
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, load: [() => config] }),
        DatabaseModule,
        AuditModule,
        HealthModule,
        UsersModule,
        AuthModule,
        StrategiesModule,
        TradesModule,
        AiDecisionsModule,
        PositionsModule,
        BrokerAssetsModule,
        OrdersModule,
        IdempotencyModule,
        MonitoringModule,
      ],
      controllers: config.enableTestRoutes ? [TestRoutesController] : [],
      providers: [{ provide: APP_FILTER, useClass: AllExceptionsFilter }],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequestIdMiddleware, DrainMiddleware, RequestLogMiddleware).forRoutes('{*path}');
  }
}
