import { Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import { SelectQueryBuilder } from 'typeorm';
import { AiDecision } from '../ai-decisions/entities/ai-decision.entity';
import { ownerOf, type AuthUser } from '../auth/auth-user';
import { AccessPolicy } from '../auth/policy/access-policy.service';
import { NotFoundError } from '../common/errors/domain-errors';
import { paginate } from '../common/pagination/keyset';
import { Page } from '../common/pagination/page';
import { whereTimeRange } from '../common/validation/date-range';
import { CascadePreviewService, DeletePreview } from '../database/cascade-preview.service';
import type { Tx } from '../database/transaction';
import { CreateTradeDto } from './dto/create-trade.dto';
import { EnrichedTradeDto } from './dto/enriched-trade.dto';
import { ListTradesQuery } from './dto/list-trades.query';
import { Trade } from './entities/trade.entity';

/**
 * The latest decision per trade, as a join condition: PostgreSQL runs the subquery once per trade
 * of the page (an index lookup on ai_decisions (executed_trade_id, created_at, id)), so a trade
 * appears exactly once however many decisions point at it.
 */
const LATEST_DECISION = `d.id = (
  SELECT d2.id FROM ai_decisions d2 WHERE d2.executed_trade_id = t.id
  ORDER BY d2.created_at DESC, d2.id DESC LIMIT 1)`;

@Injectable()
export class TradesService {
  constructor(
    @InjectTransactionHost() private readonly tx: Tx,
    private readonly cascade: CascadePreviewService,
    private readonly policy: AccessPolicy,
  ) {}

  private get trades() {
    return this.tx.tx.getRepository(Trade);
  }

  /** The trades the caller may see: the access policy is part of every query, never a check after the fact. */
  private owned(user: AuthUser): SelectQueryBuilder<Trade> {
    return this.policy.scope(this.trades.createQueryBuilder('t'), Trade, 't', user);
  }

  /** Strategy name and latest AI decision, joined: a fixed number of statements per page. */
  private enrich(qb: SelectQueryBuilder<Trade>): SelectQueryBuilder<Trade> {
    return qb
      .leftJoin('t.strategy', 's')
      .addSelect(['s.id', 's.name'])
      .leftJoinAndMapOne('t.aiDecision', AiDecision, 'd', LATEST_DECISION);
  }

  async list(user: AuthUser, query: ListTradesQuery): Promise<Page<EnrichedTradeDto>> {
    const qb = whereTimeRange(this.owned(user), 't.executed_at', query.startDate, query.endDate);
    if (query.symbol) qb.andWhere('t.symbol = :symbol', { symbol: query.symbol });
    if (query.strategyId)
      qb.andWhere('t.strategy_id = :strategyId', { strategyId: query.strategyId });
    if (query.pnlDirection === 'profit') qb.andWhere('t.pnl >= 0');
    if (query.pnlDirection === 'loss') qb.andWhere('t.pnl < 0');
    const page = await paginate(qb, { alias: 't', timeColumn: 'executed_at' }, query, (p) =>
      this.enrich(p),
    );
    return { ...page, items: page.items.map(EnrichedTradeDto.of) };
  }

  /** One statement. */
  async get(user: AuthUser, id: string): Promise<EnrichedTradeDto> {
    const trade = await this.enrich(this.owned(user).andWhere('t.id = :id', { id })).getOne();
    if (!trade) throw new NotFoundError('trade', id);
    return EnrichedTradeDto.of(trade);
  }

  async create(user: AuthUser, dto: CreateTradeDto): Promise<EnrichedTradeDto> {
    // The keys alone would accept another user's order: references must be rows the caller sees.
    await this.policy.assertReferences(Trade, { ...dto }, user);
    const { identifiers } = await this.trades.insert({
      ...dto,
      userId: ownerOf(user),
      executedAt: dto.executedAt ? new Date(dto.executedAt) : undefined,
    });
    return this.get(user, String(identifiers[0].id));
  }

  /** The trade and its cascade, unless shared rows depend on it (409; an admin may force). */
  async remove(
    user: AuthUser,
    id: string,
    options: { dryRun?: boolean; force?: boolean } = {},
  ): Promise<DeletePreview | void> {
    const found = await this.owned(user)
      .andWhere('t.id = :id', { id })
      .setLock('pessimistic_write')
      .getExists();
    if (!found) throw new NotFoundError('trade', id);
    const preview = await this.policy.checkDelete(Trade, id, user, options);
    if (options.dryRun) return preview;
    await this.trades.delete({ id });
  }
}
