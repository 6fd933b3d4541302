import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { rememberAuditedRoute } from '../audit/audited.decorator';
import { ForbiddenError, UnauthenticatedError } from '../common/errors/domain-errors';
import { AuthService } from './auth.service';
import { hasScope } from './auth-user';
import { AccessPolicy } from './policy/access-policy.service';
import { ROUTE_ACCESS, RouteAccess } from './policy/route-access';
import { bearerToken } from './tokens';

export const ACT_AS_HEADER = 'x-act-as-user';

/**
 * Global: resolves the caller (session token or API key, and the user a service acts as), then
 * applies the route's declared access rule. A route without a rule is refused: forgetting to
 * declare one cannot open a route to everybody.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    private readonly policy: AccessPolicy,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    rememberAuditedRoute(ctx, this.reflector);
    const rule = this.reflector.getAllAndOverride<RouteAccess | undefined>(ROUTE_ACCESS, [
      ctx.getHandler(),
      ctx.getClass(),
    ]);
    if (rule?.kind === 'public') return true;

    const req = ctx.switchToHttp().getRequest<Request>();
    const token = bearerToken(req.headers.authorization);
    if (!token) throw new UnauthenticatedError();
    const actAs = req.headers[ACT_AS_HEADER];
    const caller = await this.auth.authenticate(
      token,
      typeof actAs === 'string' ? actAs.trim() : undefined,
    );
    if (!caller) throw new UnauthenticatedError('the token is invalid, revoked or has expired');
    req.user = caller;

    if (!rule) throw new ForbiddenError('this route declares no access rule');
    switch (rule.kind) {
      case 'caller':
        return true;
      case 'session':
        if (caller.sessionId === undefined)
          throw new ForbiddenError('this route needs a person logged in, not an API key');
        return true;
      case 'admin':
        if (!caller.isAdmin) throw new ForbiddenError('this route needs an administrator');
        return true;
      case 'scope':
        if (!caller.isAdmin && !hasScope(caller, rule.scope))
          throw new ForbiddenError(`this route needs an administrator or the ${rule.scope} scope`);
        return true;
      case 'table':
        this.policy.gate(rule.entity, caller, rule.mode);
        return true;
    }
  }
}
