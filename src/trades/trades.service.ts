import { Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import { SelectQueryBuilder } from 'typeorm';
import type { AuthUser } from '../auth/auth-user';
import { NotFoundError } from '../common/errors/domain-errors';
import { ORDER_VALUE, pageFrom, TOTAL } from '../common/pagination/keyset';
import { Page } from '../common/pagination/page';
import { CascadePreviewService, DeletePreview } from '../database/cascade-preview.service';
import { assertOwnedReference } from '../database/owned-reference';
import type { ScopeSql, Statement } from '../common/sql/params';
import type { Tx } from '../database/transaction';
import { Order } from '../orders/entities/order.entity';
import { CreateTradeDto } from './dto/create-trade.dto';
import { EnrichedTradeDto } from './dto/enriched-trade.dto';
import { ListTradesQuery } from './dto/list-trades.query';
import { Trade } from './entities/trade.entity';
import {
  EnrichedTradeRow,
  tradeCountStatement,
  tradePageStatement,
  tradeStatement,
} from './trades.query';

@Injectable()
export class TradesService {
  constructor(
    @InjectTransactionHost() private readonly tx: Tx,
    private readonly cascade: CascadePreviewService,
  ) {}

  private get trades() {
    return this.tx.tx.getRepository(Trade);
  }

  /** The caller's trades: ownership is part of every query, never a check after the fact. */
  private owned(user: AuthUser): SelectQueryBuilder<Trade> {
    return this.trades.createQueryBuilder('t').where('t.user_id = :userId', { userId: user.id });
  }

  /** The same ownership condition as `owned`, for the hand-written statements. */
  private scope(user: AuthUser): ScopeSql {
    return (alias, params) => `${alias}.user_id = ${params.add(user.id)}`;
  }

  private rows(statement: Statement): Promise<EnrichedTradeRow[]> {
    return this.tx.tx.query(statement.sql, statement.params) as Promise<EnrichedTradeRow[]>;
  }

  /** One statement (two only for an empty page past the end when the total is asked for). */
  async list(user: AuthUser, query: ListTradesQuery): Promise<Page<EnrichedTradeDto>> {
    const rows = await this.rows(tradePageStatement(this.scope(user), query));
    return pageFrom(rows, query, {
      item: EnrichedTradeDto.fromRow,
      key: (r) => ({ t: r[ORDER_VALUE], id: r.id }),
      total: (r) => Number(r[TOTAL]),
      count: async () => {
        const { sql, params } = tradeCountStatement(this.scope(user), query);
        const [row] = (await this.tx.tx.query(sql, params)) as Array<{ count: string }>;
        return Number(row.count);
      },
    });
  }

  /** One statement. */
  async get(user: AuthUser, id: string): Promise<EnrichedTradeDto> {
    const [row] = await this.rows(tradeStatement(this.scope(user), id));
    if (!row) throw new NotFoundError('trade', id);
    return EnrichedTradeDto.fromRow(row);
  }

  async create(user: AuthUser, dto: CreateTradeDto): Promise<EnrichedTradeDto> {
    // The strategy's existence is the foreign key's job (422); an order must also be the caller's.
    await assertOwnedReference(this.tx.tx, Order, dto.orderId, user.id, 'orderId', 'an order');
    const { identifiers } = await this.trades.insert({
      ...dto,
      userId: user.id,
      executedAt: dto.executedAt ? new Date(dto.executedAt) : undefined,
    });
    return this.get(user, String(identifiers[0].id));
  }

  async remove(user: AuthUser, id: string, dryRun = false): Promise<DeletePreview | void> {
    if (!(await this.owned(user).andWhere('t.id = :id', { id }).getExists()))
      throw new NotFoundError('trade', id);
    if (dryRun) return this.cascade.preview(Trade, id);
    await this.trades.delete({ id, userId: user.id });
  }
}
