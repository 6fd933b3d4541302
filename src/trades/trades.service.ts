import { Injectable } from '@nestjs/common';
import { ownerOf, type AuthUser } from '../auth/auth-user';
import { AccessPolicy } from '../auth/policy/access-policy.service';
import { NotFoundError } from '../common/errors/domain-errors';
import { JsonText } from '../common/http/json-text';
import { DeletePreview } from '../database/cascade-preview.service';
import { CreateTradeDto } from './dto/create-trade.dto';
import { EnrichedTradeDto } from './dto/enriched-trade.dto';
import { ListTradesQuery } from './dto/list-trades.query';
import { Trade } from './entities/trade.entity';
import { TradesRepository } from './trades.repository';

@Injectable()
export class TradesService {
  constructor(
    private readonly trades: TradesRepository,
    private readonly policy: AccessPolicy,
  ) {}

  /** The page as JSON built by PostgreSQL (see json-object.ts), sent as it is. */
  list(user: AuthUser, query: ListTradesQuery): Promise<JsonText> {
    return this.trades.page(user, query);
  }

  async get(user: AuthUser, id: string): Promise<JsonText> {
    const trade = await this.trades.one(user, id);
    if (!trade) throw new NotFoundError('trade', id);
    return trade;
  }

  async create(user: AuthUser, dto: CreateTradeDto): Promise<EnrichedTradeDto> {
    // The keys alone would accept another user's order: references must be rows the caller sees.
    await this.policy.assertReferences(Trade, { ...dto }, user);
    // Parsed: the audit and idempotency records read the created trade's fields.
    const created = await this.trades.insert(dto, ownerOf(user));
    return created.toJSON() as EnrichedTradeDto;
  }

  /** The trade and its cascade, unless shared rows depend on it (409; an admin may force). */
  async remove(
    user: AuthUser,
    id: string,
    options: { dryRun?: boolean; force?: boolean } = {},
  ): Promise<DeletePreview | void> {
    if (!(await this.trades.lockOwned(user, id))) throw new NotFoundError('trade', id);
    const preview = await this.policy.checkDelete(Trade, id, user, options);
    if (options.dryRun) return preview;
    await this.trades.delete(id);
  }
}
