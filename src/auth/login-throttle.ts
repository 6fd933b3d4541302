import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { RateLimitedError } from '../common/errors/domain-errors';
import type { AppConfig } from '../config/app-config';
import { LoginAttemptsRepository, ThrottleKey } from './login-attempts.repository';
import { canonicalUsername } from './username';

/**
 * Counts failed logins in PostgreSQL, so every app instance behind a load balancer shares them.
 * Two keys per attempt:
 * - the (username, client address) pair: a stranger guessing from X locks X out of that
 *   account, never the owner logging in from Y;
 * - the client address alone, with a higher limit: one address cannot spray many accounts.
 * A key that reaches its limit is locked for 30 s, doubling with every further failure up to
 * `LOGIN_LOCKOUT_SECONDS`. Only failures count (a request-rate limiter would also lock out a
 * busy, honest client). Everything runs in the request's transaction, which the 401 (a
 * LoginFailedError) commits rather than rolls back; a second connection per login would
 * deadlock the pool under a burst of logins.
 */
@Injectable()
export class LoginThrottle {
  private readonly maxPair: number;
  private readonly maxAddress: number;
  private readonly windowSeconds: number;

  constructor(
    private readonly attempts: LoginAttemptsRepository,
    config: ConfigService<AppConfig, true>,
  ) {
    const auth = config.get('auth', { infer: true });
    this.maxPair = auth.loginMaxFailures;
    this.maxAddress = auth.loginMaxFailuresPerAddress;
    this.windowSeconds = auth.loginLockoutSeconds;
  }

  /** The pair key names the account as the lookup does (canonicalUsername), never another fold. */
  private keys(username: string, ip: string): [ThrottleKey, ThrottleKey] {
    return [
      { key: `pair:${canonicalUsername(username)}|${ip}`, max: this.maxPair },
      { key: `addr:${ip}`, max: this.maxAddress },
    ];
  }

  /**
   * Throws RateLimitedError while either key is locked. Attempts on one (username, address) pair
   * queue until the previous one has counted its failure, so a burst of parallel guesses cannot
   * all pass this check before the first failure is recorded.
   */
  async check(username: string, ip: string): Promise<void> {
    const keys = this.keys(username, ip);
    await this.attempts.serialize(keys[0].key);
    const seconds = await this.attempts.lockedFor(keys.map((k) => k.key));
    if (seconds !== undefined) {
      throw new RateLimitedError('too many failed logins; try again later', Math.max(1, seconds));
    }
  }

  /** Records a failure; says whether it goes to the audit log (once a minute per username+address). */
  async fail(username: string, ip: string): Promise<{ audit: boolean }> {
    const keys = this.keys(username, ip);
    const audited = await this.attempts.recordFailure(keys, this.windowSeconds);
    return { audit: audited.has(keys[0].key) };
  }

  /** A successful login clears its (username, address) pair; the address count stays. */
  async succeed(username: string, ip: string): Promise<void> {
    await this.attempts.clear(this.keys(username, ip)[0].key);
  }
}
