import { Type as ClassType } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import type { ObjectLiteral } from 'typeorm';
import type { AuthUser } from '../../auth/auth-user';
import { accessOf } from '../../auth/policy/table-access';
import { ListQueryDto } from '../pagination/list-query.dto';

/** What one table needs to be served over REST by the shared CRUD mechanism. */
export interface ResourceSpec<E extends ObjectLiteral = ObjectLiteral> {
  /** URL segment under /api, kebab-case plural. */
  path: string;
  /** OpenAPI tag (the owning domain). */
  tag: string;
  entity: ClassType<E>;
  /** Human name for messages ("alert rule"). */
  label: string;
  createDto: ClassType<object>;
  updateDto: ClassType<object>;
  listQuery: ClassType<ListQueryDto>;
  /** Query properties that filter by equality on their column. */
  filters: string[];
  /** Ordering column (database name), newest first; id alone when absent. */
  timeColumn?: string;
  /** Properties set from the caller (its user id) on create, and on update: "who did it" columns. */
  actor?: { onCreate?: string[]; onUpdate?: string[] };
  /**
   * Values even an administrator sets only through their own route (e.g. approving, which records
   * who and when). Non-admins are refused every admin state by src/auth/policy/admin-states.ts.
   */
  transitions?: Record<string, { values: unknown[]; via: string }>;
  /** Properties only an admin may change once the row exists (e.g. which strategy a version is of). */
  adminChanges?: string[];
  /** Body keys audit rows never store in clear (e.g. every admin setting's value). */
  auditRedact?: string[];
  idType?: 'uuid' | 'int';
  // Method signatures (bivariant), so a spec of any entity is a ResourceSpec.
  /** Turns a row into what the API shows (e.g. masking secrets). */
  present?(row: E): unknown;
  /** Refuses an update of this row (e.g. read-only settings), before anything is written. */
  beforeUpdate?(row: E, caller: AuthUser): void;
}

export interface ResourceOptions<E extends ObjectLiteral> {
  path: string;
  tag: string;
  entity: ClassType<E>;
  label: string;
  /** The explicit DTO classes (`src/<feature>/dto/<path>.dto.ts`). */
  createDto: ClassType<object>;
  updateDto: ClassType<object>;
  listQuery: ClassType<ListQueryDto>;
  filters?: string[];
  timeColumn?: string | null;
  actor?: ResourceSpec<E>['actor'];
  transitions?: ResourceSpec<E>['transitions'];
  adminChanges?: string[];
  auditRedact?: string[];
  idType?: 'uuid' | 'int';
  present?: (row: E) => unknown;
  beforeUpdate?: (row: E, caller: AuthUser) => void;
}

/** The owner column's property of an owned table (e.g. `userId`), which only the server sets. */
export function ownerProperty(entity: ClassType<unknown>): string | undefined {
  const rule = accessOf(entity);
  if (rule.class !== 'owned') return undefined;
  return rule.ownerColumn.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

/** The properties a DTO class validates (what the whitelist lets through). */
function acceptedBy(dto: ClassType<object>): Set<string> {
  return new Set(
    getMetadataStorage()
      .getTargetValidationMetadatas(dto, '', true, false)
      .map((m) => m.propertyName),
  );
}

/**
 * A resource's spec. Who-did-it columns and the owner column are the server's to fill: a DTO
 * that accepted one would let a client write another user's id, so that fails at start-up.
 */
export function resource<E extends ObjectLiteral>(o: ResourceOptions<E>): ResourceSpec<E> {
  const serverSet = [
    ...(o.actor?.onCreate ?? []),
    ...(o.actor?.onUpdate ?? []),
    ...[ownerProperty(o.entity)].filter((p): p is string => p !== undefined),
  ];
  for (const dto of [o.createDto, o.updateDto]) {
    const leaked = serverSet.filter((p) => acceptedBy(dto).has(p));
    if (leaked.length > 0) {
      throw new Error(`${dto.name} accepts server-set properties: ${leaked.join(', ')}`);
    }
  }
  return {
    path: o.path,
    tag: o.tag,
    entity: o.entity,
    label: o.label,
    createDto: o.createDto,
    updateDto: o.updateDto,
    listQuery: o.listQuery,
    filters: o.filters ?? [],
    timeColumn: o.timeColumn === null ? undefined : (o.timeColumn ?? 'created_at'),
    actor: o.actor,
    transitions: o.transitions,
    adminChanges: o.adminChanges,
    auditRedact: o.auditRedact,
    idType: o.idType,
    present: o.present,
    beforeUpdate: o.beforeUpdate,
  };
}
