import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import { RateLimitedError } from '../common/errors/domain-errors';
import type { AppConfig } from '../config/app-config';
import type { Tx } from '../database/transaction';

/** Backoff of a locked key: 30 s, doubling with each further failure, up to the lockout. */
const BACKOFF_BASE_SECONDS = 30;

interface Key {
  key: string;
  max: number;
}

/**
 * Counts failed logins in PostgreSQL (the UNLOGGED `login_attempts` table), so every app
 * instance behind a load balancer shares them. Two keys per attempt:
 * - the (username, client address) pair: a stranger guessing from X locks X out of that
 *   account, never the owner logging in from Y;
 * - the client address alone, with a higher limit: one address cannot spray many accounts.
 * A key that reaches its limit is locked for 30 s, doubling with every further failure up to
 * `LOGIN_LOCKOUT_SECONDS`; a window with no lock starts afresh after that long. Only failures
 * count (a request-rate limiter would also lock out a busy, honest client). The writes join the
 * request's transaction, which the 401 (a LoginFailedError) commits rather than rolls back; a
 * second connection per login would deadlock the pool under a burst of logins.
 */
@Injectable()
export class LoginThrottle {
  private readonly maxPair: number;
  private readonly maxAddress: number;
  private readonly windowSeconds: number;

  constructor(
    @InjectTransactionHost() private readonly tx: Tx,
    config: ConfigService<AppConfig, true>,
  ) {
    const auth = config.get('auth', { infer: true });
    this.maxPair = auth.loginMaxFailures;
    this.maxAddress = auth.loginMaxFailuresPerAddress;
    this.windowSeconds = auth.loginLockoutSeconds;
  }

  private keys(username: string, ip: string): Key[] {
    return [
      { key: `pair:${username.toLowerCase()}|${ip}`, max: this.maxPair },
      { key: `addr:${ip}`, max: this.maxAddress },
    ];
  }

  /**
   * Throws RateLimitedError while either key is locked. Attempts on one (username, address) pair
   * queue on a transaction-scoped lock until the previous one has counted its failure, so a burst
   * of parallel guesses cannot all pass this check before the first failure is recorded.
   */
  async check(username: string, ip: string): Promise<void> {
    await this.tx.tx.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 7))`, [
      this.keys(username, ip)[0].key,
    ]);
    const rows: Array<{ seconds: number }> = await this.tx.tx.query(
      `SELECT ceil(extract(epoch FROM max(locked_until) - now()))::int AS seconds
         FROM login_attempts WHERE key = ANY($1) AND locked_until > now()`,
      [this.keys(username, ip).map((k) => k.key)],
    );
    const seconds = rows[0]?.seconds;
    if (seconds !== null && seconds !== undefined) {
      throw new RateLimitedError('too many failed logins; try again later', Math.max(1, seconds));
    }
  }

  /**
   * Records a failure on both keys in one statement. Returns whether this failure should be
   * written to the audit log: at most once a minute per username and address.
   */
  async fail(username: string, ip: string): Promise<{ audit: boolean }> {
    const keys = this.keys(username, ip);
    // The failure count after this attempt: a new window once the old one is over and unlocked.
    const fresh = `(a.window_started_at < now() - make_interval(secs => $3::int) AND (a.locked_until IS NULL OR a.locked_until <= now()))`;
    const count = `CASE WHEN ${fresh} THEN 1 ELSE a.failures + 1 END`;
    const lockFor = (failures: string, max: string) =>
      `CASE WHEN ${failures} >= ${max} THEN now() + make_interval(secs => least($3::double precision, ${BACKOFF_BASE_SECONDS} * power(2, ${failures} - ${max}))) END`;
    const rows: Array<{ key: string; audit: boolean }> = await this.tx.tx.query(
      `INSERT INTO login_attempts AS a (key, failures, window_started_at, locked_until, last_audited_at, updated_at)
       SELECT k.key, 1, now(), ${lockFor('1', 'k.max')}, now(), now()
         FROM unnest($1::text[], $2::int[]) AS k(key, max)
       ON CONFLICT (key) DO UPDATE SET
         failures = ${count},
         window_started_at = CASE WHEN ${fresh} THEN now() ELSE a.window_started_at END,
         locked_until = coalesce(${lockFor(count, `(CASE WHEN a.key LIKE 'pair:%' THEN $4::int ELSE $5::int END)`)}, a.locked_until),
         last_audited_at = CASE WHEN a.last_audited_at IS NULL OR a.last_audited_at <= now() - interval '1 minute'
                           THEN now() ELSE a.last_audited_at END,
         updated_at = now()
       RETURNING a.key, a.last_audited_at = now() AS audit`,
      [
        keys.map((k) => k.key),
        keys.map((k) => k.max),
        this.windowSeconds,
        this.maxPair,
        this.maxAddress,
      ],
    );
    return { audit: rows.some((r) => r.key === keys[0].key && r.audit) };
  }

  /** A successful login clears its (username, address) pair; the address count stays. */
  async succeed(username: string, ip: string): Promise<void> {
    await this.tx.tx.query(`DELETE FROM login_attempts WHERE key = $1`, [
      this.keys(username, ip)[0].key,
    ]);
  }
}
