import { Injectable, Logger, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { requestIdOf } from '../common/http/request-id.middleware';
import { activeTraceIds } from '../telemetry/trace-context';
import { Metrics } from './metrics';

/**
 * One log line and one histogram sample per request: request id, method, route template,
 * status and duration. Never the body or the query string (they may hold secrets). A request
 * whose connection closed before its response was complete (the client went away, or the
 * server cut it) is logged as a warning with `aborted: true`: every request the server read
 * leaves a line.
 */
@Injectable()
export class RequestLogMiddleware implements NestMiddleware {
  private readonly logger = new Logger('HTTP');

  constructor(private readonly metrics: Metrics) {}

  use(req: Request, res: Response, next: NextFunction): void {
    const start = process.hrtime.bigint();
    // The request's own span (the HTTP server span) is active here, before any handler span.
    const exemplar = activeTraceIds();
    const elapsedSeconds = () => Number(process.hrtime.bigint() - start) / 1e9;
    const routeOf = () => (req.route as { path?: string } | undefined)?.path ?? 'unmatched';
    res.once('close', () => {
      if (res.writableFinished) return;
      this.logger.warn({
        requestId: requestIdOf(req),
        method: req.method,
        route: routeOf(),
        aborted: true,
        durationMs: Math.round(elapsedSeconds() * 1e6) / 1000,
      });
    });
    res.once('finish', () => {
      const seconds = elapsedSeconds();
      const route = routeOf();
      this.metrics.httpDuration.observe({
        labels: { method: req.method, route, status: String(res.statusCode) },
        value: seconds,
        // prom-client types exemplar labels as the metric's own label names; they are not.
        exemplarLabels: exemplar as Partial<Record<string, string>> | undefined,
      });
      this.logger.log({
        requestId: requestIdOf(req),
        method: req.method,
        route,
        status: res.statusCode,
        durationMs: Math.round(seconds * 1e6) / 1000,
      });
    });
    next();
  }
}
