import {
  BeforeApplicationShutdown,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { Metrics } from '../monitoring/metrics';
import { MaintenanceReport, runMaintenance } from './maintenance';

/**
 * Runs maintenance once at start and then every MAINTENANCE_INTERVAL_MINUTES (0: never; the
 * operator runs `npm run db:maintain` instead). Every instance schedules it; the advisory lock
 * lets one of them run at a time, the others skip.
 */
@Injectable()
export class MaintenanceScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Maintenance');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopping = false;

  constructor(
    private readonly ds: DataSource,
    private readonly config: ConfigService<AppConfig, true>,
    private readonly metrics: Metrics,
  ) {}

  onApplicationBootstrap(): void {
    const { intervalMinutes } = this.config.get('maintenance', { infer: true });
    if (intervalMinutes === 0) return;
    const tick = () => {
      this.running = this.runOnce().finally(() => {
        this.running = undefined;
        if (!this.stopping) this.timer = setTimeout(tick, intervalMinutes * 60_000).unref();
      });
    };
    // Not in the start-up path: the server answers while the first run goes on.
    this.timer = setTimeout(tick, 0).unref();
  }

  // Before, not on, application shutdown: TypeORM closes the pool on shutdown, and the step in
  // progress must finish first (the run checks `stopping` between steps).
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private async runOnce(): Promise<void> {
    try {
      const report = await runMaintenance(
        this.ds,
        this.config.get('maintenance', { infer: true }),
        () => this.stopping,
      );
      this.record(report);
    } catch (e) {
      this.metrics.maintenanceRuns.inc({ outcome: 'failed' });
      this.logger.error(`maintenance failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  private record(report: MaintenanceReport): void {
    if (!report.ran) {
      this.metrics.maintenanceRuns.inc({ outcome: 'skipped' });
      return;
    }
    this.metrics.maintenanceRuns.inc({ outcome: 'ran' });
    for (const [table, rows] of Object.entries(report.purged))
      this.metrics.maintenanceRowsRemoved.inc({ table }, rows);
    const { created, dropped, deferred } = report.auditPartitions;
    this.metrics.maintenancePartitions.inc({ change: 'created' }, created.length);
    this.metrics.maintenancePartitions.inc({ change: 'dropped' }, dropped.length);
    this.metrics.maintenanceLastRun.set(Date.parse(report.finishedAt) / 1000);
    this.metrics.maintenanceDuration.set(report.durationMs / 1000);
    if (deferred.length)
      this.logger.warn(
        `partition changes deferred to the next run (lock busy): ${deferred.join(', ')}`,
      );
    this.logger.log({ maintenance: report });
  }
}
