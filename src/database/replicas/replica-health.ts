import type { HealthIndicatorResult } from '@nestjs/terminus';
import type { ReplicaSet } from './replica-set';

/**
 * The replicas' part of readiness. Always "up": reads fall back to the primary, so a replica
 * outage degrades the service (more load on the primary) without making it unready; the details
 * say which replica is out and why.
 */
export function replicasIndicator(set: ReplicaSet): HealthIndicatorResult {
  const members = set.statuses();
  const inRotation = members.filter((m) => m.up).length;
  return {
    replicas: {
      status: 'up',
      degraded: inRotation < members.length,
      inRotation,
      configured: members.length,
      members,
    },
  };
}
