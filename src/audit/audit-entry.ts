import type { Request } from 'express';
import { auditedRouteOf, AuditedMeta } from './audited.decorator';
import { redactBody } from './redact';

export const MUTATING_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const DEFAULT_ACTIONS: Record<string, string> = {
  POST: 'create',
  PUT: 'update',
  PATCH: 'update',
  DELETE: 'delete',
};

export interface AuditEntry {
  userId: string | null;
  username: string | null;
  apiKeyId: string | null;
  apiKeyName: string | null;
  action: string;
  resource: string;
  resourceId: string | null;
  method: string;
  path: string;
  ipAddress: string | null;
  userAgent: string | null;
  requestBody: unknown;
  responseStatus: number;
  errorMessage: string | null;
}

/** `/api/strategies/:id/versions` → `strategies.versions` */
function resourceFromPath(template: string): string {
  const segments = template.split('/').filter((s) => s && s !== 'api' && !s.startsWith(':'));
  return segments.join('.') || 'unknown';
}

/** The audit row describing a mutating request and its outcome. */
export function auditEntryFor(
  req: Request,
  outcome: {
    status: number;
    resourceId?: string | null;
    errorCode?: string;
    errorMessage?: string;
  },
  meta: AuditedMeta | undefined = auditedRouteOf(req),
): AuditEntry {
  const template: string = (req.route as { path?: string } | undefined)?.path ?? req.path;
  const dryRun = req.method === 'DELETE' && req.query?.dryRun === 'true';
  const param = (req.params as Record<string, string | undefined> | undefined)?.id;
  return {
    // A service acting for a user is recorded with both identities.
    userId: req.user?.userId ?? null,
    username: req.user?.username ?? null,
    apiKeyId: req.user?.apiKey?.id ?? null,
    apiKeyName: req.user?.apiKey?.name ?? null,
    action:
      meta?.action ??
      (dryRun ? 'preview' : (DEFAULT_ACTIONS[req.method] ?? req.method.toLowerCase())),
    resource: meta?.resource ?? resourceFromPath(template),
    resourceId: outcome.resourceId ?? param ?? null,
    method: req.method,
    path: (req.originalUrl ?? req.url).slice(0, 2048),
    ipAddress: req.ip ?? null,
    userAgent: req.get('user-agent')?.slice(0, 512) ?? null,
    requestBody: redactBody(req.body, meta?.redact),
    responseStatus: outcome.status,
    errorMessage: outcome.errorCode
      ? `${outcome.errorCode}: ${outcome.errorMessage ?? ''}`.slice(0, 2000)
      : null,
  };
}
