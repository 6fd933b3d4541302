import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { rememberAuditedRoute } from '../audit/audited.decorator';
import { ForbiddenError, UnauthenticatedError } from '../common/errors/domain-errors';
import { IS_PUBLIC } from '../common/http/public.decorator';
import { AuthService } from './auth.service';
import { ADMIN_ONLY } from './decorators';
import { bearerToken } from './tokens';

/**
 * Global: every route needs a valid, unexpired bearer token unless marked @Public();
 * @AdminOnly() routes also need an admin.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    rememberAuditedRoute(ctx, this.reflector);
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const req = ctx.switchToHttp().getRequest<Request>();
    const token = bearerToken(req.headers.authorization);
    if (!token) throw new UnauthenticatedError();
    const user = await this.auth.authenticate(token);
    if (!user) throw new UnauthenticatedError('the token is invalid or has expired');
    req.user = user;

    if (this.reflector.getAllAndOverride<boolean>(ADMIN_ONLY, targets) && !user.isAdmin) {
      throw new ForbiddenError('this route needs an administrator');
    }
    return true;
  }
}
