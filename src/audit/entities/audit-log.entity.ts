import { ApiProperty } from '@nestjs/swagger';
import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  Relation,
} from 'typeorm';
import { User } from '../../users/entities/user.entity';
import { AdminTable } from '../../auth/policy/table-access';

/**
 * Partitioned by month on `timestamp` (migration AuditLogPartitions): the partitions live in
 * schema `partitions`, expired months are dropped whole by the maintenance job. A partitioned
 * table's primary key must contain the partition key, hence (id, timestamp).
 */
@AdminTable()
@Entity('audit_logs')
@Index('audit_logs_user_id_idx', ['userId'])
@Index('audit_logs_api_key_id_idx', ['apiKeyId'])
@Index('audit_logs_action_idx', ['action'])
@Index('audit_logs_resource_idx', ['resource'])
@Index('audit_logs_timestamp_idx', ['timestamp'])
export class AuditLog {
  @ApiProperty({ format: 'uuid' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ApiProperty({ format: 'uuid', nullable: true })
  @Column('uuid', { nullable: true })
  userId!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL', onUpdate: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User> | null;

  @ApiProperty({ type: String, nullable: true })
  @Column('text', { nullable: true })
  username!: string | null;

  /** The API key of a service caller (kept after the key is revoked, hence no foreign key). */
  @ApiProperty({ format: 'uuid', nullable: true })
  @Column('uuid', { nullable: true })
  apiKeyId!: string | null;

  @ApiProperty({ type: String, nullable: true })
  @Column('text', { nullable: true })
  apiKeyName!: string | null;

  @ApiProperty({ type: String })
  @Column('text')
  action!: string;

  @ApiProperty({ type: String })
  @Column('text')
  resource!: string;

  @ApiProperty({ type: String, nullable: true })
  @Column('text', { nullable: true })
  resourceId!: string | null;

  @ApiProperty({ type: String })
  @Column('text')
  method!: string;

  @ApiProperty({ type: String })
  @Column('text')
  path!: string;

  @ApiProperty({ type: String, nullable: true })
  @Column('text', { nullable: true })
  ipAddress!: string | null;

  @ApiProperty({ type: String, nullable: true })
  @Column('text', { nullable: true })
  userAgent!: string | null;

  @ApiProperty({ description: 'JSON value', nullable: true })
  @Column('jsonb', { nullable: true })
  requestBody!: unknown | null;

  @ApiProperty({ type: Number, nullable: true })
  @Column('integer', { nullable: true })
  responseStatus!: number | null;

  @ApiProperty({ type: String, nullable: true })
  @Column('text', { nullable: true })
  errorMessage!: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  @PrimaryColumn('timestamptz', { default: () => 'now()' })
  timestamp!: Date;
}
