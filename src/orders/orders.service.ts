import { Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import { SelectQueryBuilder } from 'typeorm';
import { ownerOf, type AuthUser } from '../auth/auth-user';
import { AccessPolicy } from '../auth/policy/access-policy.service';
import { NotFoundError, UnprocessableError } from '../common/errors/domain-errors';
import { paginate } from '../common/pagination/keyset';
import { Page } from '../common/pagination/page';
import type { Tx } from '../database/transaction';
import { CreateFillDto } from './dto/create-fill.dto';
import { CreateOrderDto } from './dto/create-order.dto';
import { ListOrdersQuery } from './dto/list-orders.query';
import { Order } from './entities/order.entity';

@Injectable()
export class OrdersService {
  constructor(
    @InjectTransactionHost() private readonly tx: Tx,
    private readonly policy: AccessPolicy,
  ) {}

  private owned(user: AuthUser): SelectQueryBuilder<Order> {
    return this.policy.scope(
      this.tx.tx.getRepository(Order).createQueryBuilder('o'),
      Order,
      'o',
      user,
    );
  }

  list(user: AuthUser, query: ListOrdersQuery): Promise<Page<Order>> {
    const qb = this.owned(user);
    if (query.status) qb.andWhere('o.status = :status', { status: query.status });
    if (query.symbol) qb.andWhere('o.symbol = :symbol', { symbol: query.symbol });
    return paginate(qb, { alias: 'o', timeColumn: 'created_at' }, query);
  }

  /** The order with its fills (oldest first), in one statement. */
  async get(user: AuthUser, id: string): Promise<Order> {
    const order = await this.owned(user)
      .leftJoinAndSelect('o.fills', 'f')
      .andWhere('o.id = :id', { id })
      .orderBy('f.occurred_at', 'ASC')
      .addOrderBy('f.id', 'ASC')
      .getOne();
    if (!order) throw new NotFoundError('order', id);
    return order;
  }

  async create(user: AuthUser, dto: CreateOrderDto): Promise<Order> {
    await this.policy.assertReferences(Order, { ...dto }, user);
    const now = new Date();
    const repo = this.tx.tx.getRepository(Order);
    const saved = await repo.save(
      repo.create({
        ...dto,
        userId: ownerOf(user),
        status: dto.status ?? 'new',
        submittedAt: dto.submittedAt ? new Date(dto.submittedAt) : now,
        updatedAt: now,
      }),
    );
    return { ...saved, fills: [] } as Order;
  }

  /**
   * Records a fill and folds it into the order (filled_qty, quantity-weighted filled_avg_price,
   * status) in one transaction, under the order's row lock: concurrent fills queue and none is
   * lost. A fill past the order's quantity is refused and nothing is written.
   */
  async addFill(user: AuthUser, orderId: string, dto: CreateFillDto): Promise<Order> {
    return this.tx.withTransaction(async () => {
      const m = this.tx.tx;
      const locked = await this.owned(user)
        .select(
          '(o.qty IS NOT NULL AND coalesce(o.filled_qty, 0) + CAST(:qty AS numeric) > o.qty)',
          'over',
        )
        .andWhere('o.id = :orderId', { orderId, qty: dto.qty })
        .setLock('pessimistic_write')
        .getRawMany<{ over: boolean }>();
      if (locked.length === 0) throw new NotFoundError('order', orderId);
      if (locked[0].over) {
        throw new UnprocessableError(
          `a fill of ${dto.qty} would exceed the order's quantity`,
          'OVERFILL',
          {
            field: 'qty',
          },
        );
      }
      await m.query(
        `INSERT INTO fills (broker, broker_order_id, broker_fill_id, order_id, symbol, side, qty, price, occurred_at, trace_id)
         SELECT o.broker, o.broker_order_id, $2, o.id, o.symbol, o.side, $3::numeric, $4::numeric,
                coalesce($5::timestamptz, now()), $6
         FROM orders o WHERE o.id = $1`,
        [
          orderId,
          dto.brokerFillId ?? null,
          dto.qty,
          dto.price,
          dto.occurredAt ?? null,
          dto.traceId ?? null,
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
        [orderId, dto.qty, dto.price],
      );
      return this.get(user, orderId);
    });
  }
}
