import { Controller, Get, Query } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
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
}
