import { Controller, Get, Query } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';
import { FinishedSpan, telemetryStatus } from '../telemetry/telemetry';
import { Public } from '../auth/policy/route-access';
import { TestRoutesService } from './test-routes.service';

export class HoldQuery {
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(2147483647)
  key!: number;
}

export class SleepQuery {
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(30000)
  ms!: number;
}

export class OneByOneQuery {
  @IsUUID()
  userId!: string;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit!: number;
}

export class SpansQuery {
  @IsOptional()
  @Matches(/^[0-9a-f]{32}$/)
  traceId?: string;
}

/**
 * Mounted only with ENABLE_TEST_ROUTES=true (TestRoutesModule): requests that hold a database
 * connection (for `ms` milliseconds, or until a lock is released), so shutdown tests can have
 * requests in flight.
 */
@ApiExcludeController()
@Public()
@Controller('test')
export class TestRoutesController {
  constructor(private readonly testRoutes: TestRoutesService) {}

  @Get('sleep')
  async sleep(@Query() { ms }: SleepQuery): Promise<{ slept: number }> {
    await this.testRoutes.sleep(ms);
    return { slept: ms };
  }

  /**
   * Waits until the advisory lock `key` is free: a test holding it in its own transaction keeps
   * these requests in flight for exactly as long as it needs to, whatever the machine's speed.
   */
  @Get('hold')
  async hold(@Query() { key }: HoldQuery): Promise<{ held: number }> {
    await this.testRoutes.hold(key);
    return { held: key };
  }

  /**
   * The N+1 shape the list route no longer has, kept here as a fixture: the page's ids in one
   * statement, then each trade in a statement of its own. The tracing test shows it as one
   * statement span per row.
   */
  @Get('trades-one-by-one')
  async tradesOneByOne(@Query() { userId, limit }: OneByOneQuery): Promise<{ count: number }> {
    return { count: await this.testRoutes.tradesOneByOne(userId, limit) };
  }

  /** Whether tracing runs, whether its SDK was loaded at all, and the spans kept in memory. */
  @Get('telemetry')
  telemetry(@Query() { traceId }: SpansQuery): {
    enabled: boolean;
    sdkLoaded: boolean;
    spans: FinishedSpan[] | undefined;
  } {
    const status = telemetryStatus();
    return {
      ...status,
      spans: traceId ? status.spans?.filter((s) => s.traceId === traceId) : status.spans,
    };
  }
}
