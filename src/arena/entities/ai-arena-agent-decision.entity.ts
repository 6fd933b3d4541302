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
import { AiAgentProfile } from './ai-agent-profile.entity';
import { AiArenaRun } from './ai-arena-run.entity';
import { PlatformTable } from '../../auth/policy/table-access';

@PlatformTable()
@Entity('ai_arena_agent_decisions')
@Index('ai_arena_agent_decisions_run_id_idx', ['arenaRunId'])
@Index('ai_arena_agent_decisions_agent_profile_id_idx', ['agentProfileId'])
@Index('ai_arena_agent_decisions_role_idx', ['role'])
export class AiArenaAgentDecision {
  @ApiProperty({ format: 'uuid' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ApiProperty({ format: 'uuid' })
  @Column('uuid')
  arenaRunId!: string;

  @ManyToOne(() => AiArenaRun, { onDelete: 'CASCADE', onUpdate: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'arena_run_id' })
  arenaRun?: Relation<AiArenaRun>;

  @ApiProperty({ format: 'uuid' })
  @Column('uuid')
  agentProfileId!: string;

  @ManyToOne(() => AiAgentProfile, { onDelete: 'CASCADE', onUpdate: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'agent_profile_id' })
  agentProfile?: Relation<AiAgentProfile>;

  @ApiProperty({ type: String })
  @Column('text')
  role!: string;

  @ApiProperty({ type: String })
  @Column('text')
  action!: string;

  @ApiProperty({ type: [String], nullable: true })
  @Column('text', { array: true, nullable: true })
  symbols!: string[] | null;

  @ApiProperty({ type: String, description: 'decimal', nullable: true })
  @Column('numeric', { nullable: true })
  confidence!: string | null;

  @ApiProperty({ type: String, nullable: true })
  @Column('text', { nullable: true })
  stance!: string | null;

  @ApiProperty({ type: String, nullable: true })
  @Column('text', { nullable: true })
  rationale!: string | null;

  @ApiProperty({ description: 'JSON value', nullable: true })
  @Column('jsonb', { nullable: true })
  keySignals!: unknown | null;

  @ApiProperty({ description: 'JSON value', nullable: true })
  @Column('jsonb', { nullable: true })
  risks!: unknown | null;

  @ApiProperty({ description: 'JSON value', nullable: true })
  @Column('jsonb', { nullable: true })
  proposedOrder!: unknown | null;

  @ApiProperty({ type: Number, nullable: true })
  @Column('integer', { nullable: true })
  tokensUsed!: number | null;

  @ApiProperty({ type: String, description: 'decimal', nullable: true })
  @Column('numeric', { nullable: true })
  costUsd!: string | null;

  @ApiProperty({ type: Number, nullable: true })
  @Column('integer', { nullable: true })
  latencyMs!: number | null;

  @ApiProperty({ type: String, nullable: true })
  @Column('text', { nullable: true })
  modelUsed!: string | null;

  @ApiProperty({ type: Boolean, nullable: true })
  @Column('boolean', { default: false, nullable: true })
  wasEscalation!: boolean | null;

  @ApiProperty({ type: String, nullable: true })
  @Column('text', { nullable: true })
  rawOutput!: string | null;

  @ApiProperty({ type: Number, nullable: true })
  @Column('integer', { default: 0, nullable: true })
  toolCallsCount!: number | null;

  @ApiProperty({ type: String, nullable: true })
  @Column('text', { nullable: true })
  errorMessage!: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
