import { Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import { DataSource } from 'typeorm';
import { paginate } from '../common/pagination/keyset';
import { Page } from '../common/pagination/page';
import { whereTimeRange } from '../common/validation/date-range';
import { GenerateSql, SAMPLE } from '../database/generate-sql';
import type { Tx } from '../database/transaction';
import type { StoredResponse } from '../idempotency/stored-response';
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

/** A jsonb parameter: JSON text, or SQL NULL for no value (never the JSON literal null). */
const jsonParam = (value: unknown): string | null =>
  value === undefined || value === null ? null : JSON.stringify(value);

@Injectable()
export class AuditRepository {
  constructor(
    @InjectTransactionHost() private readonly tx: Tx,
    private readonly dataSource: DataSource,
  ) {}

  /**
   * Inserts a row: in the request's transaction (it commits or rolls back with the change), or
   * `alone`, outside the rolled-back one of a refused request. With `response`, the same
   * statement stores an Idempotency-Key's first response (the key was claimed earlier in this
   * transaction), so a keyed write costs no extra round trip for it.
   */
  @GenerateSql(
    { params: [ENTRY, false] },
    {
      name: 'with the response of an Idempotency-Key',
      params: [ENTRY, false, { principal: SAMPLE.uuid, key: 'key-1', status: 201, body: {} }],
    },
  )
  async insert(entry: AuditEntry, alone: boolean, response?: StoredResponse): Promise<void> {
    const manager = alone ? this.dataSource.manager : this.tx.tx;
    const values = [
      entry.userId,
      entry.username,
      entry.apiKeyId,
      entry.apiKeyName,
      entry.action,
      entry.resource,
      entry.resourceId,
      entry.method,
      entry.path,
      entry.ipAddress,
      entry.userAgent,
      jsonParam(entry.requestBody),
      entry.responseStatus,
      entry.errorMessage,
    ];
    const store = response
      ? `WITH stored AS (UPDATE idempotency_keys SET response_status = $15, response_body = $16::jsonb
           WHERE user_id = $17 AND key = $18) `
      : '';
    if (response) {
      values.push(response.status, jsonParam(response.body), response.principal, response.key);
    }
    await manager.query(
      `${store}INSERT INTO audit_logs (user_id, username, api_key_id, api_key_name, action, resource,
         resource_id, method, path, ip_address, user_agent, request_body, response_status, error_message)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::jsonb, $13, $14)`,
      values,
    );
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
