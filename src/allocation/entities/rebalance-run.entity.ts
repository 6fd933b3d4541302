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
import { AllocationPolicy } from './allocation-policy.entity';
import { PlatformTable } from '../../auth/policy/table-access';

@PlatformTable()
@Entity('rebalance_runs')
@Index('rebalance_runs_trace_id_idx', ['traceId'])
@Index('rebalance_runs_status_idx', ['status'])
@Index('rebalance_runs_policy_id_idx', ['policyId'])
export class RebalanceRun {
  @ApiProperty({ format: 'uuid' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ApiProperty({ format: 'uuid', nullable: true })
  @Column('uuid', { nullable: true })
  policyId!: string | null;

  @ManyToOne(() => AllocationPolicy, { onDelete: 'CASCADE', onUpdate: 'CASCADE' })
  @JoinColumn({ name: 'policy_id' })
  policy?: Relation<AllocationPolicy> | null;

  @ApiProperty({ type: String })
  @Column('text')
  traceId!: string;

  @ApiProperty({ type: String })
  @Column('text', { default: 'pending' })
  status!: string;

  @ApiProperty({ type: String })
  @Column('text')
  triggerType!: string;

  @ApiProperty({ description: 'JSON value', nullable: true })
  @Column('jsonb', { nullable: true })
  inputSnapshot!: unknown | null;

  @ApiProperty({ description: 'JSON value', nullable: true })
  @Column('jsonb', { nullable: true })
  orderIntents!: unknown | null;

  @ApiProperty({ description: 'JSON value', nullable: true })
  @Column('jsonb', { nullable: true })
  executedOrders!: unknown | null;

  @ApiProperty({ type: String, nullable: true })
  @Column('text', { nullable: true })
  rationale!: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  @Column('timestamptz', { default: () => 'now()' })
  startedAt!: Date;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  @Column('timestamptz', { nullable: true })
  completedAt!: Date | null;
}
