import { Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import { NotFoundError } from '../common/errors/domain-errors';
import { paginate } from '../common/pagination/keyset';
import { ListQueryDto } from '../common/pagination/list-query.dto';
import { Page } from '../common/pagination/page';
import type { Tx } from '../database/transaction';
import type { AuthUser } from './auth-user';
import { ApiKeyView, CreateApiKeyDto, CreatedApiKeyView } from './dto/api-key.dto';
import { ApiKey } from './entities/api-key.entity';
import { newApiKey, tokenHash } from './tokens';

/** Service credentials, managed by admins: created (shown once), listed, revoked. */
@Injectable()
export class ApiKeysService {
  constructor(@InjectTransactionHost() private readonly tx: Tx) {}

  private get keys() {
    return this.tx.tx.getRepository(ApiKey);
  }

  async create(dto: CreateApiKeyDto, admin: AuthUser): Promise<CreatedApiKeyView> {
    const key = newApiKey();
    const saved = await this.keys.save(
      this.keys.create({
        name: dto.name,
        scopes: dto.scopes,
        keyHash: tokenHash(key),
        prefix: key.slice(0, 10),
        createdBy: admin.userId,
      }),
    );
    return { ...ApiKeyView.of(saved), key };
  }

  async list(query: ListQueryDto): Promise<Page<ApiKeyView>> {
    const page = await paginate(
      this.keys.createQueryBuilder('k'),
      { alias: 'k', timeColumn: 'created_at' },
      query,
    );
    return { ...page, items: page.items.map(ApiKeyView.of) };
  }

  /** Revokes at once: the next request with the key is a 401 (keys are not cached). */
  async revoke(id: string): Promise<void> {
    const result = await this.keys.delete({ id });
    if (!result.affected) throw new NotFoundError('API key', id);
  }
}
