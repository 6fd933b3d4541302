import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { RateLimitedError } from '../common/errors/domain-errors';
import type { AppConfig } from '../config/app-config';
import { LoginAttemptsRepository } from './login-attempts.repository';

/**
 * Accounts made by signup per client address: SIGNUP_MAX_PER_ADDRESS in SIGNUP_WINDOW_SECONDS
 * (a fixed window from the address's first signup), then 429 RATE_LIMITED with Retry-After
 * until the window ends. The counter lives beside the failed-login counters (shared by every
 * instance) and is counted in the signup's own transaction, before the password is hashed: a
 * refused address costs no hash, and a signup that fails (taken name, 429) rolls its count back,
 * so what is limited is accounts created. Admin-made accounts (POST /api/users) do not count.
 */
@Injectable()
export class SignupThrottle {
  private readonly max: number;
  private readonly windowSeconds: number;

  constructor(
    private readonly attempts: LoginAttemptsRepository,
    config: ConfigService<AppConfig, true>,
  ) {
    const auth = config.get('auth', { infer: true });
    this.max = auth.signupMaxPerAddress;
    this.windowSeconds = auth.signupWindowSeconds;
  }

  async count(ip: string): Promise<void> {
    const { count, secondsLeft } = await this.attempts.countInWindow(
      `signup:${ip}`,
      this.windowSeconds,
    );
    if (count > this.max) {
      throw new RateLimitedError(
        'too many signups from this address; try again later',
        secondsLeft,
      );
    }
  }
}
