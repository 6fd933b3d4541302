import { ApiProperty } from '@nestjs/swagger';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  OneToMany,
  PrimaryGeneratedColumn,
  Relation,
} from 'typeorm';
import { DebateMessage } from './debate-message.entity';
import { PlatformTable } from '../../auth/policy/table-access';

@PlatformTable()
@Entity('debate_sessions')
@Index('debate_sessions_trace_id_idx', ['traceId'])
@Index('debate_sessions_status_idx', ['status'])
@Index('debate_sessions_created_at_idx', ['createdAt'])
export class DebateSession {
  @ApiProperty({ format: 'uuid' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ApiProperty({ type: String })
  @Column('text')
  traceId!: string;

  @ApiProperty({ format: 'uuid', nullable: true })
  @Column('uuid', { nullable: true })
  strategyVersionId!: string | null;

  @ApiProperty({ type: [String] })
  @Column('text', { array: true })
  symbols!: string[];

  @ApiProperty({ type: String })
  @Column('text', { default: 'pending' })
  status!: string;

  @ApiProperty({ type: String, nullable: true })
  @Column('text', { nullable: true })
  triggeredBy!: string | null;

  @ApiProperty({ description: 'JSON value', nullable: true })
  @Column('jsonb', { nullable: true })
  marketContext!: unknown | null;

  @ApiProperty({ description: 'JSON value', nullable: true })
  @Column('jsonb', { nullable: true })
  config!: unknown | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  @Column('timestamptz', { nullable: true })
  startedAt!: Date | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  @Column('timestamptz', { nullable: true })
  completedAt!: Date | null;

  @ApiProperty({ type: Number, nullable: true })
  @Column('integer', { nullable: true })
  durationMs!: number | null;

  @ApiProperty({ type: String, description: 'decimal', nullable: true })
  @Column('numeric', { nullable: true })
  totalCost!: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @OneToMany(() => DebateMessage, (child) => child.session)
  messages?: Relation<DebateMessage>[];
}
