import { ApiKey } from '../auth/entities/api-key.entity';
import { LoginAttempt } from '../auth/entities/login-attempt.entity';
import { IdempotencyKey } from '../idempotency/entities/idempotency-key.entity';
import { AdminSetting } from '../admin-settings/entities/admin-setting.entity';
import { AgentStatus } from '../agent-status/entities/agent-status.entity';
import { AiAgentProfile } from '../arena/entities/ai-agent-profile.entity';
import { AiArenaAgentDecision } from '../arena/entities/ai-arena-agent-decision.entity';
import { AiArenaRun } from '../arena/entities/ai-arena-run.entity';
import { AiCalibrationLog } from '../ai-decisions/entities/ai-calibration-log.entity';
import { AiDecision } from '../ai-decisions/entities/ai-decision.entity';
import { AiDecisionFeatures } from '../ai-decisions/entities/ai-decision-features.entity';
import { AiOutcomeLink } from '../ai-decisions/entities/ai-outcome-link.entity';
import { AiTradeOutcome } from '../ai-decisions/entities/ai-trade-outcome.entity';
import { AlertEvent } from '../alerts/entities/alert-event.entity';
import { AlertRule } from '../alerts/entities/alert-rule.entity';
import { AllocationPolicy } from '../allocation/entities/allocation-policy.entity';
import { AnalysisFeedback } from '../analysis/entities/analysis-feedback.entity';
import { AssetClassification } from '../universe/entities/asset-classification.entity';
import { AuditLog } from '../audit/entities/audit-log.entity';
import { BacktestEquityPoint } from '../backtests/entities/backtest-equity-point.entity';
import { BacktestRun } from '../backtests/entities/backtest-run.entity';
import { BacktestTradeEvent } from '../backtests/entities/backtest-trade-event.entity';
import { BrokerAsset } from '../broker-assets/entities/broker-asset.entity';
import { CompetitionRun } from '../competition/entities/competition-run.entity';
import { CompetitionScore } from '../competition/entities/competition-score.entity';
import { ConnectorMetrics } from '../connectors/entities/connector-metrics.entity';
import { Conversation } from '../conversations/entities/conversation.entity';
import { DataSourceAnalysis } from '../analysis/entities/data-source-analysis.entity';
import { DebateConsensus } from '../debate/entities/debate-consensus.entity';
import { DebateMessage } from '../debate/entities/debate-message.entity';
import { DebateSession } from '../debate/entities/debate-session.entity';
import { ExternalApiCacheEntry } from '../connectors/entities/external-api-cache-entry.entity';
import { ExternalApiUsageCounter } from '../connectors/entities/external-api-usage-counter.entity';
import { Fill } from '../orders/entities/fill.entity';
import { InsiderActivityAnalysis } from '../analysis/entities/insider-activity-analysis.entity';
import { LlmCall } from '../llm/entities/llm-call.entity';
import { LlmRoleConfig } from '../llm/entities/llm-role-config.entity';
import { MacroAnalysis } from '../analysis/entities/macro-analysis.entity';
import { MacroIndicator } from '../analysis/entities/macro-indicator.entity';
import { Message } from '../conversations/entities/message.entity';
import { Order } from '../orders/entities/order.entity';
import { Position } from '../positions/entities/position.entity';
import { RebalanceRun } from '../allocation/entities/rebalance-run.entity';
import { ServerSecret } from './server-secret.entity';
import { Session } from '../users/entities/session.entity';
import { ShortInterestAnalysis } from '../analysis/entities/short-interest-analysis.entity';
import { Strategy } from '../strategies/entities/strategy.entity';
import { StrategyVersion } from '../strategies/entities/strategy-version.entity';
import { ToolInvocation } from '../debate/entities/tool-invocation.entity';
import { Trade } from '../trades/entities/trade.entity';
import { TraderProfile } from '../competition/entities/trader-profile.entity';
import { UniverseAsset } from '../universe/entities/universe-asset.entity';
import { UniverseCandidate } from '../universe/entities/universe-candidate.entity';
import { UniverseFundamentals } from '../universe/entities/universe-fundamentals.entity';
import { UniverseLiquidityMetrics } from '../universe/entities/universe-liquidity-metrics.entity';
import { UniverseTechnicals } from '../universe/entities/universe-technicals.entity';
import { User } from '../users/entities/user.entity';
import { ValyuRetrievalCounter } from '../connectors/entities/valyu-retrieval-counter.entity';
import { WorkItem } from '../work-items/entities/work-item.entity';
import { WorkItemRun } from '../work-items/entities/work-item-run.entity';

/**
 * Every entity of the schema, in one list: the app, the TypeORM CLI, the tests and the
 * documentation generator all build from it, so they can never disagree about the schema.
 */
export const ENTITIES = [
  ApiKey,
  LoginAttempt,
  IdempotencyKey,
  AdminSetting,
  AgentStatus,
  AiAgentProfile,
  AiArenaAgentDecision,
  AiArenaRun,
  AiCalibrationLog,
  AiDecision,
  AiDecisionFeatures,
  AiOutcomeLink,
  AiTradeOutcome,
  AlertEvent,
  AlertRule,
  AllocationPolicy,
  AnalysisFeedback,
  AssetClassification,
  AuditLog,
  BacktestEquityPoint,
  BacktestRun,
  BacktestTradeEvent,
  BrokerAsset,
  CompetitionRun,
  CompetitionScore,
  ConnectorMetrics,
  Conversation,
  DataSourceAnalysis,
  DebateConsensus,
  DebateMessage,
  DebateSession,
  ExternalApiCacheEntry,
  ExternalApiUsageCounter,
  Fill,
  InsiderActivityAnalysis,
  LlmCall,
  LlmRoleConfig,
  MacroAnalysis,
  MacroIndicator,
  Message,
  Order,
  Position,
  RebalanceRun,
  ServerSecret,
  Session,
  ShortInterestAnalysis,
  Strategy,
  StrategyVersion,
  ToolInvocation,
  Trade,
  TraderProfile,
  UniverseAsset,
  UniverseCandidate,
  UniverseFundamentals,
  UniverseLiquidityMetrics,
  UniverseTechnicals,
  User,
  ValyuRetrievalCounter,
  WorkItem,
  WorkItemRun,
];
