import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { RateLimitedError } from '../common/errors/domain-errors';
import type { AppConfig } from '../config/app-config';

interface Window {
  failures: number;
  resetAt: number;
}

/**
 * Counts failed logins per username and per client address; after `LOGIN_MAX_FAILURES` within
 * `LOGIN_LOCKOUT_SECONDS`, that key gets 429 until the window ends. Only failures count (a
 * request-rate limiter would also lock out a busy, honest client). State is per process: behind
 * several replicas the limit applies to each.
 */
@Injectable()
export class LoginThrottle {
  private readonly windows = new Map<string, Window>();
  private readonly max: number;
  private readonly windowMs: number;

  constructor(config: ConfigService<AppConfig, true>) {
    const auth = config.get('auth', { infer: true });
    this.max = auth.loginMaxFailures;
    this.windowMs = auth.loginLockoutSeconds * 1000;
  }

  private keys(username: string, ip: string): string[] {
    return [`u:${username.toLowerCase()}`, `ip:${ip}`];
  }

  /** Throws RateLimitedError while either key is locked. */
  check(username: string, ip: string): void {
    const now = Date.now();
    for (const key of this.keys(username, ip)) {
      const w = this.windows.get(key);
      if (w && w.resetAt <= now) this.windows.delete(key);
      else if (w && w.failures >= this.max) {
        throw new RateLimitedError(
          'too many failed logins; try again later',
          Math.max(1, Math.ceil((w.resetAt - now) / 1000)),
        );
      }
    }
  }

  fail(username: string, ip: string): void {
    const now = Date.now();
    for (const key of this.keys(username, ip)) {
      const w = this.windows.get(key);
      if (!w || w.resetAt <= now)
        this.windows.set(key, { failures: 1, resetAt: now + this.windowMs });
      else w.failures += 1;
    }
    if (this.windows.size > 100_000) this.sweep(now);
  }

  succeed(username: string): void {
    this.windows.delete(`u:${username.toLowerCase()}`);
  }

  private sweep(now: number): void {
    for (const [key, w] of this.windows) if (w.resetAt <= now) this.windows.delete(key);
  }
}
