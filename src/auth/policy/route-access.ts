import { applyDecorators, SetMetadata, Type as ClassType } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import type { Scope } from '../auth-user';
import { accessOf } from './table-access';

export const ROUTE_ACCESS = 'routeAccess';

/**
 * Who may call a route, declared on every route (the guard refuses a route without one):
 * - `public`: anyone, no token;
 * - `caller`: any authenticated caller (its own session, its own identity);
 * - `session`: a person logged in with a session token (user or admin): what only the person
 *   may do, never a service's API key, even one acting as that person (403);
 * - `admin`: admins only (admin-only tables, admin transitions, operations);
 * - `table`: reads or writes rows of `entity`, as its access class allows (the guard checks the
 *   caller may touch the table at all; the service's SQL limits the rows);
 * - `scope`: admins, and services holding `scope` (e.g. the work queue's claim).
 */
export type RouteAccess =
  | { kind: 'public' }
  | { kind: 'caller' }
  | { kind: 'session' }
  | { kind: 'admin'; entity?: ClassType<unknown> }
  | { kind: 'table'; entity: ClassType<unknown>; mode: 'read' | 'write' }
  | { kind: 'scope'; scope: Scope; entity: ClassType<unknown> };

/** A child table some of whose rows are platform data: unlinked ones, here or up its parent chain. */
function hasPlatformRows(entity: ClassType<unknown>): boolean {
  const access = accessOf(entity);
  if (access.class !== 'child') return false;
  return access.unlinkedIsPlatform || hasPlatformRows(access.parent());
}

/** What the OpenAPI document says of a route, so tests and clients can derive expectations. */
function describe(rule: RouteAccess): Record<string, unknown> {
  switch (rule.kind) {
    case 'table': {
      const access = accessOf(rule.entity);
      return {
        kind: rule.kind,
        entity: rule.entity.name,
        class: access.class,
        mode: rule.mode,
        ...(access.class === 'platform' && access.adminWrites ? { writes: 'admin' } : {}),
        ...(hasPlatformRows(rule.entity) ? { unlinked: 'platform' } : {}),
      };
    }
    case 'scope':
      return { kind: rule.kind, scope: rule.scope, entity: rule.entity.name };
    case 'admin':
      return rule.entity
        ? { kind: rule.kind, entity: rule.entity.name, class: accessOf(rule.entity).class }
        : { kind: rule.kind };
    default:
      return { kind: rule.kind };
  }
}

export function Access(rule: RouteAccess): ClassDecorator & MethodDecorator {
  return applyDecorators(SetMetadata(ROUTE_ACCESS, rule), ApiExtension('x-access', describe(rule)));
}

export const Public = () => Access({ kind: 'public' });
/** Admins only; `entity` names the table a route's `{id}` refers to, when there is one. */
export const AdminOnly = (entity?: ClassType<unknown>) => Access({ kind: 'admin', entity });
export const AnyCaller = () => Access({ kind: 'caller' });
export const SessionCaller = () => Access({ kind: 'session' });
export const Reads = (entity: ClassType<unknown>) =>
  Access({ kind: 'table', entity, mode: 'read' });
export const Writes = (entity: ClassType<unknown>) =>
  Access({ kind: 'table', entity, mode: 'write' });
