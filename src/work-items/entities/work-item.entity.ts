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
  UpdateDateColumn,
} from 'typeorm';
import { AiDecision } from '../../ai-decisions/entities/ai-decision.entity';
import { WorkItemRun } from './work-item-run.entity';
import { ChildTable } from '../../auth/policy/table-access';

@ChildTable(() => AiDecision, 'decision_id', { unlinkedIsPlatform: true })
@Entity('work_items')
// An idempotency key is unique per owner (the decision's user) and, separately, among platform
// items (no decision): a user can neither see nor take the keys of the platform's scheduler.
@Index('work_items_owner_id_idempotency_key_unique', ['ownerId', 'idempotencyKey'], {
  unique: true,
  where: '"decision_id" IS NOT NULL',
})
@Index('work_items_platform_idempotency_key_unique', ['idempotencyKey'], {
  unique: true,
  where: '"decision_id" IS NULL',
})
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

  /**
   * The decision's user, copied by the database (trigger work_items_set_owner, followed when the
   * decision's user changes; see migrations/1797500001000-TenantScopedKeys.ts); NULL for a
   * platform item. It scopes the idempotency key; the access policy still follows decision_id.
   */
  @Column('uuid', { nullable: true, select: false })
  ownerId!: string | null;

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
