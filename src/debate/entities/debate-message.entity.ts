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
@Entity('debate_messages')
@Index('debate_messages_session_id_idx', ['sessionId'])
@Index('debate_messages_role_idx', ['role'])
export class DebateMessage {
  @ApiProperty({ format: 'uuid' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ApiProperty({ format: 'uuid' })
  @Column('uuid')
  sessionId!: string;

  @ManyToOne(() => DebateSession, (parent) => parent.messages, {
    onDelete: 'CASCADE',
    onUpdate: 'CASCADE',
    nullable: false,
  })
  @JoinColumn({ name: 'session_id' })
  session?: Relation<DebateSession>;

  @ApiProperty({ type: String })
  @Column('text')
  role!: string;

  @ApiProperty({ type: String, nullable: true })
  @Column('text', { nullable: true })
  stance!: string | null;

  @ApiProperty({ type: String, description: 'decimal', nullable: true })
  @Column('numeric', { nullable: true })
  confidence!: string | null;

  @ApiProperty({ description: 'JSON value', nullable: true })
  @Column('jsonb', { nullable: true })
  keySignals!: unknown | null;

  @ApiProperty({ description: 'JSON value', nullable: true })
  @Column('jsonb', { nullable: true })
  risks!: unknown | null;

  @ApiProperty({ description: 'JSON value', nullable: true })
  @Column('jsonb', { nullable: true })
  invalidationPoints!: unknown | null;

  @ApiProperty({ type: String, nullable: true })
  @Column('text', { nullable: true })
  proposedAction!: string | null;

  @ApiProperty({ description: 'JSON value', nullable: true })
  @Column('jsonb', { nullable: true })
  proposedOrder!: unknown | null;

  @ApiProperty({ description: 'JSON value', nullable: true })
  @Column('jsonb', { nullable: true })
  evidenceRefs!: unknown | null;

  @ApiProperty({ type: String, nullable: true })
  @Column('text', { nullable: true })
  rawOutput!: string | null;

  @ApiProperty({ type: String, nullable: true })
  @Column('text', { nullable: true })
  provider!: string | null;

  @ApiProperty({ type: String, nullable: true })
  @Column('text', { nullable: true })
  model!: string | null;

  @ApiProperty({ type: Number, nullable: true })
  @Column('integer', { nullable: true })
  tokensUsed!: number | null;

  @ApiProperty({ type: String, description: 'decimal', nullable: true })
  @Column('numeric', { nullable: true })
  estimatedCost!: string | null;

  @ApiProperty({ type: Number, nullable: true })
  @Column('integer', { nullable: true })
  latencyMs!: number | null;

  @ApiProperty({ type: String, format: 'date-time' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
