import { IsIn } from 'class-validator';
import { resource, ResourceSpec } from '../common/crud/resource-spec';
import { IsDecimal } from '../common/validation/decimal';
import { AiAgentProfile } from './entities/ai-agent-profile.entity';
import { AiArenaAgentDecision } from './entities/ai-arena-agent-decision.entity';
import { AiArenaRun } from './entities/ai-arena-run.entity';

/** The arena tables served by the shared CRUD mechanism: only what differs is declared here. */
export const arenaResources: ResourceSpec[] = [
  resource({
    path: 'ai-agent-profiles',
    tag: 'arena',
    entity: AiAgentProfile,
    label: 'agent profile',
    filters: ['status', 'role', 'mode'],
    timeColumn: 'created_at',
    rules: {
      status: [IsIn(['active', 'disabled'])],
      temperature: [IsDecimal({ min: '0', max: '2' })],
    },
  }),
  resource({
    path: 'ai-arena-runs',
    tag: 'arena',
    entity: AiArenaRun,
    label: 'arena run',
    filters: ['status', 'mode', 'traceId'],
    timeColumn: 'created_at',
    rules: { status: [IsIn(['pending', 'running', 'completed', 'failed'])] },
  }),
  resource({
    path: 'ai-arena-agent-decisions',
    tag: 'arena',
    entity: AiArenaAgentDecision,
    label: 'arena agent decision',
    filters: ['arenaRunId', 'agentProfileId', 'role'],
    timeColumn: 'created_at',
    rules: { confidence: [IsDecimal({ min: '0', max: '1' })] },
  }),
];
