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
@Entity('connector_metrics')
@Unique('connector_metrics_connector_endpoint_date_unique', ['connector', 'endpoint', 'date'])
@Index('connector_metrics_connector_idx', ['connector'])
@Index('connector_metrics_date_idx', ['date'])
export class ConnectorMetrics {
  @ApiProperty({ format: 'uuid' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ApiProperty({ type: String })
  @Column('text')
  connector!: string;

  @ApiProperty({ type: String })
  @Column('text')
  endpoint!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  @Column('timestamptz', { default: () => 'now()' })
  date!: Date;

  @ApiProperty({ type: Number })
  @Column('integer', { default: 0 })
  totalRequests!: number;

  @ApiProperty({ type: Number })
  @Column('integer', { default: 0 })
  successCount!: number;

  @ApiProperty({ type: Number })
  @Column('integer', { default: 0 })
  failureCount!: number;

  @ApiProperty({ type: Number })
  @Column('integer', { default: 0 })
  cacheHits!: number;

  @ApiProperty({ type: Number })
  @Column('integer', { default: 0 })
  cacheMisses!: number;

  @ApiProperty({ type: Number })
  @Column('integer', { default: 0 })
  rateLimitHits!: number;

  @ApiProperty({ type: Number })
  @Column('integer', { default: 0 })
  fallbackUsed!: number;

  @ApiProperty({ type: String, description: 'decimal', nullable: true })
  @Column('numeric', { nullable: true })
  avgLatencyMs!: string | null;

  @ApiProperty({ type: String, description: 'decimal', nullable: true })
  @Column('numeric', { nullable: true })
  p50LatencyMs!: string | null;

  @ApiProperty({ type: String, description: 'decimal', nullable: true })
  @Column('numeric', { nullable: true })
  p95LatencyMs!: string | null;

  @ApiProperty({ type: String, description: 'decimal', nullable: true })
  @Column('numeric', { nullable: true })
  p99LatencyMs!: string | null;

  @ApiProperty({ type: String, nullable: true })
  @Column('text', { nullable: true })
  lastError!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  @Column('timestamptz', { nullable: true })
  lastErrorAt!: Date | null;

  @ApiProperty({ type: String, format: 'date-time' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @ApiProperty({ type: String, format: 'date-time' })
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
