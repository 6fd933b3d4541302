import { Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import { DataSource } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { paginate } from '../common/pagination/keyset';
import { Page } from '../common/pagination/page';
import { whereTimeRange } from '../common/validation/date-range';
import { GenerateSql, SAMPLE } from '../database/generate-sql';
import type { Tx } from '../database/transaction';
import type { AuditEntry } from './audit-entry';
import { ListAuditLogsQuery } from './dto/list-audit-logs.query';
import { AuditLog } from './entities/audit-log.entity';

const LIST = Object.assign(new ListAuditLogsQuery(), { limit: 50, offset: 0 });
const ENTRY: AuditEntry = {
  userId: SAMPLE.uuid,
  username: 'alice',
  apiKeyId: null,
  apiKeyName: null,
  action: 'create',
  resource: 'trades',
  resourceId: SAMPLE.otherUuid,
  method: 'POST',
  path: '/api/trades',
  ipAddress: '127.0.0.1',
  userAgent: 'curl',
  requestBody: { symbol: 'AAPL' },
  responseStatus: 201,
  errorMessage: null,
};

@Injectable()
export class AuditRepository {
  constructor(
    @InjectTransactionHost() private readonly tx: Tx,
    private readonly dataSource: DataSource,
  ) {}

  /**
   * Inserts a row: in the request's transaction (it commits or rolls back with the change), or
   * `alone`, outside the rolled-back one of a refused request.
   */
  @GenerateSql({ params: [ENTRY, false] })
  async insert(entry: AuditEntry, alone: boolean): Promise<void> {
    const manager = alone ? this.dataSource.manager : this.tx.tx;
    // requestBody is free-form JSON, which TypeORM's deep-partial type cannot express.
    await manager.getRepository(AuditLog).insert(entry as QueryDeepPartialEntity<AuditLog>);
  }

  /** Newest first; each filter is an equality or range on an indexed column of every partition. */
  @GenerateSql(
    { name: 'newest', params: [LIST] },
    {
      name: 'one user, one resource, a time range',
      params: [
        { ...LIST, userId: SAMPLE.uuid, resource: 'trades', from: '2026-01-01', to: '2026-01-31' },
      ],
    },
  )
  list(query: ListAuditLogsQuery): Promise<Page<AuditLog>> {
    const qb = this.tx.tx.getRepository(AuditLog).createQueryBuilder('a');
    if (query.userId) qb.andWhere('a.user_id = :userId', { userId: query.userId });
    if (query.resource) qb.andWhere('a.resource = :resource', { resource: query.resource });
    if (query.action) qb.andWhere('a.action = :action', { action: query.action });
    whereTimeRange(qb, 'a.timestamp', query.from, query.to);
    return paginate(qb, { alias: 'a', timeColumn: 'timestamp' }, query);
  }
}
