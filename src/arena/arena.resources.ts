import { resource, ResourceSpec } from '../common/crud/resource-spec';
import { AiAgentProfile } from './entities/ai-agent-profile.entity';
import { AiArenaAgentDecision } from './entities/ai-arena-agent-decision.entity';
import { AiArenaRun } from './entities/ai-arena-run.entity';
import {
  CreateAiAgentProfileDto,
  UpdateAiAgentProfileDto,
  ListAiAgentProfilesQuery,
} from './dto/ai-agent-profiles.dto';
import {
  CreateAiArenaRunDto,
  UpdateAiArenaRunDto,
  ListAiArenaRunsQuery,
} from './dto/ai-arena-runs.dto';
import {
  CreateAiArenaAgentDecisionDto,
  UpdateAiArenaAgentDecisionDto,
  ListAiArenaAgentDecisionsQuery,
} from './dto/ai-arena-agent-decisions.dto';

export const aiAgentProfiles = resource({
  path: 'ai-agent-profiles',
  tag: 'arena',
  entity: AiAgentProfile,
  label: 'agent profile',
  createDto: CreateAiAgentProfileDto,
  updateDto: UpdateAiAgentProfileDto,
  listQuery: ListAiAgentProfilesQuery,
  filters: ['status', 'role', 'mode'],
  timeColumn: 'created_at',
});

export const aiArenaRuns = resource({
  path: 'ai-arena-runs',
  tag: 'arena',
  entity: AiArenaRun,
  label: 'arena run',
  createDto: CreateAiArenaRunDto,
  updateDto: UpdateAiArenaRunDto,
  listQuery: ListAiArenaRunsQuery,
  filters: ['status', 'mode', 'traceId'],
  timeColumn: 'created_at',
});

export const aiArenaAgentDecisions = resource({
  path: 'ai-arena-agent-decisions',
  tag: 'arena',
  entity: AiArenaAgentDecision,
  label: 'arena agent decision',
  createDto: CreateAiArenaAgentDecisionDto,
  updateDto: UpdateAiArenaAgentDecisionDto,
  listQuery: ListAiArenaAgentDecisionsQuery,
  filters: ['arenaRunId', 'agentProfileId', 'role'],
  timeColumn: 'created_at',
});

/** The arena tables served by the shared CRUD mechanism: each names its DTOs and what differs. */
export const arenaResources: ResourceSpec[] = [aiAgentProfiles, aiArenaRuns, aiArenaAgentDecisions];
