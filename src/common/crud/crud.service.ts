import { Injectable } from '@nestjs/common';
import { ObjectLiteral } from 'typeorm';
import type { AuthUser } from '../../auth/auth-user';
import { ownerOf } from '../../auth/auth-user';
import { AccessPolicy } from '../../auth/policy/access-policy.service';
import { assertCreateAllowed, assertUpdateAllowed } from '../../auth/policy/admin-states';
import type { AccessMode } from '../../auth/policy/access-scope';
import { DeletePreview } from '../../database/cascade-preview.service';
import { ForbiddenError, NotFoundError } from '../errors/domain-errors';
import { ListQueryDto } from '../pagination/list-query.dto';
import { Page } from '../pagination/page';
import { CrudRepository } from './crud.repository';
import { ownerProperty, ResourceSpec } from './resource-spec';

type Values = Record<string, unknown>;

/**
 * The common CRUD of every table served by a ResourceSpec. The access policy is part of every
 * statement: lists and reads carry the caller's read condition, writes find their row under the
 * write condition (locked), references in bodies must be rows the caller may see.
 */
@Injectable()
export class CrudService {
  constructor(
    private readonly rows: CrudRepository,
    private readonly policy: AccessPolicy,
  ) {}

  private show<E extends ObjectLiteral>(spec: ResourceSpec<E>, row: E): unknown {
    return spec.present ? spec.present(row) : row;
  }

  async list<E extends ObjectLiteral>(
    spec: ResourceSpec<E>,
    query: ListQueryDto,
    caller: AuthUser,
  ): Promise<Page<unknown>> {
    const page = await this.rows.list(spec, query, caller);
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
    const found = await this.rows.find(spec, id, caller, mode);
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
    assertCreateAllowed(spec.entity, values, caller);
    this.policy.assertParentGiven(spec.entity, values, caller);
    // The client's references, not the who-did-it columns the server just filled in.
    await this.policy.assertReferences(spec.entity, dto as Values, caller);
    const owner = ownerProperty(spec.entity);
    if (owner) values[owner] = ownerOf(caller);
    return this.get(spec, await this.rows.insert(spec, values), caller);
  }

  async update<E extends ObjectLiteral>(
    spec: ResourceSpec<E>,
    id: string | number,
    dto: object,
    caller: AuthUser,
  ): Promise<unknown> {
    const row = await this.find(spec, id, caller, 'write');
    spec.beforeUpdate?.(row, caller);
    const values = this.checkedValues(spec, dto as Values, caller, 'onUpdate');
    assertUpdateAllowed(spec.entity, row, values, caller);
    // Moving a child row to no parent would make it platform data: the same rule as creating it.
    const parent = this.policy.parentProperty(spec.entity);
    if (parent && parent in values) this.policy.assertParentGiven(spec.entity, values, caller);
    await this.policy.assertReferences(spec.entity, dto as Values, caller);
    // A move to another parent (another owner) may not take other owners' dependent rows along.
    if (parent && parent in values && (values[parent] ?? null) !== (row[parent] ?? null))
      await this.policy.checkReparent(spec.entity, id, values[parent]);
    if (Object.keys(values).length > 0) await this.rows.update(spec, id, values);
    return this.get(spec, id, caller);
  }

  /**
   * The body as the table receives it: values an admin sets through their own route and fields
   * only an admin changes refused (403), the "who did it" columns filled from the caller. Admin
   * states themselves (non-admins) are admin-states.ts's, asked by the callers of this.
   */
  private checkedValues<E extends ObjectLiteral>(
    spec: ResourceSpec<E>,
    dto: Values,
    caller: AuthUser,
    when: 'onCreate' | 'onUpdate',
  ): Values {
    for (const [field, rule] of Object.entries(caller.isAdmin ? (spec.transitions ?? {}) : {})) {
      if (field in dto && rule.values.includes(dto[field])) {
        throw new ForbiddenError(
          `${field} ${String(dto[field])} is set by ${rule.via}, not by a generic write`,
        );
      }
    }
    if (!caller.isAdmin && when === 'onUpdate') {
      const adminOnly = (spec.adminChanges ?? []).filter((f) => f in dto);
      if (adminOnly.length > 0)
        throw new ForbiddenError(`only an administrator changes ${adminOnly.join(', ')}`);
    }
    const values: Values = { ...dto };
    for (const field of spec.actor?.[when] ?? []) values[field] = caller.userId;
    return values;
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
    await this.rows.delete(spec, id);
  }
}
