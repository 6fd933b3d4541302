import { Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { AuthUser } from '../../auth/auth-user';
import { ownerOf } from '../../auth/auth-user';
import { AccessPolicy } from '../../auth/policy/access-policy.service';
import type { AccessMode } from '../../auth/policy/access-scope';
import { accessOf } from '../../auth/policy/table-access';
import { DeletePreview } from '../../database/cascade-preview.service';
import type { Tx } from '../../database/transaction';
import { ForbiddenError, NotFoundError } from '../errors/domain-errors';
import { paginate } from '../pagination/keyset';
import { ListQueryDto } from '../pagination/list-query.dto';
import { Page } from '../pagination/page';
import { chunksFor } from '../sql/bulk';
import { ResourceSpec } from './resource-spec';

type Values = Record<string, unknown>;

/**
 * The common CRUD of every table served by a ResourceSpec. The access policy is part of every
 * statement: lists and reads carry the caller's read condition, writes find their row under the
 * write condition (locked), references in bodies must be rows the caller may see.
 */
@Injectable()
export class CrudService {
  constructor(
    @InjectTransactionHost() private readonly tx: Tx,
    private readonly policy: AccessPolicy,
  ) {}

  private repo<E extends ObjectLiteral>(spec: ResourceSpec<E>) {
    return this.tx.tx.getRepository(spec.entity);
  }

  private show<E extends ObjectLiteral>(spec: ResourceSpec<E>, row: E): unknown {
    return spec.present ? spec.present(row) : row;
  }

  private scoped<E extends ObjectLiteral>(
    spec: ResourceSpec<E>,
    caller: AuthUser,
    mode: AccessMode = 'read',
  ): SelectQueryBuilder<E> {
    return this.policy.scope(
      this.repo(spec).createQueryBuilder('r'),
      spec.entity,
      'r',
      caller,
      mode,
    );
  }

  async list<E extends ObjectLiteral>(
    spec: ResourceSpec<E>,
    query: ListQueryDto,
    caller: AuthUser,
  ): Promise<Page<unknown>> {
    const qb = this.scoped(spec, caller);
    const columns = this.repo(spec).metadata.columns;
    for (const prop of spec.filters) {
      const value = (query as unknown as Values)[prop];
      if (value === undefined) continue;
      const column = columns.find((c) => c.propertyName === prop)!;
      qb.andWhere(`r.${column.databaseName} = :f_${prop}`, { [`f_${prop}`]: value });
    }
    const page = await paginate(
      qb,
      { alias: 'r', timeColumn: spec.timeColumn, idType: spec.idType },
      query,
    );
    return { ...page, items: page.items.map((row) => this.show(spec, row)) };
  }

  /**
   * The row, if the caller may read it (or, for `write`, change it: then it is also locked until
   * the request's transaction ends). A row it may see but not change is a 403, one it may not
   * see a 404.
   */
  private async find<E extends ObjectLiteral>(
    spec: ResourceSpec<E>,
    id: string | number,
    caller: AuthUser,
    mode: AccessMode = 'read',
  ): Promise<E> {
    const qb = this.scoped(spec, caller, mode).andWhere('r.id = :id', { id });
    if (mode === 'write') qb.setLock('pessimistic_write');
    const found = await qb.getOne();
    if (found) return found;
    if (mode === 'write') throw await this.policy.refusal(spec.entity, id, caller, spec.label);
    throw new NotFoundError(spec.label, String(id));
  }

  async get<E extends ObjectLiteral>(
    spec: ResourceSpec<E>,
    id: string | number,
    caller: AuthUser,
  ): Promise<unknown> {
    return this.show(spec, await this.find(spec, id, caller));
  }

  async create<E extends ObjectLiteral>(
    spec: ResourceSpec<E>,
    dto: object,
    caller: AuthUser,
  ): Promise<unknown> {
    const values = this.checkedValues(spec, dto as Values, caller, 'onCreate');
    this.policy.assertParentGiven(spec.entity, values, caller);
    // The client's references, not the who-did-it columns the server just filled in.
    await this.policy.assertReferences(spec.entity, dto as Values, caller);
    const rule = accessOf(spec.entity);
    if (rule.class === 'owned') {
      const owner = this.repo(spec).metadata.columns.find(
        (c) => c.databaseName === rule.ownerColumn,
      )!;
      values[owner.propertyName] = ownerOf(caller);
    }
    const { identifiers } = await this.repo(spec).insert(values as E);
    return this.get(spec, identifiers[0].id as string | number, caller);
  }

  async update<E extends ObjectLiteral>(
    spec: ResourceSpec<E>,
    id: string | number,
    dto: object,
    caller: AuthUser,
  ): Promise<unknown> {
    const row = await this.find(spec, id, caller, 'write');
    spec.beforeUpdate?.(row);
    const values = this.checkedValues(spec, dto as Values, caller, 'onUpdate');
    await this.policy.assertReferences(spec.entity, dto as Values, caller);
    if (Object.keys(values).length > 0) await this.repo(spec).update(id, values as E);
    return this.get(spec, id, caller);
  }

  /**
   * The body as the table receives it: admin transitions and admin-only fields refused (403),
   * the "who did it" columns filled from the caller.
   */
  private checkedValues<E extends ObjectLiteral>(
    spec: ResourceSpec<E>,
    dto: Values,
    caller: AuthUser,
    when: 'onCreate' | 'onUpdate',
  ): Values {
    for (const [field, rule] of Object.entries(spec.transitions ?? {})) {
      if (rule.admins && caller.isAdmin) continue;
      if (field in dto && rule.values.includes(dto[field])) {
        throw new ForbiddenError(
          `${field} ${String(dto[field])} is set by ${rule.via} (an administrator), not by a generic write`,
        );
      }
    }
    if (!caller.isAdmin) {
      const adminOnly = (spec.adminFields ?? []).filter((f) => f in dto);
      if (adminOnly.length > 0)
        throw new ForbiddenError(`only an administrator sets ${adminOnly.join(', ')}`);
    }
    const values: Values = { ...dto };
    for (const field of spec.actor?.[when] ?? []) values[field] = caller.userId;
    return values;
  }

  /** The rows of `entity` whose `parentColumn` is `parentId`, paged like any list. */
  async listChildren<E extends ObjectLiteral>(
    entity: new () => E,
    parentColumn: string,
    parentId: string,
    query: ListQueryDto,
    timeColumn: string,
  ): Promise<Page<E>> {
    const qb = this.tx.tx
      .getRepository(entity)
      .createQueryBuilder('r')
      .where(`r.${parentColumn} = :parentId`, { parentId });
    return paginate(qb, { alias: 'r', timeColumn }, query);
  }

  /** Inserts rows for one parent, all or nothing, in chunks under the bind-parameter limit. */
  async appendChildren<E extends ObjectLiteral>(
    entity: new () => E,
    parentProperty: string,
    parentId: string,
    rows: object[],
  ): Promise<{ inserted: number }> {
    return this.tx.withTransaction(async () => {
      const repo = this.tx.tx.getRepository(entity);
      const columns = repo.metadata.columns.length;
      for (const chunk of chunksFor(rows, columns)) {
        await repo.insert(chunk.map((r) => ({ ...r, [parentProperty]: parentId }) as unknown as E));
      }
      return { inserted: rows.length };
    });
  }

  /**
   * Deletes the row (or previews the cascade). Platform data that users' rows depend on is
   * refused unless an admin forces it; the preview answers what the delete would answer.
   */
  async remove<E extends ObjectLiteral>(
    spec: ResourceSpec<E>,
    id: string | number,
    caller: AuthUser,
    options: { dryRun?: boolean; force?: boolean } = {},
  ): Promise<DeletePreview | void> {
    await this.find(spec, id, caller, 'write');
    const preview = await this.policy.checkDelete(spec.entity, id, caller, options);
    if (options.dryRun) return preview;
    await this.repo(spec).delete(id);
  }
}
