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
  UpdateDateColumn,
} from 'typeorm';
import { AiDecision } from '../../ai-decisions/entities/ai-decision.entity';
import { WorkItemRun } from './work-item-run.entity';
import { ChildTable } from '../../auth/policy/table-access';

@ChildTable(() => AiDecision, 'decision_id', { unlinkedIsPlatform: true })
@Entity('work_items')
@Unique('work_items_idempotency_key_unique', ['idempotencyKey'])
@Index('work_items_decision_id_idx', ['decisionId'])
export class WorkItem {
  @ApiProperty({ format: 'uuid' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ApiProperty({ type: String })
  @Column('text')
  type!: string;

  @ApiProperty({ type: String })
  @Column('text', { default: 'PENDING' })
  status!: string;

  @ApiProperty({ type: Number })
  @Column('integer', { default: 0 })
  attempts!: number;

  @ApiProperty({ type: Number })
  @Column('integer', { default: 3 })
  maxAttempts!: number;

  @ApiProperty({ type: String, format: 'date-time' })
  @Column('timestamptz', { default: () => 'now()' })
  nextRunAt!: Date;

  @ApiProperty({ type: String, nullable: true })
  @Column('text', { nullable: true })
  lastError!: string | null;

  @ApiProperty({ type: String, nullable: true })
  @Column('text', { nullable: true })
  payload!: string | null;

  @ApiProperty({ type: String, nullable: true })
  @Column('text', { nullable: true })
  idempotencyKey!: string | null;

  @ApiProperty({ format: 'uuid', nullable: true })
  @Column('uuid', { nullable: true })
  decisionId!: string | null;

  @ManyToOne(() => AiDecision, { onDelete: 'CASCADE', onUpdate: 'CASCADE' })
  @JoinColumn({ name: 'decision_id' })
  decision?: Relation<AiDecision> | null;

  @ApiProperty({ type: String, nullable: true })
  @Column('text', { nullable: true })
  brokerOrderId!: string | null;

  @ApiProperty({ type: String, nullable: true })
  @Column('text', { nullable: true })
  symbol!: string | null;

  @ApiProperty({ type: String, nullable: true })
  @Column('text', { nullable: true })
  result!: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @ApiProperty({ type: String, format: 'date-time' })
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @OneToMany(() => WorkItemRun, (child) => child.workItem)
  runs?: Relation<WorkItemRun>[];
}
