import { ForbiddenError } from '../common/errors/domain-errors';

/** What an API key may do beyond reading platform data (see the access policy). */
export const SCOPES = ['platform:write', 'act-as-user', 'work:claim'] as const;
export type Scope = (typeof SCOPES)[number];

export type Role = 'user' | 'admin' | 'service';

/** The caller, as the auth guard resolved it from the bearer token (a session or an API key). */
export interface AuthUser {
  role: Role;
  /**
   * The user whose rows this request reads and writes: the person who logged in, or the user a
   * service acts as (`X-Act-As-User`). Null for a service acting for nobody.
   */
  userId: string | null;
  username: string | null;
  isAdmin: boolean;
  /** sessions.id of the token used (its SHA-256), so logout can revoke exactly it. */
  sessionId?: string;
  /** The API key of a service caller. */
  apiKey?: { id: string; name: string; scopes: Scope[] };
}

export function hasScope(caller: AuthUser, scope: Scope): boolean {
  return caller.apiKey?.scopes.includes(scope) ?? false;
}

/** Admins, and services holding platform:write, write platform data. */
export function writesPlatform(caller: AuthUser): boolean {
  return caller.isAdmin || (caller.role === 'service' && hasScope(caller, 'platform:write'));
}

declare module 'express' {
  interface Request {
    user?: AuthUser;
  }
}

/** The user whose rows a write creates; a service acting for nobody has none (403). */
export function ownerOf(caller: AuthUser): string {
  if (caller.userId === null) {
    throw new ForbiddenError(
      'a service writes user data only with the act-as-user scope and X-Act-As-User',
    );
  }
  return caller.userId;
}

/**
 * Whose writes a caller's reads must see: the user whose rows are touched (a person, or the
 * user a service acts as), else the service's own key.
 */
export function readerKeyOf(caller: AuthUser): string {
  return caller.userId ?? caller.apiKey?.id ?? 'anonymous';
}
