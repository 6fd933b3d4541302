import { Injectable, Type as ClassType } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  UnprocessableError,
} from '../../common/errors/domain-errors';
import type { DeletePreview } from '../../database/cascade-preview.service';
import type { ScopeSql } from '../../common/sql/params';
import type { Tx } from '../../database/transaction';
import { writesPlatform, type AuthUser } from '../auth-user';
import { AccessMode, accessCondition, namedBind, positionalBind } from './access-scope';
import { adminStateNames } from './admin-states';
import { CascadeOwnership } from './ownership';
import { accessOf } from './table-access';

const human = (table: string) => table.replace(/_/g, ' ');

/** "trades: 2, ai decisions: 1": counts per table, never whose rows. */
const perTable = (counts: Record<string, number>) =>
  Object.entries(counts)
    .map(([table, n]) => `${human(table)}: ${n}`)
    .join(', ');

/**
 * The access policy applied to queries: every service that reads or writes a table asks it for
 * the caller's condition instead of writing its own ownership check.
 */
@Injectable()
export class AccessPolicy {
  constructor(
    @InjectTransactionHost() private readonly tx: Tx,
    private readonly ownership: CascadeOwnership,
  ) {}

  private get dataSource() {
    return this.tx.tx.connection;
  }

  private tableOf(entity: ClassType<unknown>): string {
    return this.dataSource.getMetadata(entity).tableName;
  }

  /** 403 unless the caller may read (or write) at least some rows of the table. */
  gate(entity: ClassType<unknown>, caller: AuthUser, mode: AccessMode): void {
    if (accessCondition(this.dataSource, entity, 'x', caller, mode, () => '$1') === null) {
      throw new ForbiddenError(
        `you may not ${mode} ${human(this.tableOf(entity))}${
          caller.role === 'service' && caller.userId === null && mode === 'read'
            ? ' (a service reads user data only with the act-as-user scope and X-Act-As-User)'
            : ''
        }`,
      );
    }
  }

  /** Adds the caller's condition to a query on `entity` (aliased `alias`); 403 when it has none. */
  scope<T extends ObjectLiteral>(
    qb: SelectQueryBuilder<T>,
    entity: ClassType<unknown>,
    alias: string,
    caller: AuthUser,
    mode: AccessMode,
  ): SelectQueryBuilder<T> {
    this.gate(entity, caller, mode);
    const params: Record<string, unknown> = {};
    const condition = accessCondition(
      this.dataSource,
      entity,
      alias,
      caller,
      mode,
      namedBind(params),
    )!;
    return condition === 'TRUE' ? qb : qb.andWhere(condition, params);
  }

  /**
   * The caller's condition for hand-written statements (placeholders from the statement's own
   * parameter list); 403 when it may touch none of the table.
   */
  scopeSql(entity: ClassType<unknown>, caller: AuthUser, mode: AccessMode): ScopeSql {
    this.gate(entity, caller, mode);
    return (alias, params) =>
      accessCondition(this.dataSource, entity, alias, caller, mode, (v) => params.add(v))!;
  }

  /**
   * Why a write on row `id` matched nothing: 404 when the caller cannot see the row (or it does
   * not exist), 403 when it can see but not change it.
   */
  async refusal(
    entity: ClassType<unknown>,
    id: string | number,
    caller: AuthUser,
    label = human(this.tableOf(entity)),
  ): Promise<Error> {
    const params: unknown[] = [id];
    // Asked after the write gate passed, and whoever may write some rows of a table may read
    // some (access-scope.ts): there is always a read condition.
    const read = accessCondition(
      this.dataSource,
      entity,
      'r',
      caller,
      'read',
      positionalBind(params),
    )!;
    const rows: unknown[] = await this.tx.tx.query(
      `SELECT 1 FROM "${this.tableOf(entity)}" r WHERE r.id = $1 AND ${read}`,
      params,
    );
    return rows.length > 0
      ? new ForbiddenError(`you may not change this ${label}`)
      : new NotFoundError(label, String(id));
  }

  /**
   * Every foreign key a client sets must name a row the caller may see (a parent it may write):
   * the key alone would accept another user's row. One statement for all of them; a reference the
   * caller cannot see is worded like the database's own 422, so existence does not leak.
   */
  async assertReferences(
    entity: ClassType<unknown>,
    values: Record<string, unknown>,
    caller: AuthUser,
  ): Promise<void> {
    if (caller.isAdmin) return;
    const rule = accessOf(entity);
    const meta = this.dataSource.getMetadata(entity);
    const checks: Array<{ field: string; table: string; parent: boolean }> = [];
    const selects: string[] = [];
    const params: unknown[] = [];
    for (const fk of meta.foreignKeys) {
      const column = fk.columns[0];
      const value = values[column.propertyName];
      if (value === undefined || value === null) continue;
      const target = fk.referencedEntityMetadata.target as ClassType<unknown>;
      const table = fk.referencedEntityMetadata.tableName;
      const parent = rule.class === 'child' && rule.parentColumn === column.databaseName;
      const i = checks.length;
      checks.push({ field: column.propertyName, table, parent });
      const exists = (mode: AccessMode) => {
        // Bound into a list of its own and kept only when there is a condition: every parameter
        // sent must appear in the SQL.
        const own: unknown[] = [];
        const bind = (v: unknown) => `$${params.length + own.push(v)}`;
        const idParam = bind(value);
        const condition = accessCondition(this.dataSource, target, 'x', caller, mode, bind);
        if (condition === null) return 'FALSE';
        params.push(...own);
        return `EXISTS (SELECT 1 FROM "${table}" x WHERE x.id = ${idParam} AND ${condition})`;
      };
      selects.push(
        `${exists('read')} AS "r${i}"`,
        `${exists(parent ? 'write' : 'read')} AS "w${i}"`,
      );
    }
    if (checks.length === 0) return;
    const [row] = (await this.tx.tx.query(`SELECT ${selects.join(', ')}`, params)) as Array<
      Record<string, boolean>
    >;
    checks.forEach((c, i) => {
      if (!row[`r${i}`]) {
        throw new UnprocessableError(
          `${c.field} ${String(values[c.field])} refers to a ${human(c.table)} row that does not exist`,
          'FOREIGN_KEY_VIOLATION',
          { field: c.field },
        );
      }
      if (!row[`w${i}`]) {
        throw new ForbiddenError(`you may not add rows under this ${human(c.table)} row`);
      }
    });
  }

  /**
   * A child row needs a parent unless unlinked rows are platform data and the caller writes
   * platform data (or is an admin).
   */
  assertParentGiven(
    entity: ClassType<unknown>,
    values: Record<string, unknown>,
    caller: AuthUser,
  ): void {
    const rule = accessOf(entity);
    if (rule.class !== 'child' || caller.isAdmin) return;
    const column = this.dataSource
      .getMetadata(entity)
      .columns.find((c) => c.databaseName === rule.parentColumn)!;
    const value = values[column.propertyName];
    if (value !== undefined && value !== null) return;
    if (rule.unlinkedIsPlatform && writesPlatform(caller)) return;
    throw new ForbiddenError(
      `${column.propertyName} is required: only platform writers create ${human(this.tableOf(entity))} rows without one`,
    );
  }

  /** The property of a child table's parent key (e.g. `decisionId`), if the table is a child. */
  parentProperty(entity: ClassType<unknown>): string | undefined {
    const rule = accessOf(entity);
    if (rule.class !== 'child') return undefined;
    return this.dataSource
      .getMetadata(entity)
      .columns.find((c) => c.databaseName === rule.parentColumn)?.propertyName;
  }

  /**
   * What a delete may remove. A caller's delete never removes or changes (SET NULL) a row owned
   * by someone other than the target row's owner, whatever path the cascade takes: owners are
   * resolved up every row's parent chain (ownership.ts), so a platform work item that other
   * users' orders reference, once attached to A's decision, does not let A's delete take B's
   * orders. Platform rows count as the platform's: deleting one that users' rows depend on, or a
   * user's delete that reaches platform rows, is refused the same way. 409 HAS_DEPENDENTS names
   * counts per table only (never whose rows); an admin may confirm with `force`. A non-admin's
   * delete that reaches a row in an admin state (admin-states.ts) is 403. The dry run answers
   * what the delete would answer; returns the preview when it was computed.
   */
  async checkDelete(
    entity: ClassType<unknown>,
    id: string | number,
    caller: AuthUser,
    options: { dryRun?: boolean; force?: boolean },
  ): Promise<DeletePreview | undefined> {
    if (caller.isAdmin && !options.dryRun && options.force) return undefined;
    const root = this.tableOf(entity);
    const reach = await this.ownership.ofDelete(entity, id);
    const guarded = Object.keys(reach.guarded);
    if (guarded.length > 0 && !caller.isAdmin) {
      const own = reach.guarded[root] ? adminStateNames(entity) : [];
      throw new ForbiddenError(
        own.length > 0
          ? `${own.join(' or ')} is deleted by an administrator only`
          : `this delete would remove rows that only an administrator changes (${guarded.map(human).join(', ')})`,
      );
    }
    const count = Object.values(reach.others).reduce((sum, n) => sum + n, 0);
    if (count > 0 && !(caller.isAdmin && options.force)) {
      throw new ConflictError(
        `this ${human(root)} row has ${count} dependent row(s) of other owners that a delete would remove or change (${perTable(reach.others)})` +
          (caller.isAdmin
            ? '; pass force=true to delete them too'
            : '; only an admin can force it'),
        'HAS_DEPENDENTS',
        { dependents: count, tables: reach.others },
      );
    }
    return { wouldDelete: reach.wouldDelete };
  }

  /**
   * Re-parenting (a PATCH of a child row's parent key) moves the row and what is owned through
   * it to the new parent's owner. Rows of other owners that depend on it (what its delete would
   * reach) would then sit in that owner's cascade, so the move is refused with 409: the hole of
   * a platform row other users reference being attached to one user's decision.
   */
  async checkReparent(
    entity: ClassType<unknown>,
    id: string | number,
    parentId: unknown,
  ): Promise<void> {
    const reach = await this.ownership.ofReparent(entity, id, parentId);
    const count = Object.values(reach.others).reduce((sum, n) => sum + n, 0);
    if (count > 0) {
      throw new ConflictError(
        `this ${human(this.tableOf(entity))} row has ${count} dependent row(s) of other owners (${perTable(reach.others)}); it cannot move to another parent`,
        'HAS_DEPENDENTS',
        { dependents: count, tables: reach.others },
      );
    }
  }
}
