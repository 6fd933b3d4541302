import { ApiProperty } from '@nestjs/swagger';
import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Relation,
} from 'typeorm';
import type { AiDecision } from '../../ai-decisions/entities/ai-decision.entity';
import { Order } from '../../orders/entities/order.entity';
import { Strategy } from '../../strategies/entities/strategy.entity';
import { User } from '../../users/entities/user.entity';
import { OwnedTable } from '../../auth/policy/table-access';

@OwnedTable()
@Entity('trades')
// The list's default order within one user: user_id = ? ORDER BY executed_at DESC, id DESC.
@Index('idx_trades_user_executed', ['userId', 'executedAt', 'id'])
// The list's symbol and strategy filters within one user, in the same order.
@Index('idx_trades_user_symbol_executed', ['userId', 'symbol', 'executedAt', 'id'])
@Index('idx_trades_user_strategy_executed', ['userId', 'strategyId', 'executedAt', 'id'])
@Index('trades_user_id_idx', ['userId'])
@Index('idx_trades_strategy_id', ['strategyId'])
@Index('idx_trades_order_id', ['orderId'])
@Index('idx_trades_symbol', ['symbol'])
@Index('idx_trades_executed_at', ['executedAt'])
@Index('idx_trades_status', ['status'])
@Index('idx_trades_strategy_executed', ['strategyId', 'executedAt'])
export class Trade {
  @ApiProperty({ format: 'uuid' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ApiProperty({ format: 'uuid' })
  @Column('uuid')
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE', onUpdate: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  @ApiProperty({ format: 'uuid', nullable: true })
  @Column('uuid', { nullable: true })
  strategyId!: string | null;

  @ManyToOne(() => Strategy, { onDelete: 'CASCADE', onUpdate: 'CASCADE' })
  @JoinColumn({ name: 'strategy_id' })
  strategy?: Relation<Strategy> | null;

  @ApiProperty({ format: 'uuid', nullable: true })
  @Column('uuid', { nullable: true })
  orderId!: string | null;

  @ManyToOne(() => Order, { onDelete: 'CASCADE', onUpdate: 'CASCADE' })
  @JoinColumn({ name: 'order_id' })
  order?: Relation<Order> | null;

  @ApiProperty({ type: String })
  @Column('text')
  symbol!: string;

  @ApiProperty({ type: String })
  @Column('text')
  side!: string;

  @ApiProperty({ type: String, description: 'decimal' })
  @Column('numeric')
  quantity!: string;

  @ApiProperty({ type: String, description: 'decimal' })
  @Column('numeric')
  price!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  @Column('timestamptz', { default: () => 'now()' })
  executedAt!: Date;

  @ApiProperty({ type: String, description: 'decimal', nullable: true })
  @Column('numeric', { nullable: true })
  pnl!: string | null;

  @ApiProperty({ type: String })
  @Column('text', { default: 'completed' })
  status!: string;

  @ApiProperty({ type: String, nullable: true })
  @Column('text', { nullable: true })
  notes!: string | null;

  @ApiProperty({ type: String, nullable: true })
  @Column('text', { nullable: true })
  traceId!: string | null;

  /**
   * Not a column: the latest AI decision whose executed_trade_id is this trade, filled by the
   * trade queries with a join (several decisions may point at one trade).
   */
  aiDecision?: AiDecision | null;
}
