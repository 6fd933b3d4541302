import { ApiProperty } from '@nestjs/swagger';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Relation,
  Unique,
} from 'typeorm';
import { Order } from './order.entity';
import { ChildTable } from '../../auth/policy/table-access';

@ChildTable(() => Order, 'order_id')
@Entity('fills')
@Unique('fills_owner_id_broker_fill_id_unique', ['ownerId', 'brokerFillId'])
@Index('fills_broker_order_id_idx', ['brokerOrderId'])
@Index('fills_order_id_idx', ['orderId'])
@Index('fills_symbol_idx', ['symbol'])
@Index('fills_trace_id_idx', ['traceId'])
export class Fill {
  @ApiProperty({ format: 'uuid' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ApiProperty({ type: String })
  @Column('text')
  broker!: string;

  @ApiProperty({ type: String })
  @Column('text')
  brokerOrderId!: string;

  @ApiProperty({ type: String, nullable: true })
  @Column('text', { nullable: true })
  brokerFillId!: string | null;

  @ApiProperty({ format: 'uuid', nullable: true })
  @Column('uuid', { nullable: true })
  orderId!: string | null;

  @ManyToOne(() => Order, (parent) => parent.fills, { onDelete: 'CASCADE', onUpdate: 'CASCADE' })
  @JoinColumn({ name: 'order_id' })
  order?: Relation<Order> | null;

  /**
   * The order's user, copied by the database (trigger fills_set_owner, followed when the order's
   * user changes; see migrations/1797500001000-TenantScopedKeys.ts), so that a broker fill id is
   * unique per owner: two users may hold the same one, one owner cannot record a fill twice, not
   * even under two of its orders (a key per order would let that fill be counted twice). Not
   * part of the API: the access policy still follows order_id.
   */
  @Column('uuid', { nullable: true, select: false })
  ownerId!: string | null;

  @ApiProperty({ type: String })
  @Column('text')
  symbol!: string;

  @ApiProperty({ type: String })
  @Column('text')
  side!: string;

  @ApiProperty({ type: String, description: 'decimal' })
  @Column('numeric')
  qty!: string;

  @ApiProperty({ type: String, description: 'decimal' })
  @Column('numeric')
  price!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  @Column('timestamptz')
  occurredAt!: Date;

  @ApiProperty({ type: String, nullable: true })
  @Column('text', { nullable: true })
  traceId!: string | null;

  @ApiProperty({ description: 'JSON value', nullable: true })
  @Column('jsonb', { nullable: true })
  rawJson!: unknown | null;

  @ApiProperty({ type: String, format: 'date-time' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
