import { IsIn } from 'class-validator';
import { resource, ResourceSpec } from '../common/crud/resource-spec';
import { IsDecimal } from '../common/validation/decimal';
import { AiCalibrationLog } from './entities/ai-calibration-log.entity';
import { AiDecisionFeatures } from './entities/ai-decision-features.entity';
import { AiOutcomeLink } from './entities/ai-outcome-link.entity';
import { AiTradeOutcome } from './entities/ai-trade-outcome.entity';

/** The ai-decisions tables served by the shared CRUD mechanism: only what differs is declared here. */
export const aiDecisionsResources: ResourceSpec[] = [
  resource({
    path: 'ai-outcome-links',
    tag: 'ai-decisions',
    entity: AiOutcomeLink,
    label: 'AI outcome link',
    filters: ['status', 'symbol', 'outcome', 'decisionId'],
    timeColumn: 'created_at',
    rules: { side: [IsIn(['buy', 'sell'])] },
  }),
  resource({
    path: 'ai-decision-features',
    tag: 'ai-decisions',
    entity: AiDecisionFeatures,
    label: 'AI decision features',
    filters: ['decisionId', 'symbol'],
    timeColumn: 'created_at',
  }),
  resource({
    path: 'ai-trade-outcomes',
    tag: 'ai-decisions',
    entity: AiTradeOutcome,
    label: 'AI trade outcome',
    filters: ['decisionId', 'tradeId', 'symbol'],
    timeColumn: 'created_at',
    rules: { predictionConfidence: [IsDecimal({ min: '0', max: '1' })] },
  }),
  resource({
    path: 'ai-calibration-logs',
    tag: 'ai-decisions',
    entity: AiCalibrationLog,
    label: 'calibration log',
    filters: ['calibrationType'],
    timeColumn: 'created_at',
  }),
];
