import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { HealthCheckResult, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { ErrorBodyDto } from '../common/http/api-docs';
import { Public } from '../auth/policy/route-access';
import { replicasIndicator } from '../database/replicas/replica-health';
import { ReplicaSet } from '../database/replicas/replica-set';
import { DrainState } from './drain-state';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly drain: DrainState,
    private readonly replicas: ReplicaSet,
  ) {}

  /** Liveness: the process is up and serving HTTP. */
  @Get()
  @ApiOperation({ summary: 'Liveness' })
  @ApiOkResponse({ schema: { example: { status: 'ok' } } })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Readiness: the database answers and we are not shutting down. */
  @Get('ready')
  @ApiOperation({ summary: 'Readiness (pings the database)' })
  @ApiOkResponse({ schema: { example: { status: 'ok', info: { database: { status: 'up' } } } } })
  @ApiServiceUnavailableResponse({ type: ErrorBodyDto })
  async ready(): Promise<HealthCheckResult> {
    if (this.drain.draining) {
      throw new ServiceUnavailableException({
        code: 'SHUTTING_DOWN',
        message: 'the service is shutting down',
        retryAfterSeconds: 1,
      });
    }
    try {
      return await this.health.check([
        () => this.db.pingCheck('database', { timeout: 2000 }),
        ...(this.replicas.enabled ? [() => replicasIndicator(this.replicas)] : []),
      ]);
    } catch (e) {
      const details = e instanceof ServiceUnavailableException ? e.getResponse() : undefined;
      throw new ServiceUnavailableException({
        code: 'DATABASE_UNAVAILABLE',
        message: 'the database is unavailable',
        details,
        retryAfterSeconds: 2,
      });
    }
  }
}
