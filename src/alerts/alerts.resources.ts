import { resource, ResourceSpec } from '../common/crud/resource-spec';
import { AlertEvent } from './entities/alert-event.entity';
import { AlertRule } from './entities/alert-rule.entity';
import { CreateAlertRuleDto, UpdateAlertRuleDto, ListAlertRulesQuery } from './dto/alert-rules.dto';
import {
  CreateAlertEventDto,
  UpdateAlertEventDto,
  ListAlertEventsQuery,
} from './dto/alert-events.dto';

export const alertRules = resource({
  path: 'alert-rules',
  tag: 'alerts',
  entity: AlertRule,
  label: 'alert rule',
  createDto: CreateAlertRuleDto,
  updateDto: UpdateAlertRuleDto,
  listQuery: ListAlertRulesQuery,
  filters: ['enabled', 'ruleType'],
  timeColumn: 'created_at',
});

export const alertEvents = resource({
  path: 'alert-events',
  tag: 'alerts',
  entity: AlertEvent,
  label: 'alert event',
  createDto: CreateAlertEventDto,
  updateDto: UpdateAlertEventDto,
  listQuery: ListAlertEventsQuery,
  filters: ['ruleId', 'status'],
  timeColumn: 'created_at',
});

/** The alerts tables served by the shared CRUD mechanism: each names its DTOs and what differs. */
export const alertsResources: ResourceSpec[] = [alertRules, alertEvents];
