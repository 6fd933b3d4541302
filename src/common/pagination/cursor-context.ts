import type { Request } from 'express';
import { ClsServiceManager } from 'nestjs-cls';
import type { AuthUser } from '../../auth/auth-user';
import type { CursorSigner } from './cursor-signer';

/** Where the request's cursor context is kept in the request-scoped store (nestjs-cls). */
export const CURSOR_CONTEXT = Symbol('CURSOR_CONTEXT');

/** What a cursor is signed for in this request, and with which app instance's keys. */
export interface CursorContext {
  signer: CursorSigner;
  binding: string;
}

/**
 * Query parameters that move through one list without changing which rows it holds: they may
 * differ from page to page. Every other parameter (filters, and any sort a list may grow) is
 * part of the binding, so a cursor never resumes a list other than the one it was issued for.
 */
const PAGING_PARAMETERS = new Set(['cursor', 'offset', 'limit', 'includeTotal']);

/** JSON with object keys sorted, so the same query always gives the same text. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    return Object.keys(value)
      .sort()
      .map((k) => [k, canonical((value as Record<string, unknown>)[k])]);
  }
  return value;
}

/** Who is paging: the cursor of one caller is refused to every other. */
function callerOf(user: AuthUser | undefined): string[] {
  if (!user) return ['anonymous'];
  return [user.role, user.userId ?? '', user.apiKey?.id ?? ''];
}

/**
 * The binding of a list request: method, path (with its ids), the filters as sent, and the
 * caller. The raw query is bound rather than the validated DTO: a different spelling of the same
 * filter is refused, which costs a client nothing (it sends back what it sent), and nothing a
 * DTO transform does can make two different lists share a binding.
 */
export function bindingOf(req: Request): string {
  const query = (req.query ?? {}) as Record<string, unknown>;
  const filters = Object.fromEntries(
    Object.entries(query).filter(([k]) => !PAGING_PARAMETERS.has(k)),
  );
  const path = (req.originalUrl ?? req.url).split('?')[0];
  return JSON.stringify([req.method, path, canonical(filters), callerOf(req.user)]);
}

/** The context the cursor interceptor set for this request, if any. */
export function currentCursorContext(): CursorContext | undefined {
  const cls = ClsServiceManager.getClsService();
  return cls.isActive() ? cls.get<CursorContext | undefined>(CURSOR_CONTEXT) : undefined;
}
