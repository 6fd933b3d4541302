import { DynamicModule, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import { AiDecisionsModule } from './ai-decisions/ai-decisions.module';
import { BrokerAssetsModule } from './broker-assets/broker-assets.module';
import { IdempotencyModule } from './idempotency/idempotency.module';
import { OrdersModule } from './orders/orders.module';
import { PositionsModule } from './positions/positions.module';
import { DrainMiddleware } from './health/drain.middleware';
import { MaintenanceModule } from './maintenance/maintenance.module';
import { MonitoringModule } from './monitoring/monitoring.module';
import { RequestLogMiddleware } from './monitoring/request-log.middleware';
import { strategiesResourceControllers } from './strategies/strategies-resources.controller';
import { backtestsResourceControllers } from './backtests/backtests-resources.controller';
import { debateResourceControllers } from './debate/debate-resources.controller';
import { arenaResourceControllers } from './arena/arena-resources.controller';
import { competitionResourceControllers } from './competition/competition-resources.controller';
import { workItemsResourceControllers } from './work-items/work-items-resources.controller';
import { alertsResourceControllers } from './alerts/alerts-resources.controller';
import { aiDecisionsResourceControllers } from './ai-decisions/ai-decisions-resources.controller';
import { analysisResourceControllers } from './analysis/analysis-resources.controller';
import { universeResourceControllers } from './universe/universe-resources.controller';
import { allocationResourceControllers } from './allocation/allocation-resources.controller';
import { llmResourceControllers } from './llm/llm-resources.controller';
import { connectorsResourceControllers } from './connectors/connectors-resources.controller';
import { conversationsResourceControllers } from './conversations/conversations-resources.controller';
import { adminSettingsResourceControllers } from './admin-settings/admin-settings-resources.controller';
import { BacktestResultsController } from './backtests/backtest-results.controller';
import { ConsensusController } from './debate/consensus.controller';
import { StrategyVersionsController } from './strategies/strategy-versions.controller';
import { CandidatesController } from './universe/candidates.controller';
import { WorkItemsController } from './work-items/work-items.controller';
import { AgentStatusController } from './agent-status/agent-status.controller';
import { CrudCoreModule } from './common/crud/crud.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { AccessModule } from './auth/policy/access.module';
import { AgentStatusRepository } from './agent-status/agent-status.repository';
import { AgentStatusService } from './agent-status/agent-status.service';
import { BacktestsRepository } from './backtests/backtests.repository';
import { DebateRepository } from './debate/debate.repository';
import { UniverseRepository } from './universe/universe.repository';
import { WorkItemsRepository } from './work-items/work-items.repository';
import { BacktestResultsService } from './backtests/backtest-results.service';
import { ConsensusService } from './debate/consensus.service';
import { StrategyVersionsService } from './strategies/strategy-versions.service';
import { CandidatesService } from './universe/candidates.service';
import { WorkItemsService } from './work-items/work-items.service';
import { UsersModule } from './users/users.module';
import { JsonTextInterceptor } from './common/http/json-text.interceptor';
import { AllExceptionsFilter } from './common/errors/all-exceptions.filter';
import { RequestIdMiddleware } from './common/http/request-id.middleware';
import type { AppConfig } from './config/app-config';
import { ReadRoutingInterceptor } from './database/replicas/read-routing.interceptor';
import { DatabaseModule } from './database/database.module';
import { CursorModule } from './common/pagination/cursor.module';
import { HealthModule } from './health/health.module';
import { StrategiesModule } from './strategies/strategies.module';
import { TestRoutesModule } from './test-routes/test-routes.module';
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
        CursorModule,
        AccessModule,
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
        MaintenanceModule,
        CrudCoreModule,
        ...(config.enableTestRoutes ? [TestRoutesModule] : []),
      ],
      controllers: [
        ...strategiesResourceControllers,
        ...backtestsResourceControllers,
        ...debateResourceControllers,
        ...arenaResourceControllers,
        ...competitionResourceControllers,
        ...workItemsResourceControllers,
        ...alertsResourceControllers,
        ...aiDecisionsResourceControllers,
        ...analysisResourceControllers,
        ...universeResourceControllers,
        ...allocationResourceControllers,
        ...llmResourceControllers,
        ...connectorsResourceControllers,
        ...conversationsResourceControllers,
        ...adminSettingsResourceControllers,
        AgentStatusController,
        WorkItemsController,
        StrategyVersionsController,
        BacktestResultsController,
        CandidatesController,
        ConsensusController,
      ],
      providers: [
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
        { provide: APP_INTERCEPTOR, useClass: JsonTextInterceptor },
        // Only with replicas: without them every read goes to the primary and an interceptor on
        // every request would only cost (each one is an async resource and an observable chain).
        ...(config.replicas.urls.length > 0
          ? [{ provide: APP_INTERCEPTOR, useClass: ReadRoutingInterceptor }]
          : []),
        AgentStatusService,
        WorkItemsService,
        StrategyVersionsService,
        BacktestResultsService,
        CandidatesService,
        ConsensusService,
        AgentStatusRepository,
        WorkItemsRepository,
        BacktestsRepository,
        UniverseRepository,
        DebateRepository,
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequestIdMiddleware, DrainMiddleware, RequestLogMiddleware).forRoutes('{*path}');
  }
}
