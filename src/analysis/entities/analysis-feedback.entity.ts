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
import { AiTradeOutcome } from '../../ai-decisions/entities/ai-trade-outcome.entity';
import { DataSourceAnalysis } from './data-source-analysis.entity';
import { ChildTable } from '../../auth/policy/table-access';

@ChildTable(() => DataSourceAnalysis, 'data_source_analysis_id')
@Entity('analysis_feedback')
@Index('analysis_feedback_source_idx', ['source'])
@Index('analysis_feedback_symbol_idx', ['symbol'])
@Index('analysis_feedback_created_at_idx', ['createdAt'])
@Index('analysis_feedback_data_source_analysis_id_idx', ['dataSourceAnalysisId'])
@Index('analysis_feedback_trade_outcome_id_idx', ['tradeOutcomeId'])
export class AnalysisFeedback {
  @ApiProperty({ format: 'uuid' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ApiProperty({ format: 'uuid', nullable: true })
  @Column('uuid', { nullable: true })
  dataSourceAnalysisId!: string | null;

  @ManyToOne(() => DataSourceAnalysis, { onDelete: 'CASCADE', onUpdate: 'CASCADE' })
  @JoinColumn({ name: 'data_source_analysis_id' })
  dataSourceAnalysis?: Relation<DataSourceAnalysis> | null;

  @ApiProperty({ format: 'uuid', nullable: true })
  @Column('uuid', { nullable: true })
  tradeOutcomeId!: string | null;

  @ManyToOne(() => AiTradeOutcome, { onDelete: 'CASCADE', onUpdate: 'CASCADE' })
  @JoinColumn({ name: 'trade_outcome_id' })
  tradeOutcome?: Relation<AiTradeOutcome> | null;

  @ApiProperty({ type: String })
  @Column('text')
  symbol!: string;

  @ApiProperty({ type: String })
  @Column('text')
  source!: string;

  @ApiProperty({ type: String, nullable: true })
  @Column('text', { nullable: true })
  signalAtEntry!: string | null;

  @ApiProperty({ type: String, description: 'decimal', nullable: true })
  @Column('numeric', { nullable: true })
  confidenceAtEntry!: string | null;

  @ApiProperty({ type: String, nullable: true })
  @Column('text', { nullable: true })
  tradeResult!: string | null;

  @ApiProperty({ type: String, description: 'decimal', nullable: true })
  @Column('numeric', { nullable: true })
  pnlPercent!: string | null;

  @ApiProperty({ type: Boolean, nullable: true })
  @Column('boolean', { nullable: true })
  signalAccuracy!: boolean | null;

  @ApiProperty({ type: Number, nullable: true })
  @Column('integer', { nullable: true })
  holdingTimeMs!: number | null;

  @ApiProperty({ type: String, format: 'date-time' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
