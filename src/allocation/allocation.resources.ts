import { IsIn } from 'class-validator';
import { resource, ResourceSpec } from '../common/crud/resource-spec';
import { IsDecimal } from '../common/validation/decimal';
import { AllocationPolicy } from './entities/allocation-policy.entity';
import { RebalanceRun } from './entities/rebalance-run.entity';

/** The allocation tables served by the shared CRUD mechanism: only what differs is declared here. */
export const allocationResources: ResourceSpec[] = [
  resource({
    path: 'allocation-policies',
    tag: 'allocation',
    entity: AllocationPolicy,
    label: 'allocation policy',
    filters: ['isActive'],
    actor: { onCreate: ['createdBy'] },
    timeColumn: 'created_at',
    rules: {
      maxPositionWeightPct: [IsDecimal({ min: '0', max: '100' })],
      maxSectorWeightPct: [IsDecimal({ min: '0', max: '100' })],
    },
  }),
  resource({
    path: 'rebalance-runs',
    tag: 'allocation',
    entity: RebalanceRun,
    label: 'rebalance run',
    filters: ['policyId', 'status', 'traceId'],
    timeColumn: 'started_at',
    rules: { status: [IsIn(['pending', 'running', 'completed', 'failed'])] },
  }),
];
