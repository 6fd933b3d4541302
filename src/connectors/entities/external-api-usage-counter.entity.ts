import { ApiProperty } from '@nestjs/swagger';
import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { PlatformTable } from '../../auth/policy/table-access';

@PlatformTable()
@Entity('external_api_usage_counters')
export class ExternalApiUsageCounter {
  @ApiProperty({ format: 'uuid' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ApiProperty({ type: String })
  @Column('text')
  provider!: string;

  @ApiProperty({ type: String })
  @Column('text')
  windowType!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  @Column('timestamptz')
  windowStart!: Date;

  @ApiProperty({ type: String, format: 'date-time' })
  @Column('timestamptz')
  windowEnd!: Date;

  @ApiProperty({ type: Number })
  @Column('integer', { default: 0 })
  requestCount!: number;

  @ApiProperty({ type: Number, nullable: true })
  @Column('integer', { default: 0, nullable: true })
  tokenCount!: number | null;

  @ApiProperty({ type: Number })
  @Column('integer', { default: 0 })
  errorCount!: number;

  @ApiProperty({ type: Number })
  @Column('integer', { default: 0 })
  rateLimitHits!: number;

  @ApiProperty({ type: Number })
  @Column('integer', { default: 0 })
  cacheHits!: number;

  @ApiProperty({ type: Number })
  @Column('integer', { default: 0 })
  cacheMisses!: number;

  @ApiProperty({ type: String, description: 'decimal', nullable: true })
  @Column('numeric', { nullable: true })
  avgLatencyMs!: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @ApiProperty({ type: String, format: 'date-time' })
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
