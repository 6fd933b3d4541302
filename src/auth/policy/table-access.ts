import type { Type as ClassType } from '@nestjs/common';

/**
 * The access class of every table (see "Who may touch what" in the API contract). Each entity
 * declares its class with one of the decorators below, next to its @Entity; the SQL conditions
 * (access-scope.ts), the route guard and the generated documentation all read it from here.
 */
export type TableClass = 'owned' | 'child' | 'platform' | 'admin';

export interface OwnedAccess {
  class: 'owned';
  /** The column naming the owning user. */
  ownerColumn: string;
}

export interface ChildAccess {
  class: 'child';
  /** The table whose owner owns these rows. */
  parent: () => ClassType<unknown>;
  /** The column referencing the parent's id. */
  parentColumn: string;
  /**
   * Rows with no parent (the column is NULL) are platform data: every caller reads them, only
   * platform writers write them. Without this, a row always needs a parent.
   */
  unlinkedIsPlatform: boolean;
}

export interface PlatformAccess {
  class: 'platform';
  /** Writes need an admin (services with platform:write cannot make them either). */
  adminWrites: boolean;
}

export interface AdminAccess {
  class: 'admin';
}

export type TableAccessRule = OwnedAccess | ChildAccess | PlatformAccess | AdminAccess;

const registry = new Map<ClassType<unknown>, TableAccessRule>();

function declare(rule: TableAccessRule): ClassDecorator {
  return (target) => {
    const entity = target as unknown as ClassType<unknown>;
    if (registry.has(entity)) throw new Error(`${entity.name}: access class declared twice`);
    registry.set(entity, rule);
  };
}

/** Rows belong to one user (`ownerColumn`); another user's row is a 404 and never listed. */
export const OwnedTable = (ownerColumn = 'user_id'): ClassDecorator =>
  declare({ class: 'owned', ownerColumn });

/** Rows belong to whoever owns their parent row (the chain is followed in SQL). */
export const ChildTable = (
  parent: () => ClassType<unknown>,
  parentColumn: string,
  options: { unlinkedIsPlatform?: boolean } = {},
): ClassDecorator =>
  declare({
    class: 'child',
    parent,
    parentColumn,
    unlinkedIsPlatform: options.unlinkedIsPlatform ?? false,
  });

/** Shared reference data: everyone reads; services with platform:write and admins write. */
export const PlatformTable = (options: { adminWrites?: boolean } = {}): ClassDecorator =>
  declare({ class: 'platform', adminWrites: options.adminWrites ?? false });

/** Only admins read or write. */
export const AdminTable = (): ClassDecorator => declare({ class: 'admin' });

/** The declared rule of an entity; an entity without one is a programming error. */
export function accessOf(entity: ClassType<unknown>): TableAccessRule {
  const rule = registry.get(entity);
  if (!rule) throw new Error(`${entity.name} has no access class (declare one next to @Entity)`);
  return rule;
}

export function hasAccessRule(entity: ClassType<unknown>): boolean {
  return registry.has(entity);
}
