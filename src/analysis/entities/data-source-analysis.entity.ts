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
import { AiDecision } from '../../ai-decisions/entities/ai-decision.entity';
import { ChildTable } from '../../auth/policy/table-access';

@ChildTable(() => AiDecision, 'decision_id', { unlinkedIsPlatform: true })
@Entity('data_source_analysis')
@Index('data_source_analysis_decision_id_idx', ['decisionId'])
@Index('data_source_analysis_symbol_idx', ['symbol'])
@Index('data_source_analysis_source_idx', ['source'])
@Index('data_source_analysis_created_at_idx', ['createdAt'])
export class DataSourceAnalysis {
  @ApiProperty({ format: 'uuid' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ApiProperty({ format: 'uuid', nullable: true })
  @Column('uuid', { nullable: true })
  decisionId!: string | null;

  @ManyToOne(() => AiDecision, { onDelete: 'CASCADE', onUpdate: 'CASCADE' })
  @JoinColumn({ name: 'decision_id' })
  decision?: Relation<AiDecision> | null;

  @ApiProperty({ type: String })
  @Column('text')
  symbol!: string;

  @ApiProperty({ type: String })
  @Column('text')
  source!: string;

  @ApiProperty({ type: String })
  @Column('text')
  analysisType!: string;

  @ApiProperty({ description: 'JSON value' })
  @Column('jsonb')
  dataJson!: unknown;

  @ApiProperty({ type: String, description: 'decimal', nullable: true })
  @Column('numeric', { nullable: true })
  score!: string | null;

  @ApiProperty({ type: String, nullable: true })
  @Column('text', { nullable: true })
  signal!: string | null;

  @ApiProperty({ type: String, description: 'decimal', nullable: true })
  @Column('numeric', { nullable: true })
  confidence!: string | null;

  @ApiProperty({ type: String, description: 'decimal', nullable: true })
  @Column('numeric', { nullable: true })
  reliability!: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
