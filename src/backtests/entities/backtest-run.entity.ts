import { ApiProperty } from '@nestjs/swagger';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  Relation,
  UpdateDateColumn,
} from 'typeorm';
import { BacktestEquityPoint } from './backtest-equity-point.entity';
import { BacktestTradeEvent } from './backtest-trade-event.entity';
import { Strategy } from '../../strategies/entities/strategy.entity';
import { PlatformTable } from '../../auth/policy/table-access';

@PlatformTable()
@Entity('backtest_runs')
@Index('backtest_runs_status_idx', ['status'])
@Index('backtest_runs_strategy_id_idx', ['strategyId'])
@Index('backtest_runs_created_at_idx', ['createdAt'])
export class BacktestRun {
  @ApiProperty({ format: 'uuid' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @ApiProperty({ type: String, format: 'date-time' })
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @ApiProperty({ type: String })
  @Column('text', { default: 'QUEUED' })
  status!: string;

  @ApiProperty({ format: 'uuid', nullable: true })
  @Column('uuid', { nullable: true })
  strategyId!: string | null;

  @ManyToOne(() => Strategy, { onDelete: 'CASCADE', onUpdate: 'CASCADE' })
  @JoinColumn({ name: 'strategy_id' })
  strategy?: Relation<Strategy> | null;

  @ApiProperty({ type: String })
  @Column('text')
  strategyConfigHash!: string;

  @ApiProperty({ description: 'JSON value' })
  @Column('jsonb')
  strategyConfig!: unknown;

  @ApiProperty({ type: [String] })
  @Column('text', { array: true })
  universe!: string[];

  @ApiProperty({ type: String })
  @Column('text')
  broker!: string;

  @ApiProperty({ type: String })
  @Column('text')
  timeframe!: string;

  @ApiProperty({ type: String })
  @Column('text')
  startDate!: string;

  @ApiProperty({ type: String })
  @Column('text')
  endDate!: string;

  @ApiProperty({ type: String, description: 'decimal' })
  @Column('numeric')
  initialCash!: string;

  @ApiProperty({ description: 'JSON value' })
  @Column('jsonb')
  feesModel!: unknown;

  @ApiProperty({ description: 'JSON value' })
  @Column('jsonb')
  slippageModel!: unknown;

  @ApiProperty({ type: String })
  @Column('text')
  executionPriceRule!: string;

  @ApiProperty({ type: String })
  @Column('text')
  dataSource!: string;

  @ApiProperty({ description: 'JSON value', nullable: true })
  @Column('jsonb', { nullable: true })
  provenance!: unknown | null;

  @ApiProperty({ description: 'JSON value', nullable: true })
  @Column('jsonb', { nullable: true })
  resultsSummary!: unknown | null;

  @ApiProperty({ type: String, nullable: true })
  @Column('text', { nullable: true })
  errorMessage!: string | null;

  @ApiProperty({ type: Number, nullable: true })
  @Column('integer', { nullable: true })
  runtimeMs!: number | null;

  @OneToMany(() => BacktestTradeEvent, (child) => child.run)
  events?: Relation<BacktestTradeEvent>[];

  @OneToMany(() => BacktestEquityPoint, (child) => child.run)
  equityCurve?: Relation<BacktestEquityPoint>[];
}
