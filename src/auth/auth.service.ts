import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import { UnauthenticatedError } from '../common/errors/domain-errors';
import type { AppConfig } from '../config/app-config';
import type { Tx } from '../database/transaction';
import { UserView } from '../users/dto/user-view.dto';
import { Session } from '../users/entities/session.entity';
import { decoyHash, verifyPassword } from '../users/password';
import { UsersService } from '../users/users.service';
import type { AuthUser } from './auth-user';
import { LoginResponse } from './dto/login-response.dto';
import { LoginThrottle } from './login-throttle';
import { newToken, tokenHash } from './tokens';

const BAD_CREDENTIALS = 'wrong username or password';

@Injectable()
export class AuthService {
  private readonly ttlMs: number;

  constructor(
    @InjectTransactionHost() private readonly tx: Tx,
    private readonly users: UsersService,
    private readonly throttle: LoginThrottle,
    config: ConfigService<AppConfig, true>,
  ) {
    this.ttlMs = config.get('auth', { infer: true }).sessionTtlHours * 3600_000;
  }

  signup(username: string, password: string): Promise<UserView> {
    return this.users.create(username, password, false);
  }

  /** Wrong username and wrong password give the same 401, after the same work. */
  async login(username: string, password: string, ip: string): Promise<LoginResponse> {
    this.throttle.check(username, ip);
    const user = await this.users.findByUsername(username);
    const ok = await verifyPassword(user?.password ?? (await decoyHash()), password);
    if (!user || !ok) {
      this.throttle.fail(username, ip);
      throw new UnauthenticatedError(BAD_CREDENTIALS);
    }
    this.throttle.succeed(username);
    const token = newToken();
    const expiresAt = new Date(Date.now() + this.ttlMs);
    await this.tx.tx
      .getRepository(Session)
      .insert({ id: tokenHash(token), userId: user.id, expiresAt });
    return { token, expiresAt: expiresAt.toISOString(), user: UserView.of(user) };
  }

  async logout(user: AuthUser): Promise<void> {
    await this.tx.tx.getRepository(Session).delete({ id: user.sessionId });
  }

  /** The user behind a token, if the session exists and has not expired: one statement. */
  async authenticate(token: string): Promise<AuthUser | undefined> {
    const id = tokenHash(token);
    const row = await this.tx.tx
      .getRepository(Session)
      .createQueryBuilder('s')
      .innerJoin('s.user', 'u')
      .select(['u.id AS id', 'u.username AS username', 'u.is_admin AS "isAdmin"'])
      .where('s.id = :id AND s.expires_at > now()', { id })
      .getRawOne<{ id: string; username: string; isAdmin: boolean }>();
    return row ? { ...row, sessionId: id } : undefined;
  }
}
