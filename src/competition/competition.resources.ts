import { resource, ResourceSpec } from '../common/crud/resource-spec';
import { CompetitionRun } from './entities/competition-run.entity';
import { CompetitionScore } from './entities/competition-score.entity';
import { TraderProfile } from './entities/trader-profile.entity';
import {
  CreateTraderProfileDto,
  UpdateTraderProfileDto,
  ListTraderProfilesQuery,
} from './dto/trader-profiles.dto';
import {
  CreateCompetitionRunDto,
  UpdateCompetitionRunDto,
  ListCompetitionRunsQuery,
} from './dto/competition-runs.dto';
import {
  CreateCompetitionScoreDto,
  UpdateCompetitionScoreDto,
  ListCompetitionScoresQuery,
} from './dto/competition-scores.dto';

export const traderProfiles = resource({
  path: 'trader-profiles',
  tag: 'competition',
  entity: TraderProfile,
  label: 'trader profile',
  createDto: CreateTraderProfileDto,
  updateDto: UpdateTraderProfileDto,
  listQuery: ListTraderProfilesQuery,
  filters: ['status', 'isPromoted'],
  timeColumn: 'created_at',
});

export const competitionRuns = resource({
  path: 'competition-runs',
  tag: 'competition',
  entity: CompetitionRun,
  label: 'competition run',
  createDto: CreateCompetitionRunDto,
  updateDto: UpdateCompetitionRunDto,
  listQuery: ListCompetitionRunsQuery,
  filters: ['status', 'traceId'],
  timeColumn: 'created_at',
});

export const competitionScores = resource({
  path: 'competition-scores',
  tag: 'competition',
  entity: CompetitionScore,
  label: 'competition score',
  createDto: CreateCompetitionScoreDto,
  updateDto: UpdateCompetitionScoreDto,
  listQuery: ListCompetitionScoresQuery,
  filters: ['runId', 'traderProfileId'],
  timeColumn: 'snapshot_at',
});

/** The competition tables served by the shared CRUD mechanism: each names its DTOs and what differs. */
export const competitionResources: ResourceSpec[] = [
  traderProfiles,
  competitionRuns,
  competitionScores,
];
