import { Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import type { AuthUser } from '../auth/auth-user';
import { accessCondition, positionalBind } from '../auth/policy/access-scope';
import { GenerateSql, SAMPLE_CALLERS } from '../database/generate-sql';
import type { Tx } from '../database/transaction';
import { WorkItem } from './entities/work-item.entity';

@Injectable()
export class WorkItemsRepository {
  constructor(@InjectTransactionHost() private readonly tx: Tx) {}

  /**
   * Takes the next due PENDING item (oldest next_run_at first), marks it RUNNING, counts the
   * attempt and opens its run. FOR UPDATE SKIP LOCKED: concurrent workers never take the same
   * item and never wait on each other. Undefined when none is due.
   */
  @GenerateSql(
    { name: 'any type, as an admin', params: [undefined, SAMPLE_CALLERS.admin] },
    { name: 'one type, for a service acting as a user', params: ['sync', SAMPLE_CALLERS.user] },
  )
  async claimNext(type: string | undefined, caller: AuthUser): Promise<WorkItem | undefined> {
    const m = this.tx.tx;
    const params: unknown[] = [type ?? null];
    // Only items the caller may see: a worker acting for a user takes that user's (and unlinked)
    // items, a worker acting for nobody only unlinked ones.
    const visible =
      accessCondition(m.connection, WorkItem, 'w', caller, 'read', positionalBind(params)) ??
      'FALSE';
    const [rows]: [Array<{ id: string; attempts: number }>, number] = await m.query(
      `UPDATE work_items SET status = 'RUNNING', attempts = attempts + 1, updated_at = now()
       WHERE id = (SELECT w.id FROM work_items w
                   WHERE w.status = 'PENDING' AND w.next_run_at <= now() AND ($1::text IS NULL OR w.type = $1)
                     AND ${visible}
                   ORDER BY w.next_run_at, w.id LIMIT 1 FOR UPDATE OF w SKIP LOCKED)
       RETURNING id, attempts`,
      params,
    );
    if (rows.length === 0) return undefined;
    await m.query(`INSERT INTO work_item_runs (work_item_id, attempt_number) VALUES ($1, $2)`, [
      rows[0].id,
      rows[0].attempts,
    ]);
    return m.getRepository(WorkItem).findOneByOrFail({ id: rows[0].id });
  }
}
