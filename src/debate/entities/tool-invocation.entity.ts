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
import { DebateSession } from './debate-session.entity';
import { PlatformTable } from '../../auth/policy/table-access';

@PlatformTable()
@Entity('tool_invocations')
@Index('tool_invocations_trace_id_idx', ['traceId'])
@Index('tool_invocations_tool_name_idx', ['toolName'])
@Index('tool_invocations_created_at_idx', ['createdAt'])
@Index('tool_invocations_session_id_idx', ['debateSessionId'])
export class ToolInvocation {
  @ApiProperty({ format: 'uuid' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ApiProperty({ type: String })
  @Column('text')
  traceId!: string;

  @ApiProperty({ type: String })
  @Column('text')
  toolName!: string;

  @ApiProperty({ type: String })
  @Column('text')
  category!: string;

  @ApiProperty({ description: 'JSON value', nullable: true })
  @Column('jsonb', { nullable: true })
  inputParams!: unknown | null;

  @ApiProperty({ description: 'JSON value', nullable: true })
  @Column('jsonb', { nullable: true })
  outputResult!: unknown | null;

  @ApiProperty({ type: String })
  @Column('text', { default: 'pending' })
  status!: string;

  @ApiProperty({ type: String, nullable: true })
  @Column('text', { nullable: true })
  errorMessage!: string | null;

  @ApiProperty({ type: Boolean })
  @Column('boolean', { default: false })
  cacheHit!: boolean;

  @ApiProperty({ type: Number, nullable: true })
  @Column('integer', { nullable: true })
  latencyMs!: number | null;

  @ApiProperty({ type: String, nullable: true })
  @Column('text', { nullable: true })
  callerRole!: string | null;

  @ApiProperty({ format: 'uuid', nullable: true })
  @Column('uuid', { nullable: true })
  debateSessionId!: string | null;

  @ManyToOne(() => DebateSession, { onDelete: 'CASCADE', onUpdate: 'CASCADE' })
  @JoinColumn({ name: 'debate_session_id' })
  debateSession?: Relation<DebateSession> | null;

  @ApiProperty({ type: String, format: 'date-time' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
