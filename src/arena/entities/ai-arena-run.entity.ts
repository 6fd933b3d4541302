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
import { StrategyVersion } from '../../strategies/entities/strategy-version.entity';
import { PlatformTable } from '../../auth/policy/table-access';

@PlatformTable()
@Entity('ai_arena_runs')
@Index('ai_arena_runs_trace_id_idx', ['traceId'])
@Index('ai_arena_runs_status_idx', ['status'])
@Index('ai_arena_runs_mode_idx', ['mode'])
@Index('ai_arena_runs_created_at_idx', ['createdAt'])
@Index('ai_arena_runs_strategy_version_id_idx', ['strategyVersionId'])
export class AiArenaRun {
  @ApiProperty({ format: 'uuid' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ApiProperty({ type: String })
  @Column('text')
  traceId!: string;

  @ApiProperty({ type: String })
  @Column('text', { default: 'debate' })
  mode!: string;

  @ApiProperty({ type: [String] })
  @Column('text', { array: true })
  symbols!: string[];

  @ApiProperty({ type: [String] })
  @Column('text', { array: true })
  agentProfileIds!: string[];

  @ApiProperty({ type: String, nullable: true })
  @Column('text', { nullable: true })
  marketSnapshotHash!: string | null;

  @ApiProperty({ type: String, nullable: true })
  @Column('text', { nullable: true })
  portfolioSnapshotHash!: string | null;

  @ApiProperty({ format: 'uuid', nullable: true })
  @Column('uuid', { nullable: true })
  strategyVersionId!: string | null;

  @ManyToOne(() => StrategyVersion, { onDelete: 'CASCADE', onUpdate: 'CASCADE' })
  @JoinColumn({ name: 'strategy_version_id' })
  strategyVersion?: Relation<StrategyVersion> | null;

  @ApiProperty({ type: String })
  @Column('text', { default: 'pending' })
  status!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  @Column('timestamptz', { nullable: true })
  startedAt!: Date | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  @Column('timestamptz', { nullable: true })
  completedAt!: Date | null;

  @ApiProperty({ type: Number, nullable: true })
  @Column('integer', { nullable: true })
  durationMs!: number | null;

  @ApiProperty({ type: Number, nullable: true })
  @Column('integer', { default: 0, nullable: true })
  totalTokensUsed!: number | null;

  @ApiProperty({ type: String, description: 'decimal', nullable: true })
  @Column('numeric', { default: 0, nullable: true })
  totalCostUsd!: string | null;

  @ApiProperty({ type: Boolean, nullable: true })
  @Column('boolean', { default: false, nullable: true })
  escalationTriggered!: boolean | null;

  @ApiProperty({ type: String, nullable: true })
  @Column('text', { nullable: true })
  escalationReason!: string | null;

  @ApiProperty({ type: Boolean, nullable: true })
  @Column('boolean', { nullable: true })
  consensusReached!: boolean | null;

  @ApiProperty({ type: String, nullable: true })
  @Column('text', { nullable: true })
  finalDecision!: string | null;

  @ApiProperty({ type: String, description: 'decimal', nullable: true })
  @Column('numeric', { nullable: true })
  disagreementRate!: string | null;

  @ApiProperty({ type: String, description: 'decimal', nullable: true })
  @Column('numeric', { nullable: true })
  avgConfidence!: string | null;

  @ApiProperty({ type: String, nullable: true })
  @Column('text', { nullable: true })
  triggeredBy!: string | null;

  @ApiProperty({ type: Boolean, nullable: true })
  @Column('boolean', { default: false, nullable: true })
  outcomeLinked!: boolean | null;

  @ApiProperty({ type: String, nullable: true })
  @Column('text', { nullable: true })
  notes!: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
