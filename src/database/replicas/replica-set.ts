import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Gauge } from 'prom-client';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../../config/app-config';
import { Metrics } from '../../monitoring/metrics';
import { APPLICATION_NAME, poolSettings } from '../data-source-options';
import { formatLsn, Lsn, parseLsn } from './lsn';
import { Replica, ReplicaStatus } from './replica';

/** How often each replica is probed: a dead one leaves rotation within about this plus the probe timeout. */
export const PROBE_INTERVAL_MS = 500;

interface Observation {
  lsn: Lsn;
  at: number;
}

/**
 * The streaming replicas of DATABASE_REPLICA_URLS and what we know of them: up or not, how far
 * they have replayed, how far behind the primary they are. A replica is in rotation while its
 * probe answers, it is still in recovery (a promoted one is somebody's primary now) and its lag
 * is within DB_REPLICA_MAX_LAG_MS. Knowledge is at most one probe old, and only ever behind the
 * truth, so routing on it errs towards the primary.
 */
@Injectable()
export class ReplicaSet implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Replicas');
  readonly replicas: Replica[];
  private readonly maxLagMs: number;
  /** Positions of the primary as the probes saw them advance, oldest first (for lag in time). */
  private primaryHistory: Observation[] = [];
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private next = 0;

  constructor(
    config: ConfigService<AppConfig, true>,
    private readonly ds: DataSource,
    metrics: Metrics,
  ) {
    const replicas = config.get('replicas', { infer: true });
    const db = config.get('db', { infer: true });
    this.maxLagMs = replicas.maxLagMs;
    const pool = {
      ...poolSettings({ url: '', ...db }),
      // A replica that hangs (host gone, no RST) never answers the server-side timeout: bound
      // the wait on our side too, so a read in flight fails instead of holding its request.
      ...(db.statementTimeoutMs > 0 ? { query_timeout: db.statementTimeoutMs + 1000 } : {}),
    };
    this.replicas = replicas.urls.map(
      (url, i) => new Replica(`replica-${i + 1}`, url, pool, APPLICATION_NAME),
    );
    if (this.replicas.length > 0) this.registerMetrics(metrics);
  }

  get enabled(): boolean {
    return this.replicas.length > 0;
  }

  async onModuleInit(): Promise<void> {
    if (!this.enabled) return;
    // One probe before serving, so a fresh instance uses its replicas from the first request.
    await this.probeAll();
    this.schedule();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await Promise.all(this.replicas.map((r) => r.close().catch(() => undefined)));
  }

  /**
   * A replica in rotation that has replayed at least `required` (round robin among them), or
   * null: then the read belongs on the primary.
   */
  pick(required: Lsn | null): Replica | null {
    const n = this.replicas.length;
    for (let i = 0; i < n; i++) {
      const r = this.replicas[(this.next + i) % n];
      if (!r.up || r.replayLsn === null) continue;
      if (required !== null && r.replayLsn < required) continue;
      this.next = (this.next + i + 1) % n;
      return r;
    }
    return null;
  }

  /** A read could not even connect: out of rotation now, not at the next probe. */
  reportFailure(replica: Replica, error: unknown): void {
    if (replica.up) this.logger.warn(`${replica.name} out of rotation: ${describe(error)}`);
    replica.markDown(describe(error));
  }

  statuses(): ReplicaStatus[] {
    return this.replicas.map((r) => r.status(formatLsn));
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      void this.probeAll().finally(() => this.schedule());
    }, PROBE_INTERVAL_MS);
    this.timer.unref();
  }

  private async probeAll(): Promise<void> {
    await this.observePrimary();
    await Promise.all(this.replicas.map((r) => this.probe(r)));
  }

  private async observePrimary(): Promise<void> {
    try {
      const [row] = await this.ds.query<Array<{ lsn: string }>>(
        'SELECT pg_current_wal_lsn()::text AS lsn',
      );
      const lsn = parseLsn(row.lsn);
      if (lsn === null) return;
      const now = Date.now();
      const last = this.primaryHistory[this.primaryHistory.length - 1];
      if (!last || lsn > last.lsn) this.primaryHistory.push({ lsn, at: now });
      const horizon = now - Math.max(this.maxLagMs, 10_000) * 2;
      while (this.primaryHistory.length > 1 && this.primaryHistory[0].at < horizon)
        this.primaryHistory.shift();
    } catch {
      // The primary is down: readiness says so; lag is measured again once it answers.
    }
  }

  private async probe(r: Replica): Promise<void> {
    const wasUp = r.up;
    try {
      const p = await r.probe();
      r.checkedAt = new Date();
      r.replayLsn = p.replayLsn;
      this.measureLag(r);
      if (!p.inRecovery) r.markDown('not in recovery (promoted?): not a replica any more');
      else if (p.replayLsn === null) r.markDown('has not replayed any WAL yet');
      else if (this.maxLagMs > 0 && (r.lagMs ?? 0) > this.maxLagMs)
        r.markDown(`lag ${r.lagMs} ms is over DB_REPLICA_MAX_LAG_MS`);
      else {
        r.up = true;
        r.reason = null;
      }
    } catch (e) {
      r.checkedAt = new Date();
      r.markDown(describe(e));
    }
    if (wasUp !== r.up)
      this.logger.warn(`${r.name} ${r.up ? 'back in rotation' : `out of rotation: ${r.reason}`}`);
  }

  /**
   * Lag in bytes against the primary's last seen position; lag in time as how long ago the
   * primary was first seen past what the replica has replayed. Unlike
   * now() - pg_last_xact_replay_timestamp(), this stays 0 on an idle primary and needs no clock
   * agreement between servers.
   */
  private measureLag(r: Replica): void {
    const latest = this.primaryHistory[this.primaryHistory.length - 1];
    if (!latest || r.replayLsn === null) {
      r.lagBytes = null;
      r.lagMs = null;
      return;
    }
    if (r.replayLsn >= latest.lsn) {
      r.lagBytes = 0;
      r.lagMs = 0;
      return;
    }
    r.lagBytes = Number(latest.lsn - r.replayLsn);
    const firstAhead = this.primaryHistory.find((o) => o.lsn > (r.replayLsn ?? 0n)) ?? latest;
    r.lagMs = Date.now() - firstAhead.at;
  }

  private registerMetrics(metrics: Metrics): void {
    const replicas = this.replicas;
    const gauge = (name: string, help: string, value: (r: Replica) => number | null) =>
      new Gauge({
        name,
        help,
        labelNames: ['replica'] as const,
        registers: [metrics.registry],
        collect() {
          for (const r of replicas) {
            const v = value(r);
            if (v !== null) this.set({ replica: r.name }, v);
          }
        },
      });
    gauge('db_replica_up', '1 while the replica is in rotation for reads', (r) => (r.up ? 1 : 0));
    gauge('db_replica_lag_bytes', 'WAL bytes the replica has not replayed yet', (r) => r.lagBytes);
    gauge('db_replica_lag_seconds', 'how far behind the primary the replica replays', (r) =>
      r.lagMs === null ? null : r.lagMs / 1000,
    );
  }
}

function describe(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
