import { resource, ResourceSpec } from '../common/crud/resource-spec';
import { ForbiddenError } from '../common/errors/domain-errors';
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
  // The active version is what trades run on: only an admin changes it (or archives it).
  beforeUpdate: (row, caller) => {
    if (row.status === 'active' && !caller.isAdmin)
      throw new ForbiddenError(
        'the active version of a strategy is changed by an administrator only',
      );
  },
  transitions: {
    status: {
      values: ['active'],
      via: 'POST /api/strategies/{strategyId}/versions/{id}/activate',
      // An admin may set it directly; the one-active index then refuses a second (409).
      admins: true,
    },
  },
});

/** The strategies tables served by the shared CRUD mechanism: each names its DTOs and what differs. */
export const strategiesResources: ResourceSpec[] = [strategyVersions];
