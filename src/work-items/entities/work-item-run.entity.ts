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
import { WorkItem } from './work-item.entity';
import { ChildTable } from '../../auth/policy/table-access';

@ChildTable(() => WorkItem, 'work_item_id')
@Entity('work_item_runs')
@Index('work_item_runs_work_item_id_idx', ['workItemId'])
export class WorkItemRun {
  @ApiProperty({ format: 'uuid' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ApiProperty({ format: 'uuid' })
  @Column('uuid')
  workItemId!: string;

  @ManyToOne(() => WorkItem, (parent) => parent.runs, {
    onDelete: 'CASCADE',
    onUpdate: 'CASCADE',
    nullable: false,
  })
  @JoinColumn({ name: 'work_item_id' })
  workItem?: Relation<WorkItem>;

  @ApiProperty({ type: Number })
  @Column('integer')
  attemptNumber!: number;

  @ApiProperty({ type: String, format: 'date-time' })
  @Column('timestamptz', { default: () => 'now()' })
  startedAt!: Date;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  @Column('timestamptz', { nullable: true })
  completedAt!: Date | null;

  @ApiProperty({ type: String })
  @Column('text', { default: 'RUNNING' })
  status!: string;

  @ApiProperty({ type: String, nullable: true })
  @Column('text', { nullable: true })
  error!: string | null;

  @ApiProperty({ type: Number, nullable: true })
  @Column('integer', { nullable: true })
  durationMs!: number | null;

  @ApiProperty({ type: String, format: 'date-time' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
