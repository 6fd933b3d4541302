import { resource, ResourceSpec } from '../common/crud/resource-spec';
import { AllocationPolicy } from './entities/allocation-policy.entity';
import { RebalanceRun } from './entities/rebalance-run.entity';
import {
  CreateAllocationPolicyDto,
  UpdateAllocationPolicyDto,
  ListAllocationPoliciesQuery,
} from './dto/allocation-policies.dto';
import {
  CreateRebalanceRunDto,
  UpdateRebalanceRunDto,
  ListRebalanceRunsQuery,
} from './dto/rebalance-runs.dto';

export const allocationPolicies = resource({
  path: 'allocation-policies',
  tag: 'allocation',
  entity: AllocationPolicy,
  label: 'allocation policy',
  createDto: CreateAllocationPolicyDto,
  updateDto: UpdateAllocationPolicyDto,
  listQuery: ListAllocationPoliciesQuery,
  filters: ['isActive'],
  actor: { onCreate: ['createdBy'] },
  timeColumn: 'created_at',
});

export const rebalanceRuns = resource({
  path: 'rebalance-runs',
  tag: 'allocation',
  entity: RebalanceRun,
  label: 'rebalance run',
  createDto: CreateRebalanceRunDto,
  updateDto: UpdateRebalanceRunDto,
  listQuery: ListRebalanceRunsQuery,
  filters: ['policyId', 'status', 'traceId'],
  timeColumn: 'started_at',
});

/** The allocation tables served by the shared CRUD mechanism: each names its DTOs and what differs. */
export const allocationResources: ResourceSpec[] = [allocationPolicies, rebalanceRuns];
