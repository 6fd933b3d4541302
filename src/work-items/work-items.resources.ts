import { IsIn, IsInt, Min } from 'class-validator';
import { resource, ResourceSpec } from '../common/crud/resource-spec';
import { WorkItem } from './entities/work-item.entity';
import { WorkItemRun } from './entities/work-item-run.entity';

/** The work-items tables served by the shared CRUD mechanism: only what differs is declared here. */
export const workItemsResources: ResourceSpec[] = [
  resource({
    path: 'work-items',
    tag: 'work-items',
    entity: WorkItem,
    label: 'work item',
    filters: ['status', 'type', 'symbol'],
    timeColumn: 'created_at',
    rules: {
      status: [IsIn(['PENDING', 'RUNNING', 'SUCCEEDED', 'FAILED', 'DEAD_LETTER'])],
      maxAttempts: [IsInt(), Min(1)],
    },
  }),
  resource({
    path: 'work-item-runs',
    tag: 'work-items',
    entity: WorkItemRun,
    label: 'work item run',
    filters: ['workItemId', 'status'],
    timeColumn: 'created_at',
    rules: { status: [IsIn(['RUNNING', 'SUCCEEDED', 'FAILED'])] },
  }),
];
