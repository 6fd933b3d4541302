import type { Type as ClassType } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { AuthUser, writesPlatform } from '../auth-user';
import { accessOf } from './table-access';

export type AccessMode = 'read' | 'write';

/** Turns a value into a bind placeholder of the statement being built (`$3`, `:acl_owner`). */
export type Bind = (value: unknown) => string;

/**
 * The SQL condition under which `caller` may read or write the rows of `entity` seen as `alias`,
 * or `null` when it may touch none of them at all (a 403 for the route). `'TRUE'` when every row
 * is allowed. Child tables follow their parent chain with EXISTS subqueries on the parent's id
 * (its primary key), so the condition is part of the statement that reads or writes the rows:
 * there is never a read-then-check window.
 */
export function accessCondition(
  dataSource: DataSource,
  entity: ClassType<unknown>,
  alias: string,
  caller: AuthUser,
  mode: AccessMode,
  bind: Bind,
  depth = 0,
): string | null {
  if (caller.isAdmin) return 'TRUE';
  const rule = accessOf(entity);
  switch (rule.class) {
    case 'admin':
      return null;
    case 'platform':
      if (mode === 'read') return 'TRUE';
      return writesPlatform(caller) && !rule.adminWrites ? 'TRUE' : null;
    case 'owned':
      return caller.userId === null
        ? null
        : `${alias}."${rule.ownerColumn}" = ${bind(caller.userId)}`;
    case 'child': {
      const parent = rule.parent();
      const parentAlias = `acl_p${depth + 1}`;
      const parentCondition = accessCondition(
        dataSource,
        parent,
        parentAlias,
        caller,
        mode,
        bind,
        depth + 1,
      );
      const table = dataSource.getMetadata(parent).tableName;
      const linked =
        parentCondition === null
          ? null
          : `EXISTS (SELECT 1 FROM "${table}" ${parentAlias} WHERE ${parentAlias}.id = ${alias}."${rule.parentColumn}" AND ${parentCondition})`;
      const unlinked =
        rule.unlinkedIsPlatform && (mode === 'read' || writesPlatform(caller))
          ? `${alias}."${rule.parentColumn}" IS NULL`
          : null;
      if (linked && unlinked) return `(${unlinked} OR ${linked})`;
      return linked ?? unlinked;
    }
  }
}

/** Positional binds for a raw statement: `$1`, `$2`, ... after `params` already holds. */
export function positionalBind(params: unknown[]): Bind {
  return (value) => {
    params.push(value);
    return `$${params.length}`;
  };
}

/** Named binds for a TypeORM query builder (the owner is the only value a condition binds). */
export function namedBind(params: Record<string, unknown>): Bind {
  return (value) => {
    const name = `acl_${Object.keys(params).length}`;
    params[name] = value;
    return `:${name}`;
  };
}
