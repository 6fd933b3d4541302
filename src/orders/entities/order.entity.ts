import { ApiProperty } from '@nestjs/swagger';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  Relation,
  Unique,
} from 'typeorm';
import { AiDecision } from '../../ai-decisions/entities/ai-decision.entity';
import { Fill } from './fill.entity';
import { Trade } from '../../trades/entities/trade.entity';
import { User } from '../../users/entities/user.entity';
import { WorkItem } from '../../work-items/entities/work-item.entity';
import { OwnedTable } from '../../auth/policy/table-access';

@OwnedTable()
@Entity('orders')
// Client-chosen keys are unique per owner: another user's values are neither refused nor revealed.
@Unique('orders_user_id_client_order_id_unique', ['userId', 'clientOrderId'])
@Unique('orders_user_id_broker_order_id_unique', ['userId', 'brokerOrderId'])
@Index('orders_user_id_idx', ['userId'])
@Index('orders_broker_order_id_idx', ['brokerOrderId'])
@Index('orders_client_order_id_idx', ['clientOrderId'])
@Index('orders_symbol_idx', ['symbol'])
@Index('orders_status_idx', ['status'])
@Index('orders_trace_id_idx', ['traceId'])
@Index('orders_decision_id_idx', ['decisionId'])
@Index('orders_trade_intent_id_idx', ['tradeIntentId'])
@Index('orders_work_item_id_idx', ['workItemId'])
export class Order {
  @ApiProperty({ format: 'uuid' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ApiProperty({ format: 'uuid' })
  @Column('uuid')
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE', onUpdate: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  @ApiProperty({ type: String })
  @Column('text')
  broker!: string;

  @ApiProperty({ type: String })
  @Column('text')
  brokerOrderId!: string;

  @ApiProperty({ type: String, nullable: true })
  @Column('text', { nullable: true })
  clientOrderId!: string | null;

  @ApiProperty({ type: String })
  @Column('text')
  symbol!: string;

  @ApiProperty({ type: String })
  @Column('text')
  side!: string;

  @ApiProperty({ type: String })
  @Column('text')
  type!: string;

  @ApiProperty({ type: String, nullable: true })
  @Column('text', { nullable: true })
  timeInForce!: string | null;

  @ApiProperty({ type: String, description: 'decimal', nullable: true })
  @Column('numeric', { nullable: true })
  qty!: string | null;

  @ApiProperty({ type: String, description: 'decimal', nullable: true })
  @Column('numeric', { nullable: true })
  notional!: string | null;

  @ApiProperty({ type: String, description: 'decimal', nullable: true })
  @Column('numeric', { nullable: true })
  limitPrice!: string | null;

  @ApiProperty({ type: String, description: 'decimal', nullable: true })
  @Column('numeric', { nullable: true })
  stopPrice!: string | null;

  @ApiProperty({ type: String })
  @Column('text')
  status!: string;

  @ApiProperty({ type: Boolean, nullable: true })
  @Column('boolean', { default: false, nullable: true })
  extendedHours!: boolean | null;

  @ApiProperty({ type: String, nullable: true })
  @Column('text', { nullable: true })
  orderClass!: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  @Column('timestamptz')
  submittedAt!: Date;

  @ApiProperty({ type: String, format: 'date-time' })
  @Column('timestamptz')
  updatedAt!: Date;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  @Column('timestamptz', { nullable: true })
  filledAt!: Date | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  @Column('timestamptz', { nullable: true })
  expiredAt!: Date | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  @Column('timestamptz', { nullable: true })
  canceledAt!: Date | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  @Column('timestamptz', { nullable: true })
  failedAt!: Date | null;

  @ApiProperty({ type: String, description: 'decimal', nullable: true })
  @Column('numeric', { nullable: true })
  filledQty!: string | null;

  @ApiProperty({ type: String, description: 'decimal', nullable: true })
  @Column('numeric', { nullable: true })
  filledAvgPrice!: string | null;

  @ApiProperty({ type: String, nullable: true })
  @Column('text', { nullable: true })
  traceId!: string | null;

  @ApiProperty({ format: 'uuid', nullable: true })
  @Column('uuid', { nullable: true })
  decisionId!: string | null;

  @ManyToOne(() => AiDecision, { onDelete: 'CASCADE', onUpdate: 'CASCADE' })
  @JoinColumn({ name: 'decision_id' })
  decision?: Relation<AiDecision> | null;

  @ApiProperty({ format: 'uuid', nullable: true })
  @Column('uuid', { nullable: true })
  tradeIntentId!: string | null;

  @ManyToOne(() => Trade, { onDelete: 'CASCADE', onUpdate: 'CASCADE' })
  @JoinColumn({ name: 'trade_intent_id' })
  tradeIntent?: Relation<Trade> | null;

  @ApiProperty({ format: 'uuid', nullable: true })
  @Column('uuid', { nullable: true })
  workItemId!: string | null;

  @ManyToOne(() => WorkItem, { onDelete: 'CASCADE', onUpdate: 'CASCADE' })
  @JoinColumn({ name: 'work_item_id' })
  workItem?: Relation<WorkItem> | null;

  @ApiProperty({ description: 'JSON value', nullable: true })
  @Column('jsonb', { nullable: true })
  rawJson!: unknown | null;

  @ApiProperty({ type: String, format: 'date-time' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @ApiProperty({
    type: () => [Fill],
    required: false,
    description: 'present on GET /api/orders/:id',
  })
  @OneToMany(() => Fill, (child) => child.order)
  fills?: Relation<Fill>[];
}
