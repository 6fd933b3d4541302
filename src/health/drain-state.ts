import { Injectable } from '@nestjs/common';

/**
 * Shutdown state shared by readiness, the drain middleware and the shutdown sequence: set
 * `draining` once a signal arrives; `inFlight` counts requests not yet answered.
 */
@Injectable()
export class DrainState {
  draining = false;
  inFlight = 0;
  private waiters: Array<() => void> = [];

  started(): void {
    this.inFlight++;
  }

  finished(): void {
    this.inFlight--;
    if (this.inFlight === 0) this.waiters.splice(0).forEach((w) => w());
  }

  /** Resolves true when no request is in flight, false if `timeoutMs` passes first. */
  whenIdle(timeoutMs: number): Promise<boolean> {
    if (this.inFlight === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }
}
