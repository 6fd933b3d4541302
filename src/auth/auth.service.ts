import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Request } from 'express';
import { allowFailureAudit } from '../audit/audited.decorator';
import {
  ForbiddenError,
  LoginFailedError,
  ValidationError,
  WrongPasswordError,
} from '../common/errors/domain-errors';
import type { AppConfig } from '../config/app-config';
import { UserView } from '../users/dto/user-view.dto';
import { decoyHash, hashPassword, verifyPassword } from '../users/password';
import { UsersRepository } from '../users/users.repository';
import { UsersService } from '../users/users.service';
import { ApiKeysRepository } from './api-keys.repository';
import type { AuthUser } from './auth-user';
import { LoginResponse } from './dto/login-response.dto';
import { LoginThrottle } from './login-throttle';
import { SignupThrottle } from './signup-throttle';
import { SessionCache } from './session-cache';
import { API_KEY_PREFIX, newToken, tokenHash } from './tokens';

const BAD_CREDENTIALS = 'wrong username or password';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class AuthService {
  private readonly ttlMs: number;
  private readonly signupEnabled: boolean;

  constructor(
    private readonly sessions: UsersRepository,
    private readonly keys: ApiKeysRepository,
    private readonly users: UsersService,
    private readonly throttle: LoginThrottle,
    private readonly signupThrottle: SignupThrottle,
    private readonly sessionCache: SessionCache,
    config: ConfigService<AppConfig, true>,
  ) {
    const auth = config.get('auth', { infer: true });
    this.ttlMs = auth.sessionTtlHours * 3600_000;
    this.signupEnabled = auth.signupEnabled;
  }

  /** Counted per client address before the password is hashed (see SignupThrottle). */
  async signup(username: string, password: string, req: Request): Promise<UserView> {
    if (!this.signupEnabled)
      throw new ForbiddenError('signup is closed; an administrator creates accounts');
    await this.signupThrottle.count(req.ip ?? 'unknown');
    return this.users.create(username, password, false);
  }

  /** Wrong username and wrong password give the same 401, after the same work. */
  async login(username: string, password: string, req: Request): Promise<LoginResponse> {
    const ip = req.ip ?? 'unknown';
    await this.throttle.check(username, ip);
    const user = await this.users.findByUsername(username);
    const ok = await verifyPassword(user?.password ?? (await decoyHash()), password);
    if (!user || !ok) {
      const { audit } = await this.throttle.fail(username, ip);
      if (audit) allowFailureAudit(req);
      throw new LoginFailedError(BAD_CREDENTIALS);
    }
    await this.throttle.succeed(username, ip);
    const token = newToken();
    const expiresAt = new Date(Date.now() + this.ttlMs);
    await this.sessions.insertSession(tokenHash(token), user.id, expiresAt);
    return { token, expiresAt: expiresAt.toISOString(), user: UserView.of(user) };
  }

  /**
   * A person changes their own password, proving the current one. A wrong current password is a
   * 403 that counts as a failed login of the (username, address) pair, so a stolen session cannot
   * be used to guess the password faster than login allows. On success every other session of
   * the user is revoked (the one making the change stays), in the same transaction.
   */
  async changePassword(
    caller: AuthUser,
    currentPassword: string,
    newPassword: string,
    req: Request,
  ): Promise<void> {
    if (!caller.sessionId || caller.userId === null || caller.username === null)
      throw new ForbiddenError('only a person logged in with a session changes a password');
    const ip = req.ip ?? 'unknown';
    await this.throttle.check(caller.username, ip);
    const hash = await this.sessions.passwordHashOf(caller.userId);
    if (hash === undefined || !(await verifyPassword(hash, currentPassword))) {
      await this.throttle.fail(caller.username, ip);
      throw new WrongPasswordError('the current password is wrong');
    }
    const revoked = await this.sessions.changePassword(
      caller.userId,
      await hashPassword(newPassword),
      caller.sessionId,
    );
    // Other instances hear the deletions from the database; this one forgets them at once.
    for (const id of revoked) this.sessionCache.forget(id);
  }

  async logout(caller: AuthUser): Promise<void> {
    if (!caller.sessionId) return;
    await this.sessions.deleteSession(caller.sessionId);
    this.sessionCache.forget(caller.sessionId);
  }

  /**
   * The caller behind a bearer token: a live session (one statement), or an API key with the
   * user it acts as (one statement; a second, at most once a minute, records `lastUsedAt`).
   */
  async authenticate(token: string, actAs: string | undefined): Promise<AuthUser | undefined> {
    if (token.startsWith(API_KEY_PREFIX)) return this.authenticateKey(token, actAs);
    if (actAs !== undefined) throw new ForbiddenError('only services act as another user');
    const id = tokenHash(token);
    return this.sessionCache.caller(id, async () => {
      const row = await this.sessions.sessionUser(id);
      if (!row) return undefined;
      const caller: AuthUser = {
        role: row.isAdmin ? 'admin' : 'user',
        userId: row.id,
        username: row.username,
        isAdmin: row.isAdmin,
        sessionId: id,
      };
      return { caller, remainingMs: row.remainingMs };
    });
  }

  private async authenticateKey(
    token: string,
    actAs: string | undefined,
  ): Promise<AuthUser | undefined> {
    if (actAs !== undefined && !UUID.test(actAs)) {
      throw ValidationError.forField('X-Act-As-User', 'X-Act-As-User must be a user id (UUID)');
    }
    const key = await this.keys.findCaller(tokenHash(token), actAs ?? null);
    if (!key) return undefined;
    if (key.stale) await this.keys.recordUse(key.id);
    if (actAs !== undefined) {
      if (!key.scopes.includes('act-as-user'))
        throw new ForbiddenError('this API key lacks the act-as-user scope');
      if (!key.userId) throw new ForbiddenError('X-Act-As-User names no user');
    }
    return {
      role: 'service',
      userId: actAs !== undefined ? key.userId : null,
      username: actAs !== undefined ? key.username : null,
      isAdmin: false,
      apiKey: { id: key.id, name: key.name, scopes: key.scopes },
    };
  }
}
