import { Injectable, Type as ClassType } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  UnprocessableError,
} from '../../common/errors/domain-errors';
import { CascadePreviewService, DeletePreview } from '../../database/cascade-preview.service';
import type { ScopeSql } from '../../common/sql/params';
import type { Tx } from '../../database/transaction';
import { writesPlatform, type AuthUser } from '../auth-user';
import { AccessMode, accessCondition, namedBind, positionalBind } from './access-scope';
import { accessOf } from './table-access';

const human = (table: string) => table.replace(/_/g, ' ');

/**
 * The access policy applied to queries: every service that reads or writes a table asks it for
 * the caller's condition instead of writing its own ownership check.
 */
@Injectable()
export class AccessPolicy {
  constructor(
    @InjectTransactionHost() private readonly tx: Tx,
    private readonly cascade: CascadePreviewService,
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
    mode: AccessMode = 'read',
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
  scopeSql(entity: ClassType<unknown>, caller: AuthUser, mode: AccessMode = 'read'): ScopeSql {
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
    const read = accessCondition(
      this.dataSource,
      entity,
      'r',
      caller,
      'read',
      positionalBind(params),
    );
    if (read === null) return new ForbiddenError(`you may not read ${label}s`);
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
        // Checked first without binding anything: every bound parameter must appear in the SQL.
        if (accessCondition(this.dataSource, target, 'x', caller, mode, () => '') === null)
          return 'FALSE';
        const bind = positionalBind(params);
        const idParam = bind(value);
        const condition = accessCondition(this.dataSource, target, 'x', caller, mode, bind)!;
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
   * What a delete may remove. Deleting shared data (platform rows, or child rows without a parent)
   * that users' rows depend on is refused with 409 naming the count; so is a user's delete whose
   * cascade reaches shared rows (a debate consensus on the user's work item, and through it other
   * users' outcome links). An admin may confirm either with `force`. Returns the cascade preview
   * when it was computed (always for non-admins and dry runs), once.
   */
  async checkDelete(
    entity: ClassType<unknown>,
    id: string | number,
    caller: AuthUser,
    options: { dryRun?: boolean; force?: boolean },
  ): Promise<DeletePreview | undefined> {
    if (caller.isAdmin && !options.dryRun && options.force) return undefined;
    const preview = await this.cascade.preview(entity, id);
    const root = this.tableOf(entity);
    const shared = await this.isShared(entity, id);
    const byTable = new Map(this.dataSource.entityMetadatas.map((m) => [m.tableName, m]));
    const classOf = (table: string) => {
      const meta = byTable.get(table);
      return meta ? accessOf(meta.target as ClassType<unknown>).class : 'platform';
    };
    const dependents = Object.entries(preview.wouldDelete).filter(([table, n]) => {
      const cls = classOf(table);
      const userData = cls === 'owned' || cls === 'child';
      // The row itself is not its own dependent.
      const others = table === root ? n - 1 : n;
      if (others <= 0) return false;
      return shared ? userData : !userData;
    });
    const count = dependents.reduce((sum, [table, n]) => sum + (table === root ? n - 1 : n), 0);
    if (count > 0 && !(caller.isAdmin && options.force)) {
      const what = shared ? 'user row(s)' : 'shared row(s)';
      throw new ConflictError(
        `this ${human(root)} row has ${count} dependent ${what} that a delete would remove` +
          (caller.isAdmin
            ? '; pass force=true to delete them too'
            : '; only an admin can force it'),
        'HAS_DEPENDENTS',
        { dependents: count, tables: Object.fromEntries(dependents) },
      );
    }
    return preview;
  }

  /** Platform data: a platform or admin table's row, or a child row without its parent. */
  private async isShared(entity: ClassType<unknown>, id: string | number): Promise<boolean> {
    const rule = accessOf(entity);
    if (rule.class === 'platform' || rule.class === 'admin') return true;
    if (rule.class !== 'child' || !rule.unlinkedIsPlatform) return false;
    const rows: unknown[] = await this.tx.tx.query(
      `SELECT 1 FROM "${this.tableOf(entity)}" WHERE id = $1 AND "${rule.parentColumn}" IS NULL`,
      [id],
    );
    return rows.length > 0;
  }
}
