import { Pool, PoolClient } from 'pg';
import { Lsn, parseLsn } from './lsn';

export interface ReplicaStatus {
  name: string;
  /** host:port only: the URL may hold a password. */
  address: string;
  up: boolean;
  replayLsn: string | null;
  lagBytes: number | null;
  lagMs: number | null;
  /** Why it is out of rotation, when it is. */
  reason: string | null;
  checkedAt: string | null;
}

export interface ProbeResult {
  inRecovery: boolean;
  replayLsn: Lsn | null;
}

/** How long a probe may take before the replica counts as not answering. */
export const PROBE_TIMEOUT_MS = 1000;

/**
 * One streaming replica: a pool for the reads routed to it, and a separate one-connection pool
 * with short timeouts for the health probe, so a probe never queues behind reads and a dead
 * server is noticed within PROBE_TIMEOUT_MS rather than the read pool's connect timeout.
 */
export class Replica {
  readonly pool: Pool;
  private readonly probePool: Pool;
  readonly address: string;

  up = false;
  replayLsn: Lsn | null = null;
  lagBytes: number | null = null;
  lagMs: number | null = null;
  reason: string | null = 'not checked yet';
  checkedAt: Date | null = null;

  constructor(
    readonly name: string,
    url: string,
    poolOptions: Record<string, unknown>,
    applicationName: string,
  ) {
    const u = new URL(url);
    this.address = `${u.hostname}:${u.port || '5432'}`;
    const onError = (): void => {
      // An idle client lost its server (replica stopped): pg-pool drops it; the probe reports it.
    };
    this.pool = new Pool({
      connectionString: url,
      application_name: applicationName,
      ...poolOptions,
    });
    this.pool.on('error', onError);
    this.probePool = new Pool({
      connectionString: url,
      application_name: `${applicationName}-probe`,
      max: 1,
      connectionTimeoutMillis: PROBE_TIMEOUT_MS,
      query_timeout: PROBE_TIMEOUT_MS,
      idleTimeoutMillis: 10_000,
    });
    this.probePool.on('error', onError);
  }

  async probe(): Promise<ProbeResult> {
    const r = await this.probePool.query<{ in_recovery: boolean; replay_lsn: string | null }>(
      'SELECT pg_is_in_recovery() AS in_recovery, pg_last_wal_replay_lsn()::text AS replay_lsn',
    );
    return { inRecovery: r.rows[0].in_recovery, replayLsn: parseLsn(r.rows[0].replay_lsn) };
  }

  connect(): Promise<PoolClient> {
    return this.pool.connect();
  }

  markDown(reason: string): void {
    this.up = false;
    this.reason = reason;
  }

  status(format: (lsn: Lsn) => string): ReplicaStatus {
    return {
      name: this.name,
      address: this.address,
      up: this.up,
      replayLsn: this.replayLsn === null ? null : format(this.replayLsn),
      lagBytes: this.lagBytes,
      lagMs: this.lagMs,
      reason: this.up ? null : this.reason,
      checkedAt: this.checkedAt?.toISOString() ?? null,
    };
  }

  async close(): Promise<void> {
    await Promise.all([this.pool.end(), this.probePool.end()]);
  }
}
