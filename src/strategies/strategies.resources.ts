import { resource, ResourceSpec } from '../common/crud/resource-spec';
import { StrategyVersion } from './entities/strategy-version.entity';
import {
  CreateStrategyVersionDto,
  UpdateStrategyVersionDto,
  ListStrategyVersionsQuery,
} from './dto/strategy-versions.dto';

export const strategyVersions = resource({
  path: 'strategy-versions',
  tag: 'strategies',
  entity: StrategyVersion,
  label: 'strategy version',
  createDto: CreateStrategyVersionDto,
  updateDto: UpdateStrategyVersionDto,
  listQuery: ListStrategyVersionsQuery,
  filters: ['strategyId', 'status'],
  timeColumn: 'created_at',
  actor: { onCreate: ['createdBy'] },
  adminChanges: ['strategyId'],
  // The active version is what trades run on: making, changing or deleting it is an admin's
  // decision (src/auth/policy/admin-states.ts applies that to every verb). An admin may also set
  // it directly; the one-active index then refuses a second (409).
});

/** The strategies tables served by the shared CRUD mechanism: each names its DTOs and what differs. */
export const strategiesResources: ResourceSpec[] = [strategyVersions];
