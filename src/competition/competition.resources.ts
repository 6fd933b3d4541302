import { IsIn } from 'class-validator';
import { resource, ResourceSpec } from '../common/crud/resource-spec';
import { IsDecimal } from '../common/validation/decimal';
import { CompetitionRun } from './entities/competition-run.entity';
import { CompetitionScore } from './entities/competition-score.entity';
import { TraderProfile } from './entities/trader-profile.entity';

/** The competition tables served by the shared CRUD mechanism: only what differs is declared here. */
export const competitionResources: ResourceSpec[] = [
  resource({
    path: 'trader-profiles',
    tag: 'competition',
    entity: TraderProfile,
    label: 'trader profile',
    filters: ['status', 'isPromoted'],
    timeColumn: 'created_at',
    rules: { status: [IsIn(['active', 'retired'])] },
  }),
  resource({
    path: 'competition-runs',
    tag: 'competition',
    entity: CompetitionRun,
    label: 'competition run',
    filters: ['status', 'traceId'],
    timeColumn: 'created_at',
    rules: { status: [IsIn(['pending', 'running', 'completed', 'failed'])] },
  }),
  resource({
    path: 'competition-scores',
    tag: 'competition',
    entity: CompetitionScore,
    label: 'competition score',
    filters: ['runId', 'traderProfileId'],
    timeColumn: 'snapshot_at',
    rules: { winRate: [IsDecimal({ min: '0', max: '1' })] },
  }),
];
