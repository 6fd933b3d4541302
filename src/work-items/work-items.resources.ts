import { resource, ResourceSpec } from '../common/crud/resource-spec';
import { WorkItem } from './entities/work-item.entity';
import { WorkItemRun } from './entities/work-item-run.entity';
import { CreateWorkItemDto, UpdateWorkItemDto, ListWorkItemsQuery } from './dto/work-items.dto';
import {
  CreateWorkItemRunDto,
  UpdateWorkItemRunDto,
  ListWorkItemRunsQuery,
} from './dto/work-item-runs.dto';

export const workItems = resource({
  path: 'work-items',
  tag: 'work-items',
  entity: WorkItem,
  label: 'work item',
  createDto: CreateWorkItemDto,
  updateDto: UpdateWorkItemDto,
  listQuery: ListWorkItemsQuery,
  filters: ['status', 'type', 'symbol'],
  timeColumn: 'created_at',
});

export const workItemRuns = resource({
  path: 'work-item-runs',
  tag: 'work-items',
  entity: WorkItemRun,
  label: 'work item run',
  createDto: CreateWorkItemRunDto,
  updateDto: UpdateWorkItemRunDto,
  listQuery: ListWorkItemRunsQuery,
  filters: ['workItemId', 'status'],
  timeColumn: 'created_at',
});

/** The work-items tables served by the shared CRUD mechanism: each names its DTOs and what differs. */
export const workItemsResources: ResourceSpec[] = [workItems, workItemRuns];
