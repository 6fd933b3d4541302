import { Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import { SelectQueryBuilder } from 'typeorm';
import type { DeepPartial } from 'typeorm';
import type { AuthUser } from '../auth/auth-user';
import { AccessPolicy } from '../auth/policy/access-policy.service';
import { paginate } from '../common/pagination/keyset';
import { Page } from '../common/pagination/page';
import { GenerateSql, SAMPLE, SAMPLE_CALLERS } from '../database/generate-sql';
import type { Tx } from '../database/transaction';
import { CreateFillDto } from './dto/create-fill.dto';
import { ListOrdersQuery } from './dto/list-orders.query';
import { Order } from './entities/order.entity';

const LIST = Object.assign(new ListOrdersQuery(), { limit: 50, offset: 0 });
const FILL = { qty: '1', price: '10.5' } as CreateFillDto;

/** Orders and their fills; every statement carries the caller's access condition. */
@Injectable()
export class OrdersRepository {
  constructor(
    @InjectTransactionHost() private readonly tx: Tx,
    private readonly policy: AccessPolicy,
  ) {}

  private owned(caller: AuthUser): SelectQueryBuilder<Order> {
    return this.policy.scope(
      this.tx.tx.getRepository(Order).createQueryBuilder('o'),
      Order,
      'o',
      caller,
      'read',
    );
  }

  @GenerateSql(
    { name: 'a user’s page', params: [SAMPLE_CALLERS.user, LIST] },
    {
      name: 'filtered',
      params: [SAMPLE_CALLERS.user, { ...LIST, status: 'filled', symbol: 'AAPL' }],
    },
  )
  list(caller: AuthUser, query: ListOrdersQuery): Promise<Page<Order>> {
    const qb = this.owned(caller);
    if (query.status) qb.andWhere('o.status = :status', { status: query.status });
    if (query.symbol) qb.andWhere('o.symbol = :symbol', { symbol: query.symbol });
    return paginate(qb, { alias: 'o', timeColumn: 'created_at' }, query);
  }

  /** The order with its fills (oldest first), in one statement. */
  @GenerateSql({ params: [SAMPLE_CALLERS.user, SAMPLE.uuid] })
  withFills(caller: AuthUser, id: string): Promise<Order | null> {
    return this.owned(caller)
      .leftJoinAndSelect('o.fills', 'f')
      .andWhere('o.id = :id', { id })
      .orderBy('f.occurred_at', 'ASC')
      .addOrderBy('f.id', 'ASC')
      .getOne();
  }

  @GenerateSql({
    params: [
      {
        userId: SAMPLE.uuid,
        broker: 'alpaca',
        brokerOrderId: 'b-1',
        symbol: 'AAPL',
        side: 'buy',
        type: 'market',
        status: 'new',
        submittedAt: new Date(SAMPLE.date),
        updatedAt: new Date(SAMPLE.date),
      },
    ],
  })
  insert(values: DeepPartial<Order>): Promise<Order> {
    const repo = this.tx.tx.getRepository(Order);
    return repo.save(repo.create(values));
  }

  /**
   * Locks the caller's order until the transaction ends and says whether `qty` more would
   * exceed its quantity; undefined when the caller has no such order.
   */
  @GenerateSql({ params: [SAMPLE_CALLERS.user, SAMPLE.uuid, '1'] })
  async lockForFill(
    caller: AuthUser,
    id: string,
    qty: string,
  ): Promise<{ over: boolean } | undefined> {
    const rows = await this.owned(caller)
      .select(
        '(o.qty IS NOT NULL AND coalesce(o.filled_qty, 0) + CAST(:qty AS numeric) > o.qty)',
        'over',
      )
      .andWhere('o.id = :orderId', { orderId: id, qty })
      .setLock('pessimistic_write')
      .getRawMany<{ over: boolean }>();
    return rows[0];
  }

  /**
   * Records the fill (copying the order's broker fields) and folds it into the order: filled
   * quantity, quantity-weighted average price, status. Runs under the order's row lock.
   */
  @GenerateSql({ params: [SAMPLE.uuid, FILL] })
  async addFill(orderId: string, fill: CreateFillDto): Promise<void> {
    const m = this.tx.tx;
    await m.query(
      `INSERT INTO fills (broker, broker_order_id, broker_fill_id, order_id, symbol, side, qty, price, occurred_at, trace_id)
       SELECT o.broker, o.broker_order_id, $2, o.id, o.symbol, o.side, $3::numeric, $4::numeric,
              coalesce($5::timestamptz, now()), $6
       FROM orders o WHERE o.id = $1`,
      [
        orderId,
        fill.brokerFillId ?? null,
        fill.qty,
        fill.price,
        fill.occurredAt ?? null,
        fill.traceId ?? null,
      ],
    );
    await m.query(
      `UPDATE orders SET
         filled_avg_price = (coalesce(filled_avg_price, 0) * coalesce(filled_qty, 0) + $2::numeric * $3::numeric)
                            / (coalesce(filled_qty, 0) + $2::numeric),
         filled_qty = coalesce(filled_qty, 0) + $2::numeric,
         status = CASE WHEN qty IS NOT NULL AND coalesce(filled_qty, 0) + $2::numeric >= qty
                       THEN 'filled' ELSE 'partially_filled' END,
         filled_at = CASE WHEN qty IS NOT NULL AND coalesce(filled_qty, 0) + $2::numeric >= qty
                          THEN now() ELSE filled_at END,
         updated_at = now()
       WHERE id = $1`,
      [orderId, fill.qty, fill.price],
    );
  }
}
