import { Server as NetServer } from 'node:net';
import type { Server } from 'node:http';
import type { INestApplication, LoggerService } from '@nestjs/common';
import { DrainState } from './health/drain-state';

export interface ShutdownOptions {
  app: INestApplication;
  logger: LoggerService;
  /** How long to keep accepting and serving after the signal (readiness already 503). */
  delayMs: number;
  /** How long, once no longer accepting, requests in flight may take before being cut. */
  timeoutMs: number;
  /** Runs after the app (and with it the connection pool) is closed, e.g. stopping the embedded server. */
  afterClose?: () => Promise<void>;
}

/** How often, while draining, keep-alive connections that fell idle are closed. */
const IDLE_SWEEP_MS = 100;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * SIGTERM/SIGINT, in this order:
 * 1. readiness answers 503 at once, so load balancers stop routing here;
 * 2. for `delayMs` the server still accepts and serves everything (a balancer needs a few
 *    probe periods to notice), each response carrying `Connection: close`;
 * 3. it stops accepting; connections with a request in progress finish it (up to `timeoutMs`,
 *    then they are cut); connections with nothing in progress are closed;
 * 4. the app closes (the pool with it), `afterClose` runs, exit 0.
 * A second signal forces exit 1.
 */
export function installShutdown({
  app,
  logger,
  delayMs,
  timeoutMs,
  afterClose,
}: ShutdownOptions): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn?.(`${signal} again: forcing exit`);
      process.exit(1);
    }
    stopping = true;
    const drain = app.get(DrainState);
    drain.draining = true;
    logger.log(
      `${signal} received: serving ${delayMs} ms more, then draining (${drain.inFlight} request(s) in flight)`,
    );
    void (async () => {
      try {
        await sleep(delayMs);
        const server = app.getHttpServer() as Server;
        await stopAccepting(server);
        const sweep = setInterval(() => server.closeIdleConnections(), IDLE_SWEEP_MS);
        const closed = new Promise<void>((resolve) => server.once('close', () => resolve()));
        const finished = await Promise.race([closed.then(() => true), sleep(timeoutMs)]);
        if (!finished) {
          logger.warn?.(`shutdown timeout (${timeoutMs} ms): cutting ${drain.inFlight} request(s)`);
          server.closeAllConnections();
          await closed;
        }
        clearInterval(sweep);
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

/**
 * Closes the listening socket without touching open connections. `http.Server#close` would also
 * close every connection it counts as idle, and that includes connections whose request bytes
 * have arrived but are not parsed yet: their clients would see a reset. One turn of the event loop
 * first lets it accept what waits in the backlog and read what has already arrived.
 */
async function stopAccepting(server: Server): Promise<void> {
  await new Promise<void>((resolve) => setImmediate(resolve));
  NetServer.prototype.close.call(server);
}
