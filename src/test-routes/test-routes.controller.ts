import { Controller, Get, Query } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { Public } from '../auth/policy/route-access';
import { TestRoutesService } from './test-routes.service';

export class SleepQuery {
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(30000)
  ms!: number;
}

/**
 * Mounted only with ENABLE_TEST_ROUTES=true (TestRoutesModule): a request that holds a database
 * connection for `ms` milliseconds, so shutdown tests can have requests in flight.
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
}
