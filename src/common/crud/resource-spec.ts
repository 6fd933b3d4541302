import { Type as ClassType } from '@nestjs/common';
import type { ObjectLiteral } from 'typeorm';
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
  /** Writes need an admin (reads need a token only). */
  adminWrites?: boolean;
  /** Reads need an admin too. */
  adminReads?: boolean;
  idType?: 'uuid' | 'int';
  /** Which routes exist; all by default. */
  routes?: Array<'list' | 'get' | 'create' | 'update' | 'delete'>;
  // Method signatures (bivariant), so a spec of any entity is a ResourceSpec.
  /** Turns a row into what the API shows (e.g. masking secrets). */
  present?(row: E): unknown;
  /** Refuses an update of this row (e.g. read-only settings), before anything is written. */
  beforeUpdate?(row: E): void;
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
  adminWrites?: boolean;
  adminReads?: boolean;
  idType?: 'uuid' | 'int';
  routes?: ResourceSpec<E>['routes'];
  present?: (row: E) => unknown;
  beforeUpdate?: (row: E) => void;
}

const pascal = (s: string) => s.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase());

/** Builds a resource's spec, deriving its DTOs from the entity and the given rules. */
export function resource<E extends ObjectLiteral>(o: ResourceOptions<E>): ResourceSpec<E> {
  const base = pascal(o.path);
  const createDto = createDtoFor(`Create${base}Dto`, o.entity, o.rules, o.readOnly);
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
    adminWrites: o.adminWrites,
    adminReads: o.adminReads,
    idType: o.idType,
    routes: o.routes,
    present: o.present,
    beforeUpdate: o.beforeUpdate,
  };
}
