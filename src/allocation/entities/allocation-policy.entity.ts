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
import { PlatformTable } from '../../auth/policy/table-access';

@PlatformTable()
@Entity('allocation_policies')
@Unique('allocation_policies_name_unique', ['name'])
@Index('allocation_policies_active_idx', ['isActive'])
@Index('allocation_policies_created_by_idx', ['createdBy'])
export class AllocationPolicy {
  @ApiProperty({ format: 'uuid' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ApiProperty({ type: String })
  @Column('text')
  name!: string;

  @ApiProperty({ type: String, nullable: true })
  @Column('text', { nullable: true })
  description!: string | null;

  @ApiProperty({ type: Boolean })
  @Column('boolean', { default: false })
  isActive!: boolean;

  @ApiProperty({ type: String, description: 'decimal', nullable: true })
  @Column('numeric', { default: 8, nullable: true })
  maxPositionWeightPct!: string | null;

  @ApiProperty({ type: String, description: 'decimal', nullable: true })
  @Column('numeric', { default: 25, nullable: true })
  maxSectorWeightPct!: string | null;

  @ApiProperty({ type: String, nullable: true })
  @Column('text', { default: 'B', nullable: true })
  minLiquidityTier!: string | null;

  @ApiProperty({ type: String, description: 'decimal', nullable: true })
  @Column('numeric', { default: 20, nullable: true })
  profitTakingThresholdPct!: string | null;

  @ApiProperty({ type: String, description: 'decimal', nullable: true })
  @Column('numeric', { default: 50, nullable: true })
  overweightThresholdPct!: string | null;

  @ApiProperty({ type: Number, nullable: true })
  @Column('integer', { default: 10, nullable: true })
  rotationTopN!: number | null;

  @ApiProperty({ type: String, nullable: true })
  @Column('text', { default: 'daily', nullable: true })
  rebalanceFrequency!: string | null;

  @ApiProperty({ format: 'uuid', nullable: true })
  @Column('uuid', { nullable: true })
  createdBy!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL', onUpdate: 'CASCADE' })
  @JoinColumn({ name: 'created_by' })
  createdByUser?: Relation<User> | null;

  @ApiProperty({ type: String, format: 'date-time' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @ApiProperty({ type: String, format: 'date-time' })
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
