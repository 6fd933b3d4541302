import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { json } from 'express';

/**
 * A body-parser failure, re-thrown as our own type: Nest turns body-parser's SyntaxError into
 * a plain BadRequestException (losing what went wrong), while the filter needs to tell malformed
 * JSON from an oversize body or an unsupported encoding.
 */
export class BodyParserError extends Error {
  constructor(
    readonly type: string,
    readonly status: number,
  ) {
    super(`request body rejected: ${type}`);
    this.name = 'BodyParserError';
  }
}

/**
 * The routes that ingest whole lists (a broker's asset list, a position sync, a backtest's
 * events and equity curve): they get BULK_BODY_LIMIT, every other route keeps BODY_LIMIT, so a
 * large limit never opens the rest of the API to large bodies.
 */
const BULK_ROUTES: RegExp[] = [
  /^\/api\/broker-assets\/bulk-upsert\/?$/,
  /^\/api\/positions\/sync\/?$/,
  /^\/api\/backtests\/[^/]+\/(events|equity-curve)\/?$/,
];

export function isBulkRoute(method: string, path: string): boolean {
  return method === 'POST' && BULK_ROUTES.some((r) => r.test(path));
}

function rethrowing(parse: RequestHandler): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) =>
    parse(req, res, (err?: unknown) => {
      if (!err) return next();
      const { type, status } = err as { type?: unknown; status?: unknown };
      next(
        typeof type === 'string'
          ? new BodyParserError(type, typeof status === 'number' ? status : 400)
          : err,
      );
    });
}

export function jsonBody(limit: string, bulkLimit: string = limit): RequestHandler {
  const parse = rethrowing(json({ limit }));
  const parseBulk = rethrowing(json({ limit: bulkLimit }));
  return (req: Request, res: Response, next: NextFunction) =>
    (isBulkRoute(req.method, req.path) ? parseBulk : parse)(req, res, next);
}
