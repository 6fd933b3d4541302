import { Controller, Get, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsNumber, IsOptional, Max, Min } from 'class-validator';
import { AdminOnly } from '../auth/policy/route-access';
import { ApiErrorResponses } from '../common/http/api-docs';
import { ReplicaSet } from '../database/replicas/replica-set';
import { DbMonitor, OrphanCount, SlowQueries } from './db-monitor';

export class SlowQueriesQuery {
  @ApiPropertyOptional({
    default: 0,
    description: 'only statements with a mean at least this (ms)',
  })
  @IsOptional()
  @Type(() => Number)
  @IsNumber()
  @Min(0)
  minMeanMs: number = 0;

  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit: number = 20;
}

@ApiTags('admin')
@ApiBearerAuth()
@ApiErrorResponses()
@AdminOnly()
@Controller('admin/db')
export class AdminDbController {
  constructor(
    private readonly monitor: DbMonitor,
    private readonly replicas: ReplicaSet,
  ) {}

  /** Orphan rows per foreign key (all must be zero: `ok`). */
  @Get('orphans')
  @ApiOperation({ summary: 'Orphan rows per foreign key (admin)' })
  @ApiOkResponse({
    schema: {
      example: {
        ok: true,
        foreignKeys: [{ table: 'trades', column: 'strategy_id', parent: 'strategies', orphans: 0 }],
      },
    },
  })
  async orphans(): Promise<{ ok: boolean; foreignKeys: OrphanCount[] }> {
    const foreignKeys = await this.monitor.orphans();
    return { ok: foreignKeys.every((f) => f.orphans === 0), foreignKeys };
  }

  /** Pool figures, pg_stat_database for this database, its size, and the largest tables. */
  @Get('stats')
  @ApiOperation({ summary: 'Database and pool statistics (admin)' })
  async stats(): Promise<Record<string, unknown>> {
    return { ...(await this.monitor.stats()), replicas: this.replicas.statuses() };
  }

  /** Top pg_stat_statements rows by mean time; `{ available: false, hint }` where the server lacks it. */
  @Get('slow-queries')
  @ApiOperation({ summary: 'Slowest statements from pg_stat_statements (admin)' })
  slowQueries(@Query() q: SlowQueriesQuery): Promise<SlowQueries> {
    return this.monitor.slowQueries(q.minMeanMs, q.limit);
  }
}
