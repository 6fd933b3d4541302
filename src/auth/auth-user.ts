/** The caller, as the auth guard resolved it from the bearer token. */
export interface AuthUser {
  id: string;
  username: string;
  isAdmin: boolean;
  /** sessions.id of the token used (its SHA-256), so logout can revoke exactly it. */
  sessionId: string;
}

declare module 'express' {
  interface Request {
    user?: AuthUser;
  }
}
