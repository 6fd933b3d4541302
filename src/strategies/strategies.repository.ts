import { Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { paginate } from '../common/pagination/keyset';
import { ListQueryDto } from '../common/pagination/list-query.dto';
import { Page } from '../common/pagination/page';
import { GenerateSql, SAMPLE } from '../database/generate-sql';
import type { Tx } from '../database/transaction';
import { ListStrategiesQuery } from './dto/list-strategies.query';
import { Strategy } from './entities/strategy.entity';
import { StrategyVersion } from './entities/strategy-version.entity';

const LIST = Object.assign(new ListStrategiesQuery(), { limit: 50, offset: 0 });
const PAGE = Object.assign(new ListQueryDto(), { limit: 50, offset: 0 });

/** The SQL of strategies and their versions (platform data: every caller reads them). */
@Injectable()
export class StrategiesRepository {
  constructor(@InjectTransactionHost() private readonly tx: Tx) {}

  private get strategies() {
    return this.tx.tx.getRepository(Strategy);
  }

  private get versions() {
    return this.tx.tx.getRepository(StrategyVersion);
  }

  @GenerateSql(
    { name: 'first page', params: [LIST] },
    { name: 'active momentum strategies', params: [{ ...LIST, isActive: true, type: 'momentum' }] },
  )
  list(query: ListStrategiesQuery): Promise<Page<Strategy>> {
    const qb = this.strategies.createQueryBuilder('s');
    if (query.isActive !== undefined)
      qb.andWhere('s.is_active = :isActive', { isActive: query.isActive });
    if (query.type !== undefined) qb.andWhere('s.type = :type', { type: query.type });
    return paginate(qb, { alias: 's', timeColumn: 'created_at' }, query);
  }

  @GenerateSql({ params: [SAMPLE.uuid] })
  find(id: string): Promise<Strategy | null> {
    return this.strategies.findOneBy({ id });
  }

  /** Whether it exists; `lock` holds the row until the transaction ends (serialises activations). */
  @GenerateSql({ params: [SAMPLE.uuid, false] }, { name: 'locked', params: [SAMPLE.uuid, true] })
  exists(id: string, lock = false): Promise<boolean> {
    const qb = this.strategies.createQueryBuilder('s').where('s.id = :id', { id });
    if (lock) qb.setLock('pessimistic_write');
    return qb.getExists();
  }

  @GenerateSql({ params: [{ name: 'Momentum', type: 'momentum' }] })
  insert(values: QueryDeepPartialEntity<Strategy>): Promise<Strategy> {
    return this.strategies.save(this.strategies.create(values as Strategy));
  }

  /** Whether a row was changed. */
  @GenerateSql({ params: [SAMPLE.uuid, { description: 'd' }] })
  async update(id: string, values: QueryDeepPartialEntity<Strategy>): Promise<boolean> {
    return Boolean((await this.strategies.update({ id }, values)).affected);
  }

  @GenerateSql({ params: [SAMPLE.uuid] })
  async delete(id: string): Promise<void> {
    await this.strategies.delete({ id });
  }

  @GenerateSql({ params: [SAMPLE.uuid, PAGE] })
  listVersions(strategyId: string, query: ListQueryDto): Promise<Page<StrategyVersion>> {
    const qb = this.versions
      .createQueryBuilder('r')
      .where('r.strategy_id = :strategyId', { strategyId });
    return paginate(qb, { alias: 'r', timeColumn: 'created_at' }, query);
  }

  @GenerateSql({ params: [{ strategyId: SAMPLE.uuid, version: 1, name: 'v1', spec: {} }] })
  async insertVersion(values: QueryDeepPartialEntity<StrategyVersion>): Promise<StrategyVersion> {
    const { identifiers } = await this.versions.insert(values);
    return this.versions.findOneByOrFail({ id: identifiers[0].id as string });
  }

  @GenerateSql({ params: [SAMPLE.uuid, SAMPLE.otherUuid] })
  versionExists(strategyId: string, id: string): Promise<boolean> {
    return this.versions.existsBy({ id, strategyId });
  }

  /** Archives the strategy's active version (if another) and activates this one. */
  @GenerateSql({ params: [SAMPLE.uuid, SAMPLE.otherUuid] })
  async activateVersion(strategyId: string, id: string): Promise<StrategyVersion> {
    await this.tx.tx.query(
      `UPDATE strategy_versions SET status = 'archived' WHERE strategy_id = $1 AND status = 'active' AND id <> $2`,
      [strategyId, id],
    );
    await this.tx.tx.query(
      `UPDATE strategy_versions SET status = 'active', activated_at = now() WHERE id = $1`,
      [id],
    );
    return this.versions.findOneByOrFail({ id });
  }
}
