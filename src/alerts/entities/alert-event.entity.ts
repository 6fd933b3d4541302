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
import { AlertRule } from './alert-rule.entity';
import { PlatformTable } from '../../auth/policy/table-access';

@PlatformTable()
@Entity('alert_events')
@Index('alert_events_rule_id_idx', ['ruleId'])
@Index('alert_events_created_at_idx', ['createdAt'])
export class AlertEvent {
  @ApiProperty({ format: 'uuid' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ApiProperty({ format: 'uuid' })
  @Column('uuid')
  ruleId!: string;

  @ManyToOne(() => AlertRule, (parent) => parent.events, {
    onDelete: 'CASCADE',
    onUpdate: 'CASCADE',
    nullable: false,
  })
  @JoinColumn({ name: 'rule_id' })
  rule?: Relation<AlertRule>;

  @ApiProperty({ type: String })
  @Column('text')
  ruleName!: string;

  @ApiProperty({ type: String })
  @Column('text')
  ruleType!: string;

  @ApiProperty({ type: String, description: 'decimal' })
  @Column('numeric')
  triggeredValue!: string;

  @ApiProperty({ type: String, description: 'decimal' })
  @Column('numeric')
  threshold!: string;

  @ApiProperty({ type: String })
  @Column('text', { default: 'triggered' })
  status!: string;

  @ApiProperty({ type: Boolean, nullable: true })
  @Column('boolean', { default: false, nullable: true })
  webhookSent!: boolean | null;

  @ApiProperty({ type: String, nullable: true })
  @Column('text', { nullable: true })
  webhookResponse!: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
