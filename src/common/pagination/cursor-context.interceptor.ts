import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request } from 'express';
import { ClsService } from 'nestjs-cls';
import { Observable } from 'rxjs';
import { bindingOf, CURSOR_CONTEXT, CursorContext } from './cursor-context';
import { CursorSigner } from './cursor-signer';

/**
 * Gives every HTTP request the means to sign and verify its list cursors: this instance's keys
 * and the request's binding. An interceptor, so it runs after the auth guard and the caller is
 * known; the repositories that page read it back through the request-scoped store.
 */
@Injectable()
export class CursorContextInterceptor implements NestInterceptor {
  constructor(
    private readonly signer: CursorSigner,
    private readonly cls: ClsService,
  ) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (ctx.getType() === 'http' && this.cls.isActive()) {
      const req = ctx.switchToHttp().getRequest<Request>();
      const context: CursorContext = { signer: this.signer, binding: bindingOf(req) };
      this.cls.set(CURSOR_CONTEXT, context);
    }
    return next.handle();
  }
}
