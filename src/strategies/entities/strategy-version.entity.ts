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
} from 'typeorm';
import { Strategy } from './strategy.entity';
import { PlatformTable } from '../../auth/policy/table-access';

@PlatformTable()
@Entity('strategy_versions')
// At most one active version per strategy: a partial unique index (migration AccessPolicyIndexes);
// declared here only so the CLI does not drop it.
@Index('strategy_versions_one_active', { synchronize: false })
@Unique('strategy_versions_unique', ['strategyId', 'version'])
@Index('strategy_versions_strategy_id_idx', ['strategyId'])
@Index('strategy_versions_status_idx', ['status'])
export class StrategyVersion {
  @ApiProperty({ format: 'uuid' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ApiProperty({ format: 'uuid' })
  @Column('uuid')
  strategyId!: string;

  @ManyToOne(() => Strategy, (parent) => parent.versions, {
    onDelete: 'CASCADE',
    onUpdate: 'CASCADE',
    nullable: false,
  })
  @JoinColumn({ name: 'strategy_id' })
  strategy?: Relation<Strategy>;

  @ApiProperty({ type: Number })
  @Column('integer')
  version!: number;

  @ApiProperty({ type: String })
  @Column('text')
  name!: string;

  @ApiProperty({ description: 'JSON value' })
  @Column('jsonb')
  spec!: unknown;

  @ApiProperty({ description: 'JSON value', nullable: true })
  @Column('jsonb', { nullable: true })
  universeConfig!: unknown | null;

  @ApiProperty({ description: 'JSON value', nullable: true })
  @Column('jsonb', { nullable: true })
  signalsConfig!: unknown | null;

  @ApiProperty({ description: 'JSON value', nullable: true })
  @Column('jsonb', { nullable: true })
  riskConfig!: unknown | null;

  @ApiProperty({ description: 'JSON value', nullable: true })
  @Column('jsonb', { nullable: true })
  llmPolicy!: unknown | null;

  @ApiProperty({ type: String, nullable: true })
  @Column('text', { nullable: true })
  promptTemplate!: string | null;

  @ApiProperty({ type: String })
  @Column('text', { default: 'draft' })
  status!: string;

  @ApiProperty({ description: 'JSON value', nullable: true })
  @Column('jsonb', { nullable: true })
  dryRunResult!: unknown | null;

  @ApiProperty({ type: String, nullable: true })
  @Column('text', { nullable: true })
  changeNotes!: string | null;

  @ApiProperty({ format: 'uuid', nullable: true })
  @Column('uuid', { nullable: true })
  createdBy!: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  @Column('timestamptz', { nullable: true })
  activatedAt!: Date | null;
}
