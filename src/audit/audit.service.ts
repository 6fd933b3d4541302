import { Injectable, Logger } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import { DataSource, EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { paginate } from '../common/pagination/keyset';
import { Page } from '../common/pagination/page';
import { whereTimeRange } from '../common/validation/date-range';
import type { Tx } from '../database/transaction';
import { AuditEntry } from './audit-entry';
import { ListAuditLogsQuery } from './dto/list-audit-logs.query';
import { AuditLog } from './entities/audit-log.entity';

@Injectable()
export class AuditService {
  private readonly logger = new Logger('Audit');

  constructor(
    @InjectTransactionHost() private readonly tx: Tx,
    private readonly dataSource: DataSource,
  ) {}

  /** Writes the row in the request's transaction: it commits or rolls back with the change. */
  async recordInTransaction(entry: AuditEntry): Promise<void> {
    await this.insert(this.tx.tx, entry);
  }

  /**
   * Writes the row of a refused or failed request on its own, outside any (rolled back)
   * transaction. A failure to write it is logged, never allowed to replace the original error.
   */
  async recordFailure(entry: AuditEntry): Promise<void> {
    try {
      await this.insert(this.dataSource.manager, entry);
    } catch (e) {
      this.logger.warn(
        `could not write the audit row of a failed ${entry.method} ${entry.path}: ${e instanceof Error ? e.message : String(e)}`,
      );
    }
  }

  private async insert(manager: EntityManager, entry: AuditEntry): Promise<void> {
    // requestBody is free-form JSON, which TypeORM's deep-partial type cannot express.
    await manager.getRepository(AuditLog).insert(entry as QueryDeepPartialEntity<AuditLog>);
  }

  list(query: ListAuditLogsQuery): Promise<Page<AuditLog>> {
    const qb = this.tx.tx.getRepository(AuditLog).createQueryBuilder('a');
    if (query.userId) qb.andWhere('a.user_id = :userId', { userId: query.userId });
    if (query.resource) qb.andWhere('a.resource = :resource', { resource: query.resource });
    if (query.action) qb.andWhere('a.action = :action', { action: query.action });
    whereTimeRange(qb, 'a.timestamp', query.from, query.to);
    return paginate(qb, { alias: 'a', timeColumn: 'timestamp' }, query);
  }
}
