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
  Unique,
} from 'typeorm';
import { DebateSession } from './debate-session.entity';
import { WorkItem } from '../../work-items/entities/work-item.entity';
import { PlatformTable } from '../../auth/policy/table-access';

@PlatformTable()
@Entity('debate_consensus')
@Unique('debate_consensus_session_id_unique', ['sessionId'])
@Index('debate_consensus_session_id_idx', ['sessionId'])
@Index('debate_consensus_work_item_id_idx', ['workItemId'])
export class DebateConsensus {
  @ApiProperty({ format: 'uuid' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ApiProperty({ format: 'uuid' })
  @Column('uuid')
  sessionId!: string;

  @ManyToOne(() => DebateSession, { onDelete: 'CASCADE', onUpdate: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'session_id' })
  session?: Relation<DebateSession>;

  @ApiProperty({ type: String })
  @Column('text')
  decision!: string;

  @ApiProperty({ description: 'JSON value', nullable: true })
  @Column('jsonb', { nullable: true })
  orderIntent!: unknown | null;

  @ApiProperty({ type: String, nullable: true })
  @Column('text', { nullable: true })
  reasonsSummary!: string | null;

  @ApiProperty({ description: 'JSON value', nullable: true })
  @Column('jsonb', { nullable: true })
  riskChecks!: unknown | null;

  @ApiProperty({ type: String, description: 'decimal', nullable: true })
  @Column('numeric', { nullable: true })
  confidence!: string | null;

  @ApiProperty({ description: 'JSON value', nullable: true })
  @Column('jsonb', { nullable: true })
  dissent!: unknown | null;

  @ApiProperty({ format: 'uuid', nullable: true })
  @Column('uuid', { nullable: true })
  workItemId!: string | null;

  @ManyToOne(() => WorkItem, { onDelete: 'CASCADE', onUpdate: 'CASCADE' })
  @JoinColumn({ name: 'work_item_id' })
  workItem?: Relation<WorkItem> | null;

  @ApiProperty({ type: String, nullable: true })
  @Column('text', { nullable: true })
  brokerOrderId!: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
