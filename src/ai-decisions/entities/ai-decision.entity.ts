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
} from 'typeorm';
import { Strategy } from '../../strategies/entities/strategy.entity';
import { Trade } from '../../trades/entities/trade.entity';
import { User } from '../../users/entities/user.entity';
import { OwnedTable } from '../../auth/policy/table-access';

@OwnedTable()
@Entity('ai_decisions')
@Index('ai_decisions_user_id_idx', ['userId'])
@Index('idx_ai_decisions_strategy_id', ['strategyId'])
@Index('idx_ai_decisions_symbol', ['symbol'])
@Index('idx_ai_decisions_status', ['status'])
@Index('idx_ai_decisions_created_at', ['createdAt'])
@Index('idx_ai_decisions_status_created', ['status', 'createdAt'])
// The trade list's join: the latest decision of a trade (also the FK index of executed_trade_id).
@Index('idx_ai_decisions_executed_trade', ['executedTradeId', 'createdAt', 'id'])
// The decision list's default order within one user.
@Index('idx_ai_decisions_user_created', ['userId', 'createdAt', 'id'])
@Index('idx_ai_decisions_user_symbol_created', ['userId', 'symbol', 'createdAt', 'id'])
export class AiDecision {
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

  @ApiProperty({ type: String })
  @Column('text')
  symbol!: string;

  @ApiProperty({ type: String })
  @Column('text')
  action!: string;

  @ApiProperty({ type: String, description: 'decimal', nullable: true })
  @Column('numeric', { nullable: true })
  confidence!: string | null;

  @ApiProperty({ type: String, nullable: true })
  @Column('text', { nullable: true })
  reasoning!: string | null;

  @ApiProperty({ type: String, nullable: true })
  @Column('text', { nullable: true })
  marketContext!: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @ApiProperty({ format: 'uuid', nullable: true })
  @Column('uuid', { nullable: true })
  executedTradeId!: string | null;

  @ManyToOne(() => Trade, { onDelete: 'CASCADE', onUpdate: 'CASCADE' })
  @JoinColumn({ name: 'executed_trade_id' })
  executedTrade?: Relation<Trade> | null;

  @ApiProperty({ type: String })
  @Column('text', { default: 'pending' })
  status!: string;

  @ApiProperty({ type: String, description: 'decimal', nullable: true })
  @Column('numeric', { nullable: true })
  stopLoss!: string | null;

  @ApiProperty({ type: String, description: 'decimal', nullable: true })
  @Column('numeric', { nullable: true })
  takeProfit!: string | null;

  @ApiProperty({ type: String, description: 'decimal', nullable: true })
  @Column('numeric', { nullable: true })
  entryPrice!: string | null;

  @ApiProperty({ type: String, description: 'decimal', nullable: true })
  @Column('numeric', { nullable: true })
  filledPrice!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  @Column('timestamptz', { nullable: true })
  filledAt!: Date | null;

  @ApiProperty({ type: String, nullable: true })
  @Column('text', { nullable: true })
  skipReason!: string | null;

  @ApiProperty({ type: String, nullable: true })
  @Column('text', { nullable: true })
  traceId!: string | null;

  @ApiProperty({ type: String, nullable: true })
  @Column('text', { nullable: true })
  metadata!: string | null;
}
