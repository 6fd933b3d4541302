import { ApiProperty } from '@nestjs/swagger';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { PlatformTable } from '../../auth/policy/table-access';

@PlatformTable()
@Entity('ai_agent_profiles')
@Unique('ai_agent_profiles_name_unique', ['name'])
@Index('ai_agent_profiles_status_idx', ['status'])
@Index('ai_agent_profiles_role_idx', ['role'])
@Index('ai_agent_profiles_mode_idx', ['mode'])
export class AiAgentProfile {
  @ApiProperty({ format: 'uuid' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ApiProperty({ type: String })
  @Column('text')
  name!: string;

  @ApiProperty({ type: String, nullable: true })
  @Column('text', { nullable: true })
  description!: string | null;

  @ApiProperty({ type: String })
  @Column('text')
  provider!: string;

  @ApiProperty({ type: String })
  @Column('text')
  model!: string;

  @ApiProperty({ type: String })
  @Column('text')
  role!: string;

  @ApiProperty({ type: String })
  @Column('text', { default: 'cheap_first' })
  mode!: string;

  @ApiProperty({ type: String, description: 'decimal', nullable: true })
  @Column('numeric', { default: () => '0.7', nullable: true })
  temperature!: string | null;

  @ApiProperty({ type: Number, nullable: true })
  @Column('integer', { default: 2000, nullable: true })
  maxTokens!: number | null;

  @ApiProperty({ type: String, nullable: true })
  @Column('text', { nullable: true })
  promptTemplateId!: string | null;

  @ApiProperty({ description: 'JSON value', nullable: true })
  @Column('jsonb', { nullable: true })
  toolPolicy!: unknown | null;

  @ApiProperty({ type: String, description: 'decimal', nullable: true })
  @Column('numeric', { nullable: true })
  budgetLimitPerDay!: string | null;

  @ApiProperty({ type: String, description: 'decimal', nullable: true })
  @Column('numeric', { nullable: true })
  budgetLimitPerRun!: string | null;

  @ApiProperty({ type: Number, nullable: true })
  @Column('integer', { default: 0, nullable: true })
  priority!: number | null;

  @ApiProperty({ type: String })
  @Column('text', { default: 'active' })
  status!: string;

  @ApiProperty({ type: Number })
  @Column('integer', { default: 0 })
  totalCalls!: number;

  @ApiProperty({ type: Number })
  @Column('integer', { default: 0 })
  totalTokens!: number;

  @ApiProperty({ type: String, description: 'decimal' })
  @Column('numeric', { default: 0 })
  totalCostUsd!: string;

  @ApiProperty({ type: String, description: 'decimal', nullable: true })
  @Column('numeric', { nullable: true })
  avgLatencyMs!: string | null;

  @ApiProperty({ type: String, description: 'decimal', nullable: true })
  @Column('numeric', { nullable: true })
  successRate!: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @ApiProperty({ type: String, format: 'date-time' })
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
