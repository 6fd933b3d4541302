import { Type as ClassType } from '@nestjs/common';
import type { ObjectLiteral } from 'typeorm';
import type { AuthUser } from '../../auth/auth-user';
import { accessOf } from '../../auth/policy/table-access';
import { ListQueryDto } from '../pagination/list-query.dto';
import { createDtoFor, listQueryFor, RuleOverrides, updateDtoFor } from './dto-factory';

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
   * Values a generic write may not set: admin transitions that have their own route. With
   * `admins`, an admin may still set them directly (the database's constraints then decide).
   */
  transitions?: Record<string, { values: unknown[]; via: string; admins?: boolean }>;
  /** Properties only an admin may change once the row exists (e.g. which strategy a version is of). */
  adminChanges?: string[];
  /** Body keys audit rows never store in clear (e.g. every admin setting's value). */
  auditRedact?: string[];
  idType?: 'uuid' | 'int';
  /** Which routes exist; all by default. */
  routes?: Array<'list' | 'get' | 'create' | 'update' | 'delete'>;
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
  filters?: string[];
  rules?: RuleOverrides;
  /** Columns clients may not set (server-managed). */
  readOnly?: string[];
  timeColumn?: string | null;
  actor?: ResourceSpec<E>['actor'];
  transitions?: ResourceSpec<E>['transitions'];
  adminChanges?: string[];
  auditRedact?: string[];
  idType?: 'uuid' | 'int';
  routes?: ResourceSpec<E>['routes'];
  present?: (row: E) => unknown;
  beforeUpdate?: (row: E, caller: AuthUser) => void;
}

/** The owner column's property of an owned table (e.g. `userId`), which only the server sets. */
function ownerProperty(entity: ClassType<unknown>): string[] {
  const rule = accessOf(entity);
  if (rule.class !== 'owned') return [];
  return [rule.ownerColumn.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())];
}

const pascal = (s: string) => s.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase());

/** Builds a resource's spec, deriving its DTOs from the entity and the given rules. */
export function resource<E extends ObjectLiteral>(o: ResourceOptions<E>): ResourceSpec<E> {
  const base = pascal(o.path);
  // Who-did-it columns and the owner column are the server's to fill, never the client's.
  const serverSet = [
    ...(o.readOnly ?? []),
    ...(o.actor?.onCreate ?? []),
    ...(o.actor?.onUpdate ?? []),
    ...ownerProperty(o.entity),
  ];
  const createDto = createDtoFor(`Create${base}Dto`, o.entity, o.rules, serverSet);
  return {
    path: o.path,
    tag: o.tag,
    entity: o.entity,
    label: o.label,
    createDto,
    updateDto: updateDtoFor(`Update${base}Dto`, createDto),
    listQuery: listQueryFor(`List${base}Query`, o.entity, o.filters ?? []),
    filters: o.filters ?? [],
    timeColumn: o.timeColumn === null ? undefined : (o.timeColumn ?? 'created_at'),
    actor: o.actor,
    transitions: o.transitions,
    adminChanges: o.adminChanges,
    auditRedact: o.auditRedact,
    idType: o.idType,
    routes: o.routes,
    present: o.present,
    beforeUpdate: o.beforeUpdate,
  };
}
