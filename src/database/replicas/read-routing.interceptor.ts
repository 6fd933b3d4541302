import { readerKeyOf } from '../../auth/auth-user';
import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request } from 'express';
import { ClsService } from 'nestjs-cls';
import { Observable } from 'rxjs';
import { ValidationError } from '../../common/errors/domain-errors';
import { maxLsn, parseLsn } from './lsn';
import { LSN_HEADER, READ_METHODS, READ_ROUTING, ReadRouting } from './read-routing';
import { ReadRouter } from './read-router';
import { ReplicaSet } from './replica-set';

/**
 * Marks a plain read request as one a replica may answer, with the position that replica must
 * have replayed: the caller's last write here, or the one the client sends back. It runs as an
 * interceptor, after the auth guard: the guard's own lookups (a token created a moment ago by a
 * login) always read the primary, and the caller is known by now.
 */
@Injectable()
export class ReadRoutingInterceptor implements NestInterceptor {
  constructor(
    private readonly replicas: ReplicaSet,
    private readonly router: ReadRouter,
    private readonly cls: ClsService,
  ) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (!this.replicas.enabled || ctx.getType() !== 'http') return next.handle();
    const req = ctx.switchToHttp().getRequest<Request>();
    if (!READ_METHODS.has(req.method) || !this.cls.isActive()) return next.handle();

    const sent = req.get(LSN_HEADER);
    const fromClient = sent === undefined ? null : parseLsn(sent);
    if (sent !== undefined && fromClient === null) {
      throw ValidationError.forField(
        LSN_HEADER,
        `${LSN_HEADER} must be a WAL position as this service returned it, such as 16/B374D848`,
      );
    }
    const ownWrite = req.user ? this.router.writes.get(readerKeyOf(req.user)) : null;
    const routing: ReadRouting = { requiredLsn: maxLsn(fromClient, ownWrite) };
    this.cls.set(READ_ROUTING, routing);
    return next.handle();
  }
}
