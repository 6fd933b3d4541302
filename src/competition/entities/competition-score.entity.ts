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
import { CompetitionRun } from './competition-run.entity';
import { TraderProfile } from './trader-profile.entity';
import { PlatformTable } from '../../auth/policy/table-access';

@PlatformTable()
@Entity('competition_scores')
@Index('competition_scores_run_id_idx', ['runId'])
@Index('competition_scores_trader_id_idx', ['traderProfileId'])
@Index('competition_scores_rank_idx', ['rank'])
export class CompetitionScore {
  @ApiProperty({ format: 'uuid' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ApiProperty({ format: 'uuid' })
  @Column('uuid')
  runId!: string;

  @ManyToOne(() => CompetitionRun, (parent) => parent.scores, {
    onDelete: 'CASCADE',
    onUpdate: 'CASCADE',
    nullable: false,
  })
  @JoinColumn({ name: 'run_id' })
  run?: Relation<CompetitionRun>;

  @ApiProperty({ format: 'uuid' })
  @Column('uuid')
  traderProfileId!: string;

  @ManyToOne(() => TraderProfile, { onDelete: 'CASCADE', onUpdate: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'trader_profile_id' })
  traderProfile?: Relation<TraderProfile>;

  @ApiProperty({ type: String, description: 'decimal' })
  @Column('numeric', { default: 0 })
  totalPnl!: string;

  @ApiProperty({ type: String, description: 'decimal' })
  @Column('numeric', { default: 0 })
  roi!: string;

  @ApiProperty({ type: String, description: 'decimal' })
  @Column('numeric', { default: 0 })
  maxDrawdown!: string;

  @ApiProperty({ type: String, description: 'decimal' })
  @Column('numeric', { default: 0 })
  winRate!: string;

  @ApiProperty({ type: Number, nullable: true })
  @Column('integer', { nullable: true })
  avgHoldTime!: number | null;

  @ApiProperty({ type: Number })
  @Column('integer', { default: 0 })
  tradeCount!: number;

  @ApiProperty({ type: Number })
  @Column('integer', { default: 0 })
  errorCount!: number;

  @ApiProperty({ type: String, description: 'decimal', nullable: true })
  @Column('numeric', { nullable: true })
  costPerDecision!: string | null;

  @ApiProperty({ type: String, description: 'decimal', nullable: true })
  @Column('numeric', { nullable: true })
  slippageProxy!: string | null;

  @ApiProperty({ type: Number, nullable: true })
  @Column('integer', { nullable: true })
  rank!: number | null;

  @ApiProperty({ type: String, format: 'date-time' })
  @Column('timestamptz', { default: () => 'now()' })
  snapshotAt!: Date;

  @ApiProperty({ description: 'JSON value', nullable: true })
  @Column('jsonb', { nullable: true })
  details!: unknown | null;
}
