import { Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import type { AuthUser } from '../auth/auth-user';
import { AccessPolicy } from '../auth/policy/access-policy.service';
import { JsonText } from '../common/http/json-text';
import { GenerateSql, SAMPLE, SAMPLE_CALLERS } from '../database/generate-sql';
import { readJsonItem, readJsonPage } from '../database/read-query';
import type { Tx } from '../database/transaction';
import { CreateTradeDto } from './dto/create-trade.dto';
import { ListTradesQuery } from './dto/list-trades.query';
import { Trade } from './entities/trade.entity';
import {
  tradeCountStatement,
  tradeInsertStatement,
  tradePageStatement,
  tradeStatement,
} from './trades.query';

const LIST = Object.assign(new ListTradesQuery(), { limit: 100, offset: 0 });

/** Trades, enriched with their strategy's name and latest AI decision; the caller's condition in every statement. */
@Injectable()
export class TradesRepository {
  constructor(
    @InjectTransactionHost() private readonly tx: Tx,
    private readonly policy: AccessPolicy,
  ) {}

  /** One statement (two only for an empty page past the end when the total is asked for). */
  @GenerateSql(
    { name: 'first page of a user', params: [SAMPLE_CALLERS.user, LIST] },
    {
      name: 'filtered, with the total',
      params: [
        SAMPLE_CALLERS.user,
        {
          ...LIST,
          symbol: 'AAPL',
          strategyId: SAMPLE.otherUuid,
          pnlDirection: 'profit',
          includeTotal: true,
        },
      ],
    },
    { name: 'as an admin (every user)', params: [SAMPLE_CALLERS.admin, LIST] },
  )
  page(caller: AuthUser, query: ListTradesQuery): Promise<JsonText> {
    const scope = this.policy.scopeSql(Trade, caller, 'read');
    return readJsonPage(this.tx, query, tradePageStatement(scope, query), () =>
      tradeCountStatement(scope, query),
    );
  }

  /** One statement. */
  @GenerateSql({ params: [SAMPLE_CALLERS.user, SAMPLE.uuid] })
  one(caller: AuthUser, id: string): Promise<JsonText | undefined> {
    return readJsonItem(this.tx, tradeStatement(this.policy.scopeSql(Trade, caller, 'read'), id));
  }

  /** One statement: the insert answers the new trade enriched (see tradeInsertStatement). */
  @GenerateSql({
    params: [{ symbol: 'AAPL', side: 'buy', quantity: '1', price: '10' }, SAMPLE.uuid],
  })
  async insert(dto: CreateTradeDto, userId: string): Promise<JsonText> {
    const { sql, params } = tradeInsertStatement(dto, userId);
    const [row] = (await this.tx.tx.query(sql, params)) as { item: string }[];
    return new JsonText(row.item);
  }

  /** Whether the caller may change the trade; it stays locked until the transaction ends. */
  @GenerateSql({ params: [SAMPLE_CALLERS.user, SAMPLE.uuid] })
  lockOwned(caller: AuthUser, id: string): Promise<boolean> {
    return this.policy
      .scope(this.tx.tx.getRepository(Trade).createQueryBuilder('t'), Trade, 't', caller, 'write')
      .andWhere('t.id = :id', { id })
      .setLock('pessimistic_write')
      .getExists();
  }

  @GenerateSql({ params: [SAMPLE.uuid] })
  async delete(id: string): Promise<void> {
    await this.tx.tx.getRepository(Trade).delete({ id });
  }
}
