import { Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { AuthUser } from '../../auth/auth-user';
import { AccessPolicy } from '../../auth/policy/access-policy.service';
import type { AccessMode } from '../../auth/policy/access-scope';
import { Message } from '../../conversations/entities/message.entity';
import { WorkItem } from '../../work-items/entities/work-item.entity';
import { GenerateSql, SAMPLE, SAMPLE_CALLERS } from '../../database/generate-sql';
import type { Tx } from '../../database/transaction';
import { paginate } from '../pagination/keyset';
import { ListQueryDto } from '../pagination/list-query.dto';
import { Page } from '../pagination/page';
import type { ResourceSpec } from './resource-spec';

type Values = Record<string, unknown>;

/** Sample specs for the SQL snapshots: a child table two levels down, and a serial-keyed one. */
const WORK_ITEMS = {
  entity: WorkItem,
  filters: ['status'],
  timeColumn: 'created_at',
} as unknown as ResourceSpec;
const MESSAGES = {
  entity: Message,
  filters: ['conversationId'],
  timeColumn: 'created_at',
  idType: 'int',
} as unknown as ResourceSpec;
const PAGE = Object.assign(new ListQueryDto(), { limit: 50, offset: 0 });

/**
 * The SQL of every table served by the shared CRUD mechanism. The caller's access condition is
 * part of each statement (lists, reads, and the locking read before a write).
 */
@Injectable()
export class CrudRepository {
  constructor(
    @InjectTransactionHost() private readonly tx: Tx,
    private readonly policy: AccessPolicy,
  ) {}

  private repo<E extends ObjectLiteral>(spec: ResourceSpec<E>) {
    return this.tx.tx.getRepository(spec.entity);
  }

  private scoped<E extends ObjectLiteral>(
    spec: ResourceSpec<E>,
    caller: AuthUser,
    mode: AccessMode,
  ): SelectQueryBuilder<E> {
    return this.policy.scope(
      this.repo(spec).createQueryBuilder('r'),
      spec.entity,
      'r',
      caller,
      mode,
    );
  }

  /** A page, filtered by equality on the spec's filter properties. */
  @GenerateSql(
    {
      name: 'work items of a user, by status',
      params: [WORK_ITEMS, { ...PAGE, status: 'PENDING' }, SAMPLE_CALLERS.user],
    },
    {
      name: 'messages of a conversation',
      params: [MESSAGES, { ...PAGE, conversationId: 1 }, SAMPLE_CALLERS.user],
    },
    { name: 'as an admin', params: [WORK_ITEMS, PAGE, SAMPLE_CALLERS.admin] },
  )
  list<E extends ObjectLiteral>(
    spec: ResourceSpec<E>,
    query: ListQueryDto,
    caller: AuthUser,
  ): Promise<Page<E>> {
    const qb = this.scoped(spec, caller, 'read');
    const columns = this.repo(spec).metadata.columns;
    for (const prop of spec.filters) {
      const value = (query as unknown as Values)[prop];
      if (value === undefined) continue;
      const column = columns.find((c) => c.propertyName === prop)!;
      qb.andWhere(`r.${column.databaseName} = :f_${prop}`, { [`f_${prop}`]: value });
    }
    return paginate(qb, { alias: 'r', timeColumn: spec.timeColumn, idType: spec.idType }, query);
  }

  /** The row if the caller may read it, or (`write`) change it: then locked until the transaction ends. */
  @GenerateSql(
    { name: 'read', params: [WORK_ITEMS, SAMPLE.uuid, SAMPLE_CALLERS.user, 'read'] },
    { name: 'for a write', params: [WORK_ITEMS, SAMPLE.uuid, SAMPLE_CALLERS.user, 'write'] },
  )
  find<E extends ObjectLiteral>(
    spec: ResourceSpec<E>,
    id: string | number,
    caller: AuthUser,
    mode: AccessMode,
  ): Promise<E | null> {
    const qb = this.scoped(spec, caller, mode).andWhere('r.id = :id', { id });
    if (mode === 'write') qb.setLock('pessimistic_write');
    return qb.getOne();
  }

  /** The new row's id. */
  @GenerateSql({ params: [WORK_ITEMS, { type: 'sync', decisionId: SAMPLE.uuid }] })
  async insert<E extends ObjectLiteral>(
    spec: ResourceSpec<E>,
    values: Values,
  ): Promise<string | number> {
    const { identifiers } = await this.repo(spec).insert(values as E);
    return identifiers[0].id as string | number;
  }

  @GenerateSql({ params: [WORK_ITEMS, SAMPLE.uuid, { status: 'FAILED' }] })
  async update<E extends ObjectLiteral>(
    spec: ResourceSpec<E>,
    id: string | number,
    values: Values,
  ): Promise<void> {
    await this.repo(spec).update(id, values as E);
  }

  @GenerateSql({ params: [WORK_ITEMS, SAMPLE.uuid] })
  async delete<E extends ObjectLiteral>(spec: ResourceSpec<E>, id: string | number): Promise<void> {
    await this.repo(spec).delete(id);
  }
}
