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
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { User } from '../../users/entities/user.entity';
import { AdminTable } from '../../auth/policy/table-access';

@AdminTable()
@Entity('admin_settings')
@Unique('admin_settings_namespace_key_unique', ['namespace', 'key'])
@Index('admin_settings_namespace_idx', ['namespace'])
@Index('admin_settings_key_idx', ['key'])
@Index('admin_settings_updated_by_idx', ['updatedBy'])
export class AdminSetting {
  @ApiProperty({ format: 'uuid' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ApiProperty({ type: String })
  @Column('text')
  namespace!: string;

  @ApiProperty({ type: String })
  @Column('text')
  key!: string;

  @ApiProperty({ description: 'JSON value' })
  @Column('jsonb')
  value!: unknown;

  @ApiProperty({ type: String, nullable: true })
  @Column('text', { nullable: true })
  description!: string | null;

  @ApiProperty({ type: Boolean })
  @Column('boolean', { default: false })
  isSecret!: boolean;

  @ApiProperty({ type: Boolean })
  @Column('boolean', { default: false })
  isReadOnly!: boolean;

  @ApiProperty({ format: 'uuid', nullable: true })
  @Column('uuid', { nullable: true })
  updatedBy!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL', onUpdate: 'CASCADE' })
  @JoinColumn({ name: 'updated_by' })
  updatedByUser?: Relation<User> | null;

  @ApiProperty({ type: String, format: 'date-time' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @ApiProperty({ type: String, format: 'date-time' })
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
