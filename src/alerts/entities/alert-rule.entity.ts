import { ApiProperty } from '@nestjs/swagger';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  OneToMany,
  PrimaryGeneratedColumn,
  Relation,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { AlertEvent } from './alert-event.entity';
import { PlatformTable } from '../../auth/policy/table-access';

@PlatformTable()
@Entity('alert_rules')
@Unique('alert_rules_name_unique', ['name'])
@Index('alert_rules_enabled_idx', ['enabled'])
@Index('alert_rules_type_idx', ['ruleType'])
export class AlertRule {
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
  ruleType!: string;

  @ApiProperty({ description: 'JSON value' })
  @Column('jsonb')
  condition!: unknown;

  @ApiProperty({ type: String, description: 'decimal' })
  @Column('numeric')
  threshold!: string;

  @ApiProperty({ type: Boolean })
  @Column('boolean', { default: true })
  enabled!: boolean;

  @ApiProperty({ type: String, nullable: true })
  @Column('text', { nullable: true })
  webhookUrl!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  @Column('timestamptz', { nullable: true })
  lastTriggeredAt!: Date | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  @Column('timestamptz', { nullable: true })
  lastCheckedAt!: Date | null;

  @ApiProperty({ type: String, format: 'date-time' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @ApiProperty({ type: String, format: 'date-time' })
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @OneToMany(() => AlertEvent, (child) => child.rule)
  events?: Relation<AlertEvent>[];
}
