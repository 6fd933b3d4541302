import type { Server } from 'node:http';
import type { INestApplication, LoggerService } from '@nestjs/common';
import { DrainState } from './health/drain-state';

export interface ShutdownOptions {
  app: INestApplication;
  logger: LoggerService;
  timeoutMs: number;
  /** Runs after the app (and with it the connection pool) is closed, e.g. stopping the embedded server. */
  afterClose?: () => Promise<void>;
}

/**
 * SIGTERM/SIGINT: readiness answers 503 at once; the server stops accepting connections and
 * closes idle keep-alive ones; requests in flight finish (up to `timeoutMs`, then their
 * connections are cut); the app closes (the pool with it); `afterClose` runs; exit 0.
 * A second signal forces exit 1.
 */
export function installShutdown({ app, logger, timeoutMs, afterClose }: ShutdownOptions): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn?.(`${signal} again: forcing exit`);
      process.exit(1);
    }
    stopping = true;
    const drain = app.get(DrainState);
    drain.draining = true;
    logger.log(`${signal} received: draining ${drain.inFlight} request(s)`);
    void (async () => {
      try {
        const server = app.getHttpServer() as Server;
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        const idle = await drain.whenIdle(timeoutMs);
        if (!idle)
          logger.warn?.(`shutdown timeout (${timeoutMs} ms): cutting ${drain.inFlight} request(s)`);
        server.closeAllConnections();
        await closed;
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
