import { resource, ResourceSpec } from '../common/crud/resource-spec';
import { AlertEvent } from './entities/alert-event.entity';
import { AlertRule } from './entities/alert-rule.entity';

/** The alerts tables served by the shared CRUD mechanism: only what differs is declared here. */
export const alertsResources: ResourceSpec[] = [
  resource({
    path: 'alert-rules',
    tag: 'alerts',
    entity: AlertRule,
    label: 'alert rule',
    filters: ['enabled', 'ruleType'],
    timeColumn: 'created_at',
  }),
  resource({
    path: 'alert-events',
    tag: 'alerts',
    entity: AlertEvent,
    label: 'alert event',
    filters: ['ruleId', 'status'],
    timeColumn: 'created_at',
  }),
];
