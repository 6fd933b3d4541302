import { DynamicModule, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { APP_FILTER } from '@nestjs/core';
import { AiDecisionsModule } from './ai-decisions/ai-decisions.module';
import { BrokerAssetsModule } from './broker-assets/broker-assets.module';
import { IdempotencyModule } from './idempotency/idempotency.module';
import { OrdersModule } from './orders/orders.module';
import { PositionsModule } from './positions/positions.module';
import { DrainMiddleware } from './health/drain.middleware';
import { MaintenanceModule } from './maintenance/maintenance.module';
import { MonitoringModule } from './monitoring/monitoring.module';
import { RequestLogMiddleware } from './monitoring/request-log.middleware';
import { strategiesResources } from './strategies/strategies.resources';
import { backtestsResources } from './backtests/backtests.resources';
import { debateResources } from './debate/debate.resources';
import { arenaResources } from './arena/arena.resources';
import { competitionResources } from './competition/competition.resources';
import { workItemsResources } from './work-items/work-items.resources';
import { alertsResources } from './alerts/alerts.resources';
import { aiDecisionsResources } from './ai-decisions/ai-decisions.resources';
import { analysisResources } from './analysis/analysis.resources';
import { universeResources } from './universe/universe.resources';
import { allocationResources } from './allocation/allocation.resources';
import { llmResources } from './llm/llm.resources';
import { connectorsResources } from './connectors/connectors.resources';
import { conversationsResources } from './conversations/conversations.resources';
import { adminSettingsResources } from './admin-settings/admin-settings.resources';
import { BacktestResultsController } from './backtests/backtest-results.controller';
import { ConsensusController } from './debate/consensus.controller';
import { StrategyVersionsController } from './strategies/strategy-versions.controller';
import { CandidatesController } from './universe/candidates.controller';
import { WorkItemsController } from './work-items/work-items.controller';
import { AgentStatusController } from './agent-status/agent-status.controller';
import { CrudCoreModule, crudResources } from './common/crud/crud.module';
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
        crudResources('Strategies', strategiesResources),
        crudResources('Backtests', backtestsResources),
        crudResources('Debate', debateResources),
        crudResources('Arena', arenaResources),
        crudResources('Competition', competitionResources),
        crudResources('WorkItems', workItemsResources),
        crudResources('Alerts', alertsResources),
        crudResources('AiDecisions', aiDecisionsResources),
        crudResources('Analysis', analysisResources),
        crudResources('Universe', universeResources),
        crudResources('Allocation', allocationResources),
        crudResources('Llm', llmResources),
        crudResources('Connectors', connectorsResources),
        crudResources('Conversations', conversationsResources),
        crudResources('AdminSettings', adminSettingsResources),
      ],
      controllers: [
        AgentStatusController,
        WorkItemsController,
        StrategyVersionsController,
        BacktestResultsController,
        CandidatesController,
        ConsensusController,
        ...(config.enableTestRoutes ? [TestRoutesController] : []),
      ],
      providers: [
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
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
