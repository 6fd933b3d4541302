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
import { DebateConsensus } from '../../debate/entities/debate-consensus.entity';
import { DebateSession } from '../../debate/entities/debate-session.entity';
import { WorkItem } from '../../work-items/entities/work-item.entity';
import { ChildTable } from '../../auth/policy/table-access';

@ChildTable(() => AiDecision, 'decision_id')
@Entity('ai_outcome_links')
@Index('ai_outcome_links_consensus_id_idx', ['consensusId'])
@Index('ai_outcome_links_debate_session_id_idx', ['debateSessionId'])
@Index('ai_outcome_links_work_item_id_idx', ['workItemId'])
@Index('ai_outcome_links_symbol_idx', ['symbol'])
@Index('ai_outcome_links_status_idx', ['status'])
@Index('ai_outcome_links_outcome_idx', ['outcome'])
@Index('ai_outcome_links_created_at_idx', ['createdAt'])
@Index('ai_outcome_links_decision_id_idx', ['decisionId'])
export class AiOutcomeLink {
  @ApiProperty({ format: 'uuid' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ApiProperty({ format: 'uuid', nullable: true })
  @Column('uuid', { nullable: true })
  consensusId!: string | null;

  @ManyToOne(() => DebateConsensus, { onDelete: 'CASCADE', onUpdate: 'CASCADE' })
  @JoinColumn({ name: 'consensus_id' })
  consensus?: Relation<DebateConsensus> | null;

  @ApiProperty({ format: 'uuid', nullable: true })
  @Column('uuid', { nullable: true })
  debateSessionId!: string | null;

  @ManyToOne(() => DebateSession, { onDelete: 'CASCADE', onUpdate: 'CASCADE' })
  @JoinColumn({ name: 'debate_session_id' })
  debateSession?: Relation<DebateSession> | null;

  @ApiProperty({ format: 'uuid', nullable: true })
  @Column('uuid', { nullable: true })
  decisionId!: string | null;

  @ManyToOne(() => AiDecision, { onDelete: 'CASCADE', onUpdate: 'CASCADE' })
  @JoinColumn({ name: 'decision_id' })
  decision?: Relation<AiDecision> | null;

  @ApiProperty({ format: 'uuid', nullable: true })
  @Column('uuid', { nullable: true })
  workItemId!: string | null;

  @ManyToOne(() => WorkItem, { onDelete: 'CASCADE', onUpdate: 'CASCADE' })
  @JoinColumn({ name: 'work_item_id' })
  workItem?: Relation<WorkItem> | null;

  @ApiProperty({ type: String, nullable: true })
  @Column('text', { nullable: true })
  brokerOrderId!: string | null;

  @ApiProperty({ type: String })
  @Column('text')
  symbol!: string;

  @ApiProperty({ type: String })
  @Column('text')
  side!: string;

  @ApiProperty({ type: String, description: 'decimal', nullable: true })
  @Column('numeric', { nullable: true })
  intendedQty!: string | null;

  @ApiProperty({ type: String, description: 'decimal', nullable: true })
  @Column('numeric', { nullable: true })
  intendedNotional!: string | null;

  @ApiProperty({ type: String, description: 'decimal', nullable: true })
  @Column('numeric', { nullable: true })
  filledQty!: string | null;

  @ApiProperty({ type: String, description: 'decimal', nullable: true })
  @Column('numeric', { nullable: true })
  filledAvgPrice!: string | null;

  @ApiProperty({ type: Number, nullable: true })
  @Column('integer', { default: 0, nullable: true })
  fillCount!: number | null;

  @ApiProperty({ type: String })
  @Column('text', { default: 'pending' })
  status!: string;

  @ApiProperty({ type: String, description: 'decimal', nullable: true })
  @Column('numeric', { nullable: true })
  pnlRealized!: string | null;

  @ApiProperty({ type: String, description: 'decimal', nullable: true })
  @Column('numeric', { nullable: true })
  pnlUnrealized!: string | null;

  @ApiProperty({ type: String, description: 'decimal', nullable: true })
  @Column('numeric', { nullable: true })
  entryPrice!: string | null;

  @ApiProperty({ type: String, description: 'decimal', nullable: true })
  @Column('numeric', { nullable: true })
  exitPrice!: string | null;

  @ApiProperty({ type: Number, nullable: true })
  @Column('integer', { nullable: true })
  holdDurationMs!: number | null;

  @ApiProperty({ type: String, nullable: true })
  @Column('text', { default: 'unknown', nullable: true })
  outcome!: string | null;

  @ApiProperty({ type: String, description: 'decimal', nullable: true })
  @Column('numeric', { nullable: true })
  llmCostUsd!: string | null;

  @ApiProperty({ type: String, nullable: true })
  @Column('text', { nullable: true })
  traceId!: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  @Column('timestamptz', { nullable: true })
  closedAt!: Date | null;
}
