import { ExecutionContext, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';

export const AUDITED = 'audited';

export interface AuditedMeta {
  action: string;
  resource?: string;
}

/** Names the audit action (and resource) of a route whose defaults (create/update/delete) do not fit. */
export const Audited = (action: string, resource?: string): MethodDecorator =>
  SetMetadata(AUDITED, { action, resource } satisfies AuditedMeta);

const routeMeta = new WeakMap<Request, AuditedMeta | undefined>();

/**
 * Remembers a route's audit metadata on its request, so the exception filter (which has no
 * handler to read metadata from) can label a refused request correctly. Called by the first
 * guard, before anything can refuse the request.
 */
export function rememberAuditedRoute(ctx: ExecutionContext, reflector: Reflector): void {
  const req = ctx.switchToHttp().getRequest<Request>();
  routeMeta.set(req, reflector.get<AuditedMeta | undefined>(AUDITED, ctx.getHandler()));
}

export function auditedRouteOf(req: Request): AuditedMeta | undefined {
  return routeMeta.get(req);
}
