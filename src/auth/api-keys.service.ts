import { Injectable } from '@nestjs/common';
import { NotFoundError } from '../common/errors/domain-errors';
import { ListQueryDto } from '../common/pagination/list-query.dto';
import { Page } from '../common/pagination/page';
import type { AuthUser } from './auth-user';
import { ApiKeyView, CreateApiKeyDto, CreatedApiKeyView } from './dto/api-key.dto';
import { ApiKeysRepository } from './api-keys.repository';
import { newApiKey, tokenHash } from './tokens';

/** Service credentials, managed by admins: created (shown once), listed, revoked. */
@Injectable()
export class ApiKeysService {
  constructor(private readonly keys: ApiKeysRepository) {}

  async create(dto: CreateApiKeyDto, admin: AuthUser): Promise<CreatedApiKeyView> {
    const key = newApiKey();
    const saved = await this.keys.insert({
      name: dto.name,
      scopes: dto.scopes,
      keyHash: tokenHash(key),
      prefix: key.slice(0, 10),
      createdBy: admin.userId,
    });
    return { ...ApiKeyView.of(saved, admin.username), key };
  }

  async list(query: ListQueryDto): Promise<Page<ApiKeyView>> {
    const page = await this.keys.list(query);
    return { ...page, items: page.items.map((k) => ApiKeyView.of(k)) };
  }

  /** Revokes at once: the next request with the key is a 401 (keys are not cached). */
  async revoke(id: string): Promise<void> {
    if (!(await this.keys.delete(id))) throw new NotFoundError('API key', id);
  }
}
