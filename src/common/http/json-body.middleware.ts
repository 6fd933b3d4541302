import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { json } from 'express';
import { exceedsJsonDepth } from './json-depth';

/**
 * A body-parser failure, re-thrown as our own type: Nest turns body-parser's SyntaxError into
 * a plain BadRequestException (losing what went wrong), while the filter needs to tell malformed
 * JSON from an oversize body or an unsupported encoding. The bulk-body guard throws it too.
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
 * events and equity curve). This middleware leaves their bodies unread: BulkBodyGuard reads them
 * with BULK_BODY_LIMIT once the auth guard has let the caller in (bulk-body.guard.ts), so neither
 * the large limit nor gzip is ever offered to an anonymous or unauthorised caller.
 */
const BULK_ROUTES: RegExp[] = [
  /^\/api\/broker-assets\/bulk-upsert\/?$/,
  /^\/api\/positions\/sync\/?$/,
  /^\/api\/backtests\/[^/]+\/(events|equity-curve)\/?$/,
];

export function isBulkRoute(method: string, path: string): boolean {
  return method === 'POST' && BULK_ROUTES.some((r) => r.test(path));
}

const BULK_BODY_PENDING = Symbol('bulkBodyPending');
type MaybePending = Request & { [BULK_BODY_PENDING]?: boolean };

/**
 * True once, for a request whose body this middleware left for BulkBodyGuard; the guard's claim,
 * so a route that reads a bulk body without being listed in BULK_ROUTES fails loudly.
 */
export function claimBulkBody(req: Request): boolean {
  const r = req as MaybePending;
  const pending = r[BULK_BODY_PENDING] === true;
  r[BULK_BODY_PENDING] = false;
  return pending;
}

/** Thrown from body-parser's `verify` hook; body-parser keeps `type`, rethrowing() reads it. */
function refused(type: string): Error {
  return Object.assign(new Error(`request body rejected: ${type}`), { type });
}

export function isUtf8(charset: string): boolean {
  return charset === 'utf-8' || charset === 'utf8';
}

/**
 * Runs on the raw bytes, before JSON.parse and long before validation recurses over the result.
 * JSON between systems is UTF-8 (RFC 8259 section 8.1); the depth scan counts UTF-8 bytes.
 */
function verifyJson(_req: unknown, _res: unknown, buf: Buffer, encoding: string): void {
  if (!isUtf8(encoding.toLowerCase())) throw refused('charset.unsupported');
  if (exceedsJsonDepth(buf)) throw refused('entity.too.deep');
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

/**
 * Every route's JSON body with BODY_LIMIT, uncompressed only (a Content-Encoding is answered 415:
 * gzip is for the bulk routes, after authentication). The bulk routes' bodies are left unread.
 */
export function jsonBody(limit: string): RequestHandler {
  const parse = rethrowing(json({ limit, inflate: false, verify: verifyJson }));
  return (req: Request, res: Response, next: NextFunction) => {
    if (isBulkRoute(req.method, req.path)) {
      (req as MaybePending)[BULK_BODY_PENDING] = true;
      return next();
    }
    parse(req, res, next);
  };
}
