import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { DrainState } from './drain-state';

/** Counts requests in flight; while draining, asks clients to close their keep-alive connections. */
@Injectable()
export class DrainMiddleware implements NestMiddleware {
  constructor(private readonly drain: DrainState) {}

  use(_req: Request, res: Response, next: NextFunction): void {
    this.drain.started();
    let done = false;
    const finish = () => {
      if (!done) {
        done = true;
        this.drain.finished();
      }
    };
    res.once('finish', finish);
    res.once('close', finish);
    const writeHead = res.writeHead;
    // Decided when the response starts, so a request that began before the signal still gets it.
    res.writeHead = ((...args: Parameters<Response['writeHead']>) => {
      if (this.drain.draining && !res.headersSent) res.setHeader('Connection', 'close');
      return writeHead.apply(res, args);
    }) as Response['writeHead'];
    next();
  }
}
