import { Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import { paginate } from '../common/pagination/keyset';
import { ListQueryDto } from '../common/pagination/list-query.dto';
import { Page } from '../common/pagination/page';
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

  @GenerateSql({ params: ['Alice'] })
  findByUsername(username: string): Promise<User | null> {
    return this.users
      .createQueryBuilder('u')
      .where('lower(u.username) = lower(:username)', { username })
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
