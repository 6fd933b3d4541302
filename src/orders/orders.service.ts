import { Injectable } from '@nestjs/common';
import { Transactional } from '@nestjs-cls/transactional';
import { ownerOf, type AuthUser } from '../auth/auth-user';
import { AccessPolicy } from '../auth/policy/access-policy.service';
import { NotFoundError, UnprocessableError } from '../common/errors/domain-errors';
import { Page } from '../common/pagination/page';
import { CreateFillDto } from './dto/create-fill.dto';
import { CreateOrderDto } from './dto/create-order.dto';
import { ListOrdersQuery } from './dto/list-orders.query';
import { Order } from './entities/order.entity';
import { OrdersRepository } from './orders.repository';

@Injectable()
export class OrdersService {
  constructor(
    private readonly orders: OrdersRepository,
    private readonly policy: AccessPolicy,
  ) {}

  list(user: AuthUser, query: ListOrdersQuery): Promise<Page<Order>> {
    return this.orders.list(user, query);
  }

  /** The order with its fills (oldest first), in one statement. */
  async get(user: AuthUser, id: string): Promise<Order> {
    const order = await this.orders.withFills(user, id);
    if (!order) throw new NotFoundError('order', id);
    return order;
  }

  async create(user: AuthUser, dto: CreateOrderDto): Promise<Order> {
    // The keys alone would accept another user's decision, trade or work item.
    await this.policy.assertReferences(Order, { ...dto }, user);
    const now = new Date();
    const saved = await this.orders.insert({
      ...dto,
      userId: ownerOf(user),
      status: dto.status ?? 'new',
      submittedAt: dto.submittedAt ? new Date(dto.submittedAt) : now,
      updatedAt: now,
    });
    return { ...saved, fills: [] } as Order;
  }

  /**
   * Records a fill and folds it into the order (filled_qty, quantity-weighted filled_avg_price,
   * status), all or nothing, under the order's row lock: concurrent fills queue and none is
   * lost. A fill past the order's quantity is refused and nothing is written.
   */
  @Transactional()
  async addFill(user: AuthUser, orderId: string, dto: CreateFillDto): Promise<Order> {
    const locked = await this.orders.lockForFill(user, orderId, dto.qty);
    if (!locked) throw new NotFoundError('order', orderId);
    if (locked.over) {
      throw new UnprocessableError(
        `a fill of ${dto.qty} would exceed the order's quantity`,
        'OVERFILL',
        {
          field: 'qty',
        },
      );
    }
    await this.orders.addFill(orderId, dto);
    return this.get(user, orderId);
  }
}
