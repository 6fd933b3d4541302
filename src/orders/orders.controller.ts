import { Reads, Writes } from '../auth/policy/route-access';
import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/decorators';
import { ApiErrorResponses, ApiPageResponse } from '../common/http/api-docs';
import { Page } from '../common/pagination/page';
import { UuidParam } from '../common/validation/uuid-param';
import { Idempotent } from '../idempotency/idempotent.decorator';
import { CreateFillDto } from './dto/create-fill.dto';
import { CreateOrderDto } from './dto/create-order.dto';
import { ListOrdersQuery } from './dto/list-orders.query';
import { Order } from './entities/order.entity';
import { OrdersService } from './orders.service';

@ApiTags('orders')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('orders')
export class OrdersController {
  constructor(private readonly orders: OrdersService) {}

  @Reads(Order)
  @Get()
  @ApiOperation({ summary: "List the caller's orders" })
  @ApiPageResponse(Order)
  list(@CurrentUser() user: AuthUser, @Query() query: ListOrdersQuery): Promise<Page<Order>> {
    return this.orders.list(user, query);
  }

  @Reads(Order)
  @Get(':id')
  @ApiOperation({ summary: 'Get an order with its fills' })
  @ApiOkResponse({ type: Order, description: 'the order with its fills' })
  get(@CurrentUser() user: AuthUser, @UuidParam() id: string): Promise<Order> {
    return this.orders.get(user, id);
  }

  @Writes(Order)
  @Post()
  @ApiOperation({ summary: 'Place an order' })
  @Idempotent()
  @ApiCreatedResponse({ type: Order })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateOrderDto): Promise<Order> {
    return this.orders.create(user, dto);
  }

  /** 422 OVERFILL when the fill would exceed the order's quantity; 409 for a repeated brokerFillId. */
  @Writes(Order)
  @Post(':id/fills')
  @ApiOperation({ summary: 'Record a fill of an order' })
  @ApiCreatedResponse({ type: Order, description: 'the order after the fill, with its fills' })
  addFill(
    @CurrentUser() user: AuthUser,
    @UuidParam() id: string,
    @Body() dto: CreateFillDto,
  ): Promise<Order> {
    return this.orders.addFill(user, id, dto);
  }
}
