import { ExecutionContext, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';

export const AUDITED = 'audited';

export interface AuditedMeta {
  action?: string;
  resource?: string;
  /** Body keys never stored in clear in this route's audit rows. */
  redact?: readonly string[];
}

/** Names the audit action (and resource) of a route whose defaults (create/update/delete) do not fit. */
export const Audited = (action: string, resource?: string): MethodDecorator =>
  SetMetadata(AUDITED, { action, resource } satisfies AuditedMeta);

/** Body keys of this route (or controller) that audit rows never store in clear. */
export const AuditRedact = (...keys: string[]): ClassDecorator & MethodDecorator =>
  SetMetadata(AUDITED, { redact: keys } satisfies AuditedMeta);

/** The route's audit metadata: the controller's (e.g. redacted keys) overridden by the handler's. */
export function auditedMetaOf(
  ctx: ExecutionContext,
  reflector: Reflector,
): AuditedMeta | undefined {
  const onClass = reflector.get<AuditedMeta | undefined>(AUDITED, ctx.getClass());
  const onHandler = reflector.get<AuditedMeta | undefined>(AUDITED, ctx.getHandler());
  return onClass || onHandler ? { ...onClass, ...onHandler } : undefined;
}

const routeMeta = new WeakMap<Request, AuditedMeta | undefined>();

/**
 * Remembers a route's audit metadata on its request, so the exception filter (which has no
 * handler to read metadata from) can label a refused request correctly. Called by the first
 * guard, before anything can refuse the request.
 */
export function rememberAuditedRoute(ctx: ExecutionContext, reflector: Reflector): void {
  const req = ctx.switchToHttp().getRequest<Request>();
  routeMeta.set(req, auditedMetaOf(ctx, reflector));
}

export function auditedRouteOf(req: Request): AuditedMeta | undefined {
  return routeMeta.get(req);
}

const failureAudited = new WeakSet<Request>();

/**
 * A refused request without an authenticated caller leaves no audit row (a flood of bad tokens
 * must not become a flood of writes); a failed login is the exception, and the login throttle
 * decides when one is worth a row (at most one a minute per username and address).
 */
export function allowFailureAudit(req: Request): void {
  failureAudited.add(req);
}

export function failureIsAudited(req: Request): boolean {
  return req.user !== undefined || failureAudited.has(req);
}
