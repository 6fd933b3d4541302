import type { INestApplication, LoggerService } from '@nestjs/common';
import { DrainState } from './health/drain-state';

export interface ShutdownOptions {
  app: INestApplication;
  logger: LoggerService;
  /** Runs after the app (and with it the connection pool) is closed, e.g. stopping the embedded server. */
  afterClose?: () => Promise<void>;
}

/**
 * SIGTERM/SIGINT: readiness turns 503 at once, the app closes (HTTP server, then the pool),
 * then `afterClose` runs and the process exits 0. A second signal forces exit 1.
 */
export function installShutdown({ app, logger, afterClose }: ShutdownOptions): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn?.(`${signal} again: forcing exit`);
      process.exit(1);
    }
    stopping = true;
    logger.log(`${signal} received: shutting down`);
    app.get(DrainState).draining = true;
    void (async () => {
      try {
        await app.close();
        await afterClose?.();
        logger.log('shutdown complete');
        process.exit(0);
      } catch (e) {
        logger.error(`shutdown failed: ${e instanceof Error ? e.message : String(e)}`);
        process.exit(1);
      }
    })();
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
