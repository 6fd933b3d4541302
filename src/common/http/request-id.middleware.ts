import { randomUUID } from 'node:crypto';
import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

const HEADER = 'x-request-id';
// A client-supplied id is echoed only when it is a plain token, so logs cannot be forged with it.
const SAFE_ID = /^[A-Za-z0-9._:-]{1,128}$/;
const REQUEST_ID = Symbol('requestId');

type WithRequestId = Request & { [REQUEST_ID]?: string };

/** Gives every request an id (the client's, if sane, else a new UUID) and echoes it back. */
@Injectable()
export class RequestIdMiddleware implements NestMiddleware {
  use(req: Request, res: Response, next: NextFunction): void {
    requestIdOf(req, res);
    next();
  }
}

/** The request's id, assigning one (and the response header) on first use. */
export function requestIdOf(req: Request, res?: Response): string {
  const r = req as WithRequestId;
  if (!r[REQUEST_ID]) {
    const sent = req.headers[HEADER];
    r[REQUEST_ID] = typeof sent === 'string' && SAFE_ID.test(sent) ? sent : randomUUID();
  }
  if (res && !res.headersSent && !res.getHeader(HEADER)) res.setHeader(HEADER, r[REQUEST_ID]);
  return r[REQUEST_ID];
}
