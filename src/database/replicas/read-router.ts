import { readerKeyOf } from '../../auth/auth-user';
import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Request } from 'express';
import { CLS_REQ, ClsService } from 'nestjs-cls';
import type { PoolClient } from 'pg';
import { Counter } from 'prom-client';
import { DataSource } from 'typeorm';
import type { EntitySubscriberInterface, QueryRunner, TransactionCommitEvent } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import type { AppConfig } from '../../config/app-config';
import { Metrics } from '../../monitoring/metrics';
import { formatLsn, parseLsn } from './lsn';
import { LSN_HEADER, READ_METHODS, READ_ROUTING, ReadRouting } from './read-routing';
import { ReplicaSet } from './replica-set';
import { WritePositions } from './write-positions';

type Connection = [PoolClient, (err?: Error | boolean) => void];

/**
 * Where a read goes. TypeORM's replication mode already separates the statements: reads outside
 * a transaction ask the driver for a "slave" connection, everything else (writes, transactions,
 * raw queries) takes the primary's. We answer that request: the replica chosen for this HTTP
 * request (read-routing.interceptor.ts marks plain GETs once the caller is known), or the
 * primary when there is no such request, no replica in rotation has replayed the caller's last
 * write, or the replica cannot be reached. After each committed write the primary's WAL
 * position is remembered for the caller and returned in the X-Ledgerline-Lsn header.
 */
@Injectable()
export class ReadRouter implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('ReadRouter');
  readonly writes: WritePositions;
  private readonly routed: Counter<'target'>;
  private pruneTimer: NodeJS.Timeout | undefined;

  constructor(
    config: ConfigService<AppConfig, true>,
    private readonly ds: DataSource,
    private readonly replicas: ReplicaSet,
    private readonly cls: ClsService,
    metrics: Metrics,
  ) {
    const settings = config.get('replicas', { infer: true });
    const ttlMs = settings.readYourWritesTtlSeconds * 1000;
    this.writes = new WritePositions(ttlMs);
    if (settings.urls.length > 0 && (settings.maxLagMs === 0 || ttlMs <= settings.maxLagMs)) {
      // Then a replica in rotation may still miss a write whose entry has expired.
      this.logger.warn(
        'DB_READ_YOUR_WRITES_TTL_SECONDS should exceed DB_REPLICA_MAX_LAG_MS (and that be > 0): otherwise a caller may not see its own write',
      );
    }
    this.routed = new Counter({
      name: 'db_reads_routed_total',
      help: 'reads outside a transaction, by the server that answered them',
      labelNames: ['target'] as const,
      registers: [metrics.registry],
    });
  }

  onModuleInit(): void {
    if (!this.replicas.enabled) return;
    const driver = this.ds.driver as PostgresDriver;
    driver.obtainSlaveConnection = () => this.connectForRead(driver);
    this.ds.subscribers.push(new WritePositionSubscriber((qr) => this.recordWrite(qr)));
    this.pruneTimer = setInterval(() => this.writes.prune(), 60_000);
    this.pruneTimer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.pruneTimer);
  }

  private async connectForRead(driver: PostgresDriver): Promise<Connection> {
    const routing = this.cls.isActive()
      ? this.cls.get<ReadRouting | undefined>(READ_ROUTING)
      : undefined;
    if (routing) {
      routing.target ??= this.replicas.pick(routing.requiredLsn) ?? 'primary';
      const replica = routing.target;
      if (replica !== 'primary') {
        try {
          const client = await replica.connect();
          this.routed.inc({ target: replica.name });
          return [client, (err) => client.release(err)];
        } catch (e) {
          // Stopped between two probes: this read, and the rest of the request, use the primary.
          this.replicas.reportFailure(replica, e);
          routing.target = 'primary';
        }
      }
    }
    this.routed.inc({ target: 'primary' });
    return (await driver.obtainMasterConnection()) as Connection;
  }

  private async recordWrite(qr: QueryRunner): Promise<void> {
    if (!this.cls.isActive()) return;
    const req = this.cls.get<Request | undefined>(CLS_REQ);
    if (!req || READ_METHODS.has(req.method)) return;
    try {
      // After COMMIT returned, the commit record is at or before the current write position.
      const rows: Array<{ lsn: string }> = await qr.query(
        'SELECT pg_current_wal_lsn()::text AS lsn',
      );
      const lsn = parseLsn(rows[0]?.lsn);
      if (lsn === null) return;
      if (req.user) this.writes.remember(readerKeyOf(req.user), lsn);
      if (req.res && !req.res.headersSent) req.res.setHeader(LSN_HEADER, formatLsn(lsn));
    } catch (e) {
      // The write is committed; failing the request now would invite a duplicate retry.
      this.logger.warn(
        `could not read the primary's WAL position after a commit: ${e instanceof Error ? e.message : String(e)}`,
      );
    }
  }
}

/** Calls back once the outermost transaction of a query runner has committed. */
class WritePositionSubscriber implements EntitySubscriberInterface {
  constructor(private readonly onCommit: (qr: QueryRunner) => Promise<void>) {}

  afterTransactionCommit(event: TransactionCommitEvent): Promise<void> | void {
    // Still active: only a savepoint was released; the transaction has not committed yet.
    if (event.queryRunner.isTransactionActive) return;
    return this.onCommit(event.queryRunner);
  }
}
