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
import { AiDecision } from './ai-decision.entity';
import { Strategy } from '../../strategies/entities/strategy.entity';
import { Trade } from '../../trades/entities/trade.entity';
import { ChildTable } from '../../auth/policy/table-access';

@ChildTable(() => AiDecision, 'decision_id')
@Entity('ai_trade_outcomes')
@Index('ai_trade_outcomes_decision_id_idx', ['decisionId'])
@Index('ai_trade_outcomes_strategy_id_idx', ['strategyId'])
@Index('ai_trade_outcomes_trade_id_idx', ['tradeId'])
export class AiTradeOutcome {
  @ApiProperty({ format: 'uuid' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ApiProperty({ format: 'uuid' })
  @Column('uuid')
  decisionId!: string;

  @ManyToOne(() => AiDecision, { onDelete: 'CASCADE', onUpdate: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'decision_id' })
  decision?: Relation<AiDecision>;

  @ApiProperty({ format: 'uuid', nullable: true })
  @Column('uuid', { nullable: true })
  tradeId!: string | null;

  @ManyToOne(() => Trade, { onDelete: 'CASCADE', onUpdate: 'CASCADE' })
  @JoinColumn({ name: 'trade_id' })
  trade?: Relation<Trade> | null;

  @ApiProperty({ type: String })
  @Column('text')
  symbol!: string;

  @ApiProperty({ type: String })
  @Column('text')
  action!: string;

  @ApiProperty({ type: String, description: 'decimal', nullable: true })
  @Column('numeric', { nullable: true })
  predictionConfidence!: string | null;

  @ApiProperty({ type: String, description: 'decimal', nullable: true })
  @Column('numeric', { nullable: true })
  entryPrice!: string | null;

  @ApiProperty({ type: String, description: 'decimal', nullable: true })
  @Column('numeric', { nullable: true })
  exitPrice!: string | null;

  @ApiProperty({ type: String, description: 'decimal', nullable: true })
  @Column('numeric', { nullable: true })
  quantity!: string | null;

  @ApiProperty({ type: String, description: 'decimal', nullable: true })
  @Column('numeric', { nullable: true })
  realizedPnl!: string | null;

  @ApiProperty({ type: String, description: 'decimal', nullable: true })
  @Column('numeric', { nullable: true })
  realizedPnlPercent!: string | null;

  @ApiProperty({ type: Number, nullable: true })
  @Column('integer', { nullable: true })
  holdingTimeMs!: number | null;

  @ApiProperty({ type: Boolean, nullable: true })
  @Column('boolean', { nullable: true })
  isWin!: boolean | null;

  @ApiProperty({ type: String, description: 'decimal', nullable: true })
  @Column('numeric', { nullable: true })
  slippagePercent!: string | null;

  @ApiProperty({ type: Boolean, nullable: true })
  @Column('boolean', { nullable: true })
  targetPriceHit!: boolean | null;

  @ApiProperty({ type: Boolean, nullable: true })
  @Column('boolean', { nullable: true })
  stopLossHit!: boolean | null;

  @ApiProperty({ type: String, description: 'decimal', nullable: true })
  @Column('numeric', { nullable: true })
  maxDrawdown!: string | null;

  @ApiProperty({ type: String, description: 'decimal', nullable: true })
  @Column('numeric', { nullable: true })
  maxGain!: string | null;

  @ApiProperty({ type: String, nullable: true })
  @Column('text', { nullable: true })
  marketSessionAtEntry!: string | null;

  @ApiProperty({ type: String, nullable: true })
  @Column('text', { nullable: true })
  marketSessionAtExit!: string | null;

  @ApiProperty({ format: 'uuid', nullable: true })
  @Column('uuid', { nullable: true })
  strategyId!: string | null;

  @ManyToOne(() => Strategy, { onDelete: 'CASCADE', onUpdate: 'CASCADE' })
  @JoinColumn({ name: 'strategy_id' })
  strategy?: Relation<Strategy> | null;

  @ApiProperty({ type: String, nullable: true })
  @Column('text', { nullable: true })
  exitReason!: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  @Column('timestamptz', { nullable: true })
  closedAt!: Date | null;
}
