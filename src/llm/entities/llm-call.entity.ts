import { ApiProperty } from '@nestjs/swagger';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { PlatformTable } from '../../auth/policy/table-access';

@PlatformTable()
@Entity('llm_calls')
export class LlmCall {
  @ApiProperty({ format: 'uuid' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ApiProperty({ type: String })
  @Column('text')
  role!: string;

  @ApiProperty({ type: String })
  @Column('text')
  provider!: string;

  @ApiProperty({ type: String })
  @Column('text')
  model!: string;

  @ApiProperty({ type: Number, nullable: true })
  @Column('integer', { nullable: true })
  promptTokens!: number | null;

  @ApiProperty({ type: Number, nullable: true })
  @Column('integer', { nullable: true })
  completionTokens!: number | null;

  @ApiProperty({ type: Number, nullable: true })
  @Column('integer', { nullable: true })
  totalTokens!: number | null;

  @ApiProperty({ type: String, description: 'decimal', nullable: true })
  @Column('numeric', { nullable: true })
  estimatedCost!: string | null;

  @ApiProperty({ type: Number, nullable: true })
  @Column('integer', { nullable: true })
  latencyMs!: number | null;

  @ApiProperty({ type: String })
  @Column('text', { default: 'success' })
  status!: string;

  @ApiProperty({ type: String, nullable: true })
  @Column('text', { nullable: true })
  errorMessage!: string | null;

  @ApiProperty({ type: String, nullable: true })
  @Column('text', { nullable: true })
  systemPrompt!: string | null;

  @ApiProperty({ type: String, nullable: true })
  @Column('text', { nullable: true })
  userPrompt!: string | null;

  @ApiProperty({ type: String, nullable: true })
  @Column('text', { nullable: true })
  response!: string | null;

  @ApiProperty({ type: Boolean })
  @Column('boolean', { default: false })
  cacheHit!: boolean;

  @ApiProperty({ type: Boolean })
  @Column('boolean', { default: false })
  fallbackUsed!: boolean;

  @ApiProperty({ type: String, nullable: true })
  @Column('text', { nullable: true })
  fallbackReason!: string | null;

  @ApiProperty({ type: String, nullable: true })
  @Column('text', { nullable: true })
  traceId!: string | null;

  @ApiProperty({ type: String, nullable: true })
  @Column('text', { nullable: true })
  criticality!: string | null;

  @ApiProperty({ type: String, nullable: true })
  @Column('text', { nullable: true })
  purpose!: string | null;

  @ApiProperty({ type: String, nullable: true })
  @Column('text', { nullable: true })
  metadata!: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
