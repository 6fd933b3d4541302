import { Injectable } from '@nestjs/common';

/**
 * Shutdown state shared by readiness, the drain middleware and the shutdown sequence: set
 * `draining` once a signal arrives; `inFlight` counts requests not yet answered (for the logs:
 * the shutdown sequence waits on the server's connections, which also covers requests not yet parsed).
 */
@Injectable()
export class DrainState {
  draining = false;
  inFlight = 0;

  started(): void {
    this.inFlight++;
  }

  finished(): void {
    this.inFlight--;
  }
}
