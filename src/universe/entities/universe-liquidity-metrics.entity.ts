import { ApiProperty } from '@nestjs/swagger';
import { Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { PlatformTable } from '../../auth/policy/table-access';

@PlatformTable()
@Entity('universe_liquidity_metrics')
@Unique('universe_liquidity_metrics_symbol_unique', ['symbol'])
@Index('universe_liquidity_symbol_idx', ['symbol'])
@Index('universe_liquidity_tier_idx', ['liquidityTier'])
export class UniverseLiquidityMetrics {
  @ApiProperty({ format: 'uuid' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ApiProperty({ type: String })
  @Column('text')
  symbol!: string;

  @ApiProperty({ type: String, description: 'decimal', nullable: true })
  @Column('numeric', { nullable: true })
  avgDailyVolumeShares!: string | null;

  @ApiProperty({ type: String, description: 'decimal', nullable: true })
  @Column('numeric', { nullable: true })
  avgDailyTradedValueUsd!: string | null;

  @ApiProperty({ type: String, description: 'decimal', nullable: true })
  @Column('numeric', { nullable: true })
  avgBidAskSpreadPct!: string | null;

  @ApiProperty({ type: String, description: 'decimal', nullable: true })
  @Column('numeric', { nullable: true })
  latestPrice!: string | null;

  @ApiProperty({ type: Number, nullable: true })
  @Column('integer', { default: 30, nullable: true })
  priceDataDays!: number | null;

  @ApiProperty({ type: String, nullable: true })
  @Column('text', { nullable: true })
  liquidityTier!: string | null;

  @ApiProperty({ type: String })
  @Column('text')
  source!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  @Column('timestamptz', { default: () => 'now()' })
  lastUpdatedAt!: Date;

  @ApiProperty({ description: 'JSON value', nullable: true })
  @Column('jsonb', { nullable: true })
  rawJson!: unknown | null;
}
