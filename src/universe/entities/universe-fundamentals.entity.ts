import { ApiProperty } from '@nestjs/swagger';
import { Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { PlatformTable } from '../../auth/policy/table-access';

@PlatformTable()
@Entity('universe_fundamentals')
@Unique('universe_fundamentals_symbol_unique', ['symbol'])
@Index('universe_fundamentals_symbol_idx', ['symbol'])
@Index('universe_fundamentals_sector_idx', ['sector'])
export class UniverseFundamentals {
  @ApiProperty({ format: 'uuid' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ApiProperty({ type: String })
  @Column('text')
  symbol!: string;

  @ApiProperty({ type: String, description: 'decimal', nullable: true })
  @Column('numeric', { nullable: true })
  marketCap!: string | null;

  @ApiProperty({ type: String, description: 'decimal', nullable: true })
  @Column('numeric', { nullable: true })
  revenueTtm!: string | null;

  @ApiProperty({ type: String, description: 'decimal', nullable: true })
  @Column('numeric', { name: 'revenue_cagr_3y', nullable: true })
  revenueCagr3y!: string | null;

  @ApiProperty({ type: String, description: 'decimal', nullable: true })
  @Column('numeric', { nullable: true })
  grossMargin!: string | null;

  @ApiProperty({ type: String, description: 'decimal', nullable: true })
  @Column('numeric', { nullable: true })
  operatingMargin!: string | null;

  @ApiProperty({ type: String, description: 'decimal', nullable: true })
  @Column('numeric', { nullable: true })
  netMargin!: string | null;

  @ApiProperty({ type: String, description: 'decimal', nullable: true })
  @Column('numeric', { nullable: true })
  freeCashFlowMargin!: string | null;

  @ApiProperty({ type: String, description: 'decimal', nullable: true })
  @Column('numeric', { nullable: true })
  debtToEquity!: string | null;

  @ApiProperty({ type: String, description: 'decimal', nullable: true })
  @Column('numeric', { name: 'shares_dilution_1y', nullable: true })
  sharesDilution1y!: string | null;

  @ApiProperty({ type: String, description: 'decimal', nullable: true })
  @Column('numeric', { nullable: true })
  peRatio!: string | null;

  @ApiProperty({ type: String, description: 'decimal', nullable: true })
  @Column('numeric', { nullable: true })
  priceToBook!: string | null;

  @ApiProperty({ type: String, description: 'decimal', nullable: true })
  @Column('numeric', { nullable: true })
  beta!: string | null;

  @ApiProperty({ type: String, description: 'decimal', nullable: true })
  @Column('numeric', { name: 'week_52_high', nullable: true })
  week52High!: string | null;

  @ApiProperty({ type: String, description: 'decimal', nullable: true })
  @Column('numeric', { name: 'week_52_low', nullable: true })
  week52Low!: string | null;

  @ApiProperty({ type: String, description: 'decimal', nullable: true })
  @Column('numeric', { nullable: true })
  dividendYield!: string | null;

  @ApiProperty({ type: String, nullable: true })
  @Column('text', { nullable: true })
  sector!: string | null;

  @ApiProperty({ type: String, nullable: true })
  @Column('text', { nullable: true })
  industry!: string | null;

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
