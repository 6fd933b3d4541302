import { Injectable, Type as ClassType } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import type { DataSource } from 'typeorm';
import type { EntityMetadata } from 'typeorm/metadata/EntityMetadata';
import { cascadeCountSql, runCascade } from '../../database/cascade-sql';
import type { Tx } from '../../database/transaction';
import { adminStateSql } from './admin-states';
import { accessOf } from './table-access';

/** What a delete (or a re-parenting) reaches, per table. */
export interface CascadeReach {
  /** Rows the delete removes, the target row included (the delete preview). */
  wouldDelete: Record<string, number>;
  /** Rows removed or changed (SET NULL) whose owner is not the target row's owner. */
  others: Record<string, number>;
  /** Rows removed or changed that are in an admin state (see admin-states.ts). */
  guarded: Record<string, number>;
}

/** A row's owner taken as something else: the row `id` of `table` is owned by `owner`. */
interface Override {
  table: EntityMetadata;
  id: string;
  owner: string;
}

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;
const pgType = (m: EntityMetadata) =>
  m.primaryColumns[0].type === 'uuid'
    ? 'uuid'
    : m.primaryColumns[0].type === Number || /int/.test(String(m.primaryColumns[0].type))
      ? 'bigint'
      : 'text';

/**
 * The owner of a child row without a parent whose table does not make such rows platform data:
 * only an admin creates one (assertParentGiven), and it is no one's, so no delete is refused
 * for reaching it (an id no user has: users' ids are gen_random_uuid()'s, version 4).
 */
const NOBODY = `'00000000-0000-0000-0000-000000000000'::uuid`;

/**
 * The owner (a user id) of the row `alias` of `meta`, followed up the parent chain in
 * SQL: an owned table's owner column; a child's parent's owner; NULL for platform and admin rows
 * and for a child row without a parent that is platform data (NOBODY for any other child row
 * without one). Platform rows are all "the platform's": NULL IS NOT DISTINCT FROM NULL.
 */
function ownerSql(
  dataSource: DataSource,
  meta: EntityMetadata,
  alias: string,
  depth = 0,
  override?: Override,
): string {
  const rule = accessOf(meta.target as ClassType<unknown>);
  let owner: string;
  switch (rule.class) {
    case 'owned':
      owner = `${alias}.${q(rule.ownerColumn)}`;
      break;
    case 'child': {
      const parent = dataSource.getMetadata(rule.parent());
      const p = `acl_o${depth + 1}`;
      const column = `${alias}.${q(rule.parentColumn)}`;
      const parentOwner = `(SELECT ${ownerSql(dataSource, parent, p, depth + 1, override)} FROM ${q(parent.tableName)} ${p} WHERE ${p}.id = ${column})`;
      owner = rule.unlinkedIsPlatform
        ? parentOwner
        : `(CASE WHEN ${column} IS NULL THEN ${NOBODY} ELSE ${parentOwner} END)`;
      break;
    }
    default:
      owner = 'NULL::uuid';
  }
  return override && override.table === meta
    ? `(CASE WHEN ${alias}.id = ${override.id} THEN ${override.owner} ELSE ${owner} END)`
    : owner;
}

/**
 * Whose rows a delete reaches. One statement per delete: the cascade's sets (cascade-sql.ts)
 * with, per table, the count of rows whose owner differs from the target row's and of rows in an
 * admin state, and rows that a SET NULL key would change counted like removed ones (a change of
 * another owner's row is as much a change as its removal).
 */
@Injectable()
export class CascadeOwnership {
  /** Statements per root table and kind, built once: the FK graph does not change at run time. */
  private readonly statements = new Map<string, string>();

  constructor(@InjectTransactionHost() private readonly tx: Tx) {}

  private get dataSource(): DataSource {
    return this.tx.tx.connection;
  }

  private statement(root: EntityMetadata, reparent: boolean): string {
    const key = `${root.tableName}:${reparent ? 'reparent' : 'delete'}`;
    const cached = this.statements.get(key);
    if (cached) return cached;
    const ds = this.dataSource;
    const parentOf = (): EntityMetadata => {
      const rule = accessOf(root.target as ClassType<unknown>);
      if (rule.class !== 'child') throw new Error(`${root.tableName} has no parent to change`);
      return ds.getMetadata(rule.parent());
    };
    // The parameter as cascade-sql binds it: the root's id, typed.
    const param = `$1::${pgType(root)}`;
    // Re-parenting: the target row (and whatever is owned through it) gets the new parent's owner
    // ($2; NULL, no parent, is the platform's).
    const parent = reparent ? parentOf() : undefined;
    const override: Override | undefined = parent && {
      table: root,
      id: param,
      owner: `(SELECT ${ownerSql(ds, parent, 'acl_np')} FROM ${q(parent.tableName)} acl_np WHERE acl_np.id = $2::${pgType(parent)})`,
    };
    const sql = cascadeCountSql(root, ds.entityMetadatas, {
      prelude: () => [
        `acl_root_owner(o) AS MATERIALIZED (SELECT ${ownerSql(ds, root, 'c', 0, override)} FROM ${q(root.tableName)} c WHERE c.id = ${param})`,
      ],
      columns: (m, where) => {
        const owner = ownerSql(ds, m, 'c', 0, override);
        const guarded = adminStateSql(m.target as ClassType<unknown>, 'c');
        return [
          `(SELECT count(*) FROM ${q(m.tableName)} c WHERE ${where} AND ${owner} IS DISTINCT FROM (SELECT o FROM acl_root_owner) AND ${owner} IS DISTINCT FROM ${NOBODY}) AS others`,
          guarded
            ? `(SELECT count(*) FROM ${q(m.tableName)} c WHERE ${where} AND ${guarded}) AS guarded`
            : '0::bigint AS guarded',
        ];
      },
    });
    this.statements.set(key, sql);
    return sql;
  }

  private async reach(
    entity: ClassType<unknown>,
    params: unknown[],
    reparent: boolean,
  ): Promise<CascadeReach> {
    const root = this.dataSource.getMetadata(entity);
    const sql = this.statement(root, reparent);
    const rows = await this.tx.withTransaction(() =>
      runCascade<{ tbl: string; n: string; others: string; guarded: string }>(
        (text, p) => this.tx.tx.query(text, p),
        sql,
        params,
      ),
    );
    const out: CascadeReach = { wouldDelete: {}, others: {}, guarded: {} };
    const add = (into: Record<string, number>, table: string, n: string) => {
      if (Number(n) > 0) into[table] = (into[table] ?? 0) + Number(n);
    };
    for (const row of [...rows].sort((a, b) => a.tbl.localeCompare(b.tbl))) {
      add(out.wouldDelete, row.tbl, row.n);
      add(out.others, row.tbl, row.others);
      add(out.guarded, row.tbl, row.guarded);
    }
    return out;
  }

  /** What deleting row `id` of `entity` removes and changes, and whose rows those are. */
  ofDelete(entity: ClassType<unknown>, id: string | number): Promise<CascadeReach> {
    return this.reach(entity, [id], false);
  }

  /**
   * The rows that depend on row `id` of a child table (what its delete would reach) and that
   * would not belong to its owner once its parent is `parentId` (null: no parent).
   */
  ofReparent(
    entity: ClassType<unknown>,
    id: string | number,
    parentId: unknown,
  ): Promise<CascadeReach> {
    return this.reach(entity, [id, parentId ?? null], true);
  }
}
