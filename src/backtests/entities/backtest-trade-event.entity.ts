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
@Entity('backtest_trade_events')
@Index('backtest_trade_events_run_id_idx', ['runId'])
@Index('backtest_trade_events_ts_idx', ['ts'])
@Index('backtest_trade_events_symbol_idx', ['symbol'])
export class BacktestTradeEvent {
  @ApiProperty({ format: 'uuid' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ApiProperty({ format: 'uuid' })
  @Column('uuid')
  runId!: string;

  @ManyToOne(() => BacktestRun, (parent) => parent.events, {
    onDelete: 'CASCADE',
    onUpdate: 'CASCADE',
    nullable: false,
  })
  @JoinColumn({ name: 'run_id' })
  run?: Relation<BacktestRun>;

  @ApiProperty({ type: String, format: 'date-time' })
  @Column('timestamptz')
  ts!: Date;

  @ApiProperty({ type: String })
  @Column('text')
  symbol!: string;

  @ApiProperty({ type: String })
  @Column('text')
  side!: string;

  @ApiProperty({ type: String, description: 'decimal' })
  @Column('numeric')
  qty!: string;

  @ApiProperty({ type: String, description: 'decimal' })
  @Column('numeric')
  price!: string;

  @ApiProperty({ type: String })
  @Column('text')
  reason!: string;

  @ApiProperty({ type: String })
  @Column('text')
  orderType!: string;

  @ApiProperty({ type: String, description: 'decimal' })
  @Column('numeric')
  fees!: string;

  @ApiProperty({ type: String, description: 'decimal' })
  @Column('numeric')
  slippage!: string;

  @ApiProperty({ type: String, description: 'decimal' })
  @Column('numeric')
  positionAfter!: string;

  @ApiProperty({ type: String, description: 'decimal' })
  @Column('numeric')
  cashAfter!: string;
}
