import { Injectable, Logger } from '@nestjs/common';
import { Page } from '../common/pagination/page';
import type { StoredResponse } from '../idempotency/stored-response';
import { AuditEntry } from './audit-entry';
import { AuditRepository } from './audit.repository';
import { ListAuditLogsQuery } from './dto/list-audit-logs.query';
import { AuditLog } from './entities/audit-log.entity';

/** The one writer of audit rows: the interceptor's successes and the exception filter's failures. */
@Injectable()
export class AuditService {
  private readonly logger = new Logger('Audit');

  constructor(private readonly audit: AuditRepository) {}

  /**
   * Writes the row in the request's transaction: it commits or rolls back with the change. An
   * Idempotency-Key's first response is stored by the same statement.
   */
  async recordInTransaction(entry: AuditEntry, response?: StoredResponse): Promise<void> {
    await this.audit.insert(entry, false, response);
  }

  /**
   * Writes the row of a refused or failed request on its own, outside any (rolled back)
   * transaction. A failure to write it is logged, never allowed to replace the original error.
   */
  async recordFailure(entry: AuditEntry): Promise<void> {
    try {
      await this.audit.insert(entry, true);
    } catch (e) {
      this.logger.warn(
        `could not write the audit row of a failed ${entry.method} ${entry.path}: ${e instanceof Error ? e.message : String(e)}`,
      );
    }
  }

  list(query: ListAuditLogsQuery): Promise<Page<AuditLog>> {
    return this.audit.list(query);
  }
}
