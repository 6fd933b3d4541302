import { Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import type { Tx } from '../database/transaction';
import { WorkItem } from './entities/work-item.entity';

@Injectable()
export class WorkItemsService {
  constructor(@InjectTransactionHost() private readonly tx: Tx) {}

  /**
   * Takes the next due PENDING item (oldest next_run_at first), marks it RUNNING, counts the
   * attempt and opens its run, in the request's transaction. FOR UPDATE SKIP LOCKED: concurrent
   * workers never take the same item and never wait on each other. Undefined when none is due.
   */
  async claim(type: string | undefined): Promise<WorkItem | undefined> {
    const m = this.tx.tx;
    const [rows]: [Array<{ id: string; attempts: number }>, number] = await m.query(
      `UPDATE work_items SET status = 'RUNNING', attempts = attempts + 1, updated_at = now()
       WHERE id = (SELECT id FROM work_items
                   WHERE status = 'PENDING' AND next_run_at <= now() AND ($1::text IS NULL OR type = $1)
                   ORDER BY next_run_at, id LIMIT 1 FOR UPDATE SKIP LOCKED)
       RETURNING id, attempts`,
      [type ?? null],
    );
    if (rows.length === 0) return undefined;
    await m.query(`INSERT INTO work_item_runs (work_item_id, attempt_number) VALUES ($1, $2)`, [
      rows[0].id,
      rows[0].attempts,
    ]);
    return m.getRepository(WorkItem).findOneByOrFail({ id: rows[0].id });
  }
}
