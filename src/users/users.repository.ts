import { Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import { paginate } from '../common/pagination/keyset';
import { ListQueryDto } from '../common/pagination/list-query.dto';
import { Page } from '../common/pagination/page';
import { canonicalUsername, canonicalUsernameSql } from '../auth/username';
import { GenerateSql, SAMPLE } from '../database/generate-sql';
import type { Tx } from '../database/transaction';
import { IdempotencyKey } from '../idempotency/entities/idempotency-key.entity';
import { Session } from './entities/session.entity';
import { User } from './entities/user.entity';

export interface SessionUserRow {
  id: string;
  username: string;
  isAdmin: boolean;
  /** What is left of the session by the database's clock (the app's may differ). */
  remainingMs: number;
}

const SESSION_USER = `SELECT u.id, u.username, u.is_admin AS "isAdmin", (extract(epoch FROM s.expires_at - now()) * 1000)::float8 AS "remainingMs"
  FROM sessions s JOIN users u ON u.id = s.user_id
  WHERE s.id = $1 AND s.expires_at > now()`;

const PAGE = Object.assign(new ListQueryDto(), { limit: 50, offset: 0 });

/** Users and their login sessions (admin-only tables). */
@Injectable()
export class UsersRepository {
  constructor(@InjectTransactionHost() private readonly tx: Tx) {}

  private get users() {
    return this.tx.tx.getRepository(User);
  }

  /** A taken username (in any letter case) is a 409 from the unique index. */
  @GenerateSql({ params: ['alice', '$argon2id$sample', false] })
  insert(username: string, passwordHash: string, isAdmin: boolean): Promise<User> {
    return this.users.save(this.users.create({ username, password: passwordHash, isAdmin }));
  }

  /**
   * The account a spelling names, compared under canonicalUsername() on both sides (the
   * expression of the users_username_canonical_unique index), never under the locale's lower().
   */
  @GenerateSql({ params: ['Alice'] })
  findByUsername(username: string): Promise<User | null> {
    return this.users
      .createQueryBuilder('u')
      .where(`${canonicalUsernameSql('u.username')} = :canonical`, {
        canonical: canonicalUsername(username),
      })
      .getOne();
  }

  @GenerateSql({ params: [PAGE] })
  list(query: ListQueryDto): Promise<Page<User>> {
    return paginate(this.users.createQueryBuilder('u'), { alias: 'u' }, query);
  }

  /** Removes the user (sessions and owned rows cascade); false when there was none. */
  @GenerateSql({ params: [SAMPLE.uuid] })
  async delete(id: string): Promise<boolean> {
    // idempotency_keys has no foreign key to users (see its entity): remove them with the user.
    await this.tx.tx.getRepository(IdempotencyKey).delete({ userId: id });
    return Boolean((await this.users.delete({ id })).affected);
  }

  @GenerateSql({ params: ['sha256-of-token', SAMPLE.uuid, new Date(SAMPLE.date)] })
  async insertSession(id: string, userId: string, expiresAt: Date): Promise<void> {
    await this.tx.tx.getRepository(Session).insert({ id, userId, expiresAt });
  }

  /** The user's password hash (for a password change), or undefined when the user is gone. */
  @GenerateSql({ params: [SAMPLE.uuid] })
  async passwordHashOf(id: string): Promise<string | undefined> {
    const rows: Array<{ password: string }> = await this.tx.tx.query(
      `SELECT password FROM users WHERE id = $1`,
      [id],
    );
    return rows[0]?.password;
  }

  /**
   * Sets a new password hash and revokes every other session of the user in one statement; the
   * kept session stays. Returns the ids of the revoked sessions.
   */
  @GenerateSql({ params: [SAMPLE.uuid, '$argon2id$sample', 'sha256-of-token'] })
  async changePassword(id: string, passwordHash: string, keepSession: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.tx.tx.query(
      `WITH changed AS (UPDATE users SET password = $2 WHERE id = $1 RETURNING id)
       DELETE FROM sessions s USING changed
        WHERE s.user_id = changed.id AND s.id <> $3
       RETURNING s.id`,
      [id, passwordHash, keepSession],
    );
    return rows.map((r) => r.id);
  }

  @GenerateSql({ params: ['sha256-of-token'] })
  async deleteSession(id: string): Promise<void> {
    await this.tx.tx.getRepository(Session).delete({ id });
  }

  /**
   * The user behind a live session and when it expires, in one statement, on the primary: the
   * session cache may keep what it returns, so it must not come from a replica that has not yet
   * replayed a logout.
   */
  @GenerateSql({ params: ['sha256-of-token'] })
  async sessionUser(id: string): Promise<SessionUserRow | undefined> {
    const [row] = (await this.tx.tx.query(SESSION_USER, [id])) as SessionUserRow[];
    return row;
  }
}
