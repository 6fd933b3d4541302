import { Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import { ObjectLiteral } from 'typeorm';
import { CascadePreviewService, DeletePreview } from '../../database/cascade-preview.service';
import type { Tx } from '../../database/transaction';
import { NotFoundError } from '../errors/domain-errors';
import { paginate } from '../pagination/keyset';
import { ListQueryDto } from '../pagination/list-query.dto';
import { Page } from '../pagination/page';
import { chunksFor } from '../sql/bulk';
import { ResourceSpec } from './resource-spec';

/** The common CRUD of every table served by a ResourceSpec. */
@Injectable()
export class CrudService {
  constructor(
    @InjectTransactionHost() private readonly tx: Tx,
    private readonly cascade: CascadePreviewService,
  ) {}

  private repo<E extends ObjectLiteral>(spec: ResourceSpec<E>) {
    return this.tx.tx.getRepository(spec.entity);
  }

  private show<E extends ObjectLiteral>(spec: ResourceSpec<E>, row: E): unknown {
    return spec.present ? spec.present(row) : row;
  }

  async list<E extends ObjectLiteral>(
    spec: ResourceSpec<E>,
    query: ListQueryDto,
  ): Promise<Page<unknown>> {
    const repo = this.repo(spec);
    const qb = repo.createQueryBuilder('r');
    const columns = repo.metadata.columns;
    for (const prop of spec.filters) {
      const value = (query as unknown as Record<string, unknown>)[prop];
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

  private async find<E extends ObjectLiteral>(
    spec: ResourceSpec<E>,
    id: string | number,
  ): Promise<E> {
    const found = await this.repo(spec)
      .createQueryBuilder('r')
      .where('r.id = :id', { id })
      .getOne();
    if (!found) throw new NotFoundError(spec.label, String(id));
    return found;
  }

  async get<E extends ObjectLiteral>(spec: ResourceSpec<E>, id: string | number): Promise<unknown> {
    return this.show(spec, await this.find(spec, id));
  }

  async create<E extends ObjectLiteral>(spec: ResourceSpec<E>, dto: object): Promise<unknown> {
    const repo = this.repo(spec);
    const { identifiers } = await repo.insert(dto as E);
    return this.get(spec, identifiers[0].id as string | number);
  }

  async update<E extends ObjectLiteral>(
    spec: ResourceSpec<E>,
    id: string | number,
    dto: object,
  ): Promise<unknown> {
    const row = await this.find(spec, id);
    spec.beforeUpdate?.(row);
    if (Object.keys(dto).length > 0) await this.repo(spec).update(id, dto as E);
    return this.get(spec, id);
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

  async remove<E extends ObjectLiteral>(
    spec: ResourceSpec<E>,
    id: string | number,
    dryRun = false,
  ): Promise<DeletePreview | void> {
    await this.find(spec, id);
    if (dryRun) return this.cascade.preview(spec.entity, id);
    await this.repo(spec).delete(id);
  }
}
