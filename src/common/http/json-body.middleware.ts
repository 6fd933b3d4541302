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

export function jsonBody(limit: string): RequestHandler {
  const parse = json({ limit });
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
