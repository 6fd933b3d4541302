import { Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import type { DeepPartial } from 'typeorm';
import { paginate } from '../common/pagination/keyset';
import { ListQueryDto } from '../common/pagination/list-query.dto';
import { Page } from '../common/pagination/page';
import { GenerateSql, SAMPLE } from '../database/generate-sql';
import type { Tx } from '../database/transaction';
import type { Scope } from './auth-user';
import { ApiKey } from './entities/api-key.entity';

const PAGE = Object.assign(new ListQueryDto(), { limit: 50, offset: 0 });

export interface KeyCaller {
  id: string;
  name: string;
  scopes: Scope[];
  /** `last_used_at` is over a minute old (or unset): time to record a use. */
  stale: boolean;
  /** The user named by X-Act-As-User, when it exists. */
  userId: string | null;
  username: string | null;
}

@Injectable()
export class ApiKeysRepository {
  constructor(@InjectTransactionHost() private readonly tx: Tx) {}

  private get keys() {
    return this.tx.tx.getRepository(ApiKey);
  }

  @GenerateSql({
    params: [
      {
        name: 'agent',
        scopes: ['act-as-user'],
        keyHash: 'sha256',
        prefix: 'llk_abc',
        createdBy: SAMPLE.uuid,
      },
    ],
  })
  insert(values: DeepPartial<ApiKey>): Promise<ApiKey> {
    return this.keys.save(this.keys.create(values));
  }

  /** Each key with the name of the admin who issued it (`creator`: id and username only). */
  @GenerateSql({ params: [PAGE] })
  list(query: ListQueryDto): Promise<Page<ApiKey>> {
    return paginate(
      this.keys.createQueryBuilder('k'),
      { alias: 'k', timeColumn: 'created_at' },
      query,
      (page) => page.leftJoin('k.creator', 'c').addSelect(['c.id', 'c.username']),
    );
  }

  /** False when there was no such key. */
  @GenerateSql({ params: [SAMPLE.uuid] })
  async delete(id: string): Promise<boolean> {
    return Boolean((await this.keys.delete({ id })).affected);
  }

  /** The key behind a hash, with the user it would act as, in one statement. */
  @GenerateSql(
    { name: 'acting for nobody', params: ['sha256', null] },
    { name: 'acting for a user', params: ['sha256', SAMPLE.uuid] },
  )
  async findCaller(keyHash: string, actAs: string | null): Promise<KeyCaller | undefined> {
    const rows: KeyCaller[] = await this.tx.tx.query(
      `SELECT k.id, k.name, k.scopes,
              (k.last_used_at IS NULL OR k.last_used_at <= now() - interval '1 minute') AS stale,
              u.id AS "userId", u.username
         FROM api_keys k LEFT JOIN users u ON u.id = $2::uuid
        WHERE k.key_hash = $1`,
      [keyHash, actAs],
    );
    return rows[0];
  }

  /** At most one write a minute per key, whatever the request rate (and across instances). */
  @GenerateSql({ params: [SAMPLE.uuid] })
  async recordUse(id: string): Promise<void> {
    await this.tx.tx.query(
      `UPDATE api_keys SET last_used_at = now()
        WHERE id = $1 AND (last_used_at IS NULL OR last_used_at <= now() - interval '1 minute')`,
      [id],
    );
  }
}
