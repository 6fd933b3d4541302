import { ApiProperty } from '@nestjs/swagger';
import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Relation,
  Unique,
} from 'typeorm';
import { Strategy } from '../../strategies/entities/strategy.entity';
import { User } from '../../users/entities/user.entity';
import { OwnedTable } from '../../auth/policy/table-access';

@OwnedTable()
@Entity('positions')
// One row per account and symbol (the fix plan's positions_symbol_unique, per user).
@Unique('positions_user_id_symbol_unique', ['userId', 'symbol'])
@Index('positions_user_id_idx', ['userId'])
@Index('idx_positions_symbol', ['symbol'])
@Index('idx_positions_strategy_id', ['strategyId'])
@Index('idx_positions_opened_at', ['openedAt'])
export class Position {
  @ApiProperty({ format: 'uuid' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ApiProperty({ format: 'uuid' })
  @Column('uuid')
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE', onUpdate: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  @ApiProperty({ type: String })
  @Column('text')
  symbol!: string;

  @ApiProperty({ type: String, description: 'decimal' })
  @Column('numeric')
  quantity!: string;

  @ApiProperty({ type: String, description: 'decimal' })
  @Column('numeric')
  entryPrice!: string;

  @ApiProperty({ type: String, description: 'decimal', nullable: true })
  @Column('numeric', { nullable: true })
  currentPrice!: string | null;

  @ApiProperty({ type: String, description: 'decimal', nullable: true })
  @Column('numeric', { nullable: true })
  unrealizedPnl!: string | null;

  @ApiProperty({ type: String })
  @Column('text')
  side!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  @Column('timestamptz', { default: () => 'now()' })
  openedAt!: Date;

  @ApiProperty({ format: 'uuid', nullable: true })
  @Column('uuid', { nullable: true })
  strategyId!: string | null;

  @ManyToOne(() => Strategy, { onDelete: 'CASCADE', onUpdate: 'CASCADE' })
  @JoinColumn({ name: 'strategy_id' })
  strategy?: Relation<Strategy> | null;
}
