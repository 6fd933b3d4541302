import { resource, ResourceSpec } from '../common/crud/resource-spec';
import { AiCalibrationLog } from './entities/ai-calibration-log.entity';
import { AiDecisionFeatures } from './entities/ai-decision-features.entity';
import { AiOutcomeLink } from './entities/ai-outcome-link.entity';
import { AiTradeOutcome } from './entities/ai-trade-outcome.entity';
import {
  CreateAiOutcomeLinkDto,
  UpdateAiOutcomeLinkDto,
  ListAiOutcomeLinksQuery,
} from './dto/ai-outcome-links.dto';
import {
  CreateAiDecisionFeaturesDto,
  UpdateAiDecisionFeaturesDto,
  ListAiDecisionFeaturesQuery,
} from './dto/ai-decision-features.dto';
import {
  CreateAiTradeOutcomeDto,
  UpdateAiTradeOutcomeDto,
  ListAiTradeOutcomesQuery,
} from './dto/ai-trade-outcomes.dto';
import {
  CreateAiCalibrationLogDto,
  UpdateAiCalibrationLogDto,
  ListAiCalibrationLogsQuery,
} from './dto/ai-calibration-logs.dto';

export const aiOutcomeLinks = resource({
  path: 'ai-outcome-links',
  tag: 'ai-decisions',
  entity: AiOutcomeLink,
  label: 'AI outcome link',
  createDto: CreateAiOutcomeLinkDto,
  updateDto: UpdateAiOutcomeLinkDto,
  listQuery: ListAiOutcomeLinksQuery,
  filters: ['status', 'symbol', 'outcome', 'decisionId'],
  timeColumn: 'created_at',
});

export const aiDecisionFeatures = resource({
  path: 'ai-decision-features',
  tag: 'ai-decisions',
  entity: AiDecisionFeatures,
  label: 'AI decision features',
  createDto: CreateAiDecisionFeaturesDto,
  updateDto: UpdateAiDecisionFeaturesDto,
  listQuery: ListAiDecisionFeaturesQuery,
  filters: ['decisionId', 'symbol'],
  timeColumn: 'created_at',
});

export const aiTradeOutcomes = resource({
  path: 'ai-trade-outcomes',
  tag: 'ai-decisions',
  entity: AiTradeOutcome,
  label: 'AI trade outcome',
  createDto: CreateAiTradeOutcomeDto,
  updateDto: UpdateAiTradeOutcomeDto,
  listQuery: ListAiTradeOutcomesQuery,
  filters: ['decisionId', 'tradeId', 'symbol'],
  timeColumn: 'created_at',
});

export const aiCalibrationLogs = resource({
  path: 'ai-calibration-logs',
  tag: 'ai-decisions',
  entity: AiCalibrationLog,
  label: 'calibration log',
  createDto: CreateAiCalibrationLogDto,
  updateDto: UpdateAiCalibrationLogDto,
  listQuery: ListAiCalibrationLogsQuery,
  filters: ['calibrationType'],
  timeColumn: 'created_at',
});

/** The ai-decisions tables served by the shared CRUD mechanism: each names its DTOs and what differs. */
export const aiDecisionsResources: ResourceSpec[] = [
  aiOutcomeLinks,
  aiDecisionFeatures,
  aiTradeOutcomes,
  aiCalibrationLogs,
];
