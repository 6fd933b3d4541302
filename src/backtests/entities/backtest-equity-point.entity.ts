import { ApiProperty } from '@nestjs/swagger';
import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Relation,
} from 'typeorm';
import { BacktestRun } from './backtest-run.entity';
import { PlatformTable } from '../../auth/policy/table-access';

@PlatformTable()
@Entity('backtest_equity_curve')
@Index('backtest_equity_curve_run_id_idx', ['runId'])
@Index('backtest_equity_curve_ts_idx', ['ts'])
export class BacktestEquityPoint {
  @ApiProperty({ format: 'uuid' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ApiProperty({ format: 'uuid' })
  @Column('uuid')
  runId!: string;

  @ManyToOne(() => BacktestRun, (parent) => parent.equityCurve, {
    onDelete: 'CASCADE',
    onUpdate: 'CASCADE',
    nullable: false,
  })
  @JoinColumn({ name: 'run_id' })
  run?: Relation<BacktestRun>;

  @ApiProperty({ type: String, format: 'date-time' })
  @Column('timestamptz')
  ts!: Date;

  @ApiProperty({ type: String, description: 'decimal' })
  @Column('numeric')
  equity!: string;

  @ApiProperty({ type: String, description: 'decimal' })
  @Column('numeric')
  cash!: string;

  @ApiProperty({ type: String, description: 'decimal' })
  @Column('numeric')
  exposure!: string;
}
