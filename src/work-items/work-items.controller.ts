import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import type { Response } from 'express';
import { Audited } from '../audit/audited.decorator';
import { ApiErrorResponses } from '../common/http/api-docs';
import type { Tx } from '../database/transaction';
import { WorkItem } from './entities/work-item.entity';

export class ClaimWorkItemDto {
  @ApiPropertyOptional({ description: 'only items of this type' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  type?: string;
}

@ApiTags('work-items')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('work-items')
export class WorkItemsController {
  constructor(@InjectTransactionHost() private readonly tx: Tx) {}

  /**
   * Takes the next due PENDING item (oldest next_run_at first), marks it RUNNING, counts the
   * attempt and opens its run, in one transaction. FOR UPDATE SKIP LOCKED: concurrent workers
   * never take the same item and never wait on each other. 204 when nothing is due.
   */
  @Post('claim')
  @HttpCode(200)
  @Audited('claim', 'work_items')
  @ApiOkResponse({ type: WorkItem })
  @ApiNoContentResponse({ description: 'no item is due' })
  async claim(
    @Body() dto: ClaimWorkItemDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<WorkItem | void> {
    const m = this.tx.tx;
    const [rows]: [Array<{ id: string; attempts: number }>, number] = await m.query(
      `UPDATE work_items SET status = 'RUNNING', attempts = attempts + 1, updated_at = now()
       WHERE id = (SELECT id FROM work_items
                   WHERE status = 'PENDING' AND next_run_at <= now() AND ($1::text IS NULL OR type = $1)
                   ORDER BY next_run_at, id LIMIT 1 FOR UPDATE SKIP LOCKED)
       RETURNING id, attempts`,
      [dto.type ?? null],
    );
    if (rows.length === 0) {
      res.status(204);
      return;
    }
    await m.query(`INSERT INTO work_item_runs (work_item_id, attempt_number) VALUES ($1, $2)`, [
      rows[0].id,
      rows[0].attempts,
    ]);
    return m.getRepository(WorkItem).findOneByOrFail({ id: rows[0].id });
  }
}
