import { ApiProperty } from '@nestjs/swagger';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { PlatformTable } from '../../auth/policy/table-access';

@PlatformTable()
@Entity('insider_activity_analysis')
@Unique('insider_activity_symbol_date_unique', ['symbol', 'analysisDate'])
@Index('insider_activity_symbol_idx', ['symbol'])
@Index('insider_activity_date_idx', ['analysisDate'])
export class InsiderActivityAnalysis {
  @ApiProperty({ format: 'uuid' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ApiProperty({ type: String })
  @Column('text')
  symbol!: string;

  @ApiProperty({ type: String, description: 'decimal', nullable: true })
  @Column('numeric', { default: 0, nullable: true })
  totalBuys!: string | null;

  @ApiProperty({ type: String, description: 'decimal', nullable: true })
  @Column('numeric', { default: 0, nullable: true })
  totalSells!: string | null;

  @ApiProperty({ type: String, description: 'decimal', nullable: true })
  @Column('numeric', { default: 0, nullable: true })
  netActivity!: string | null;

  @ApiProperty({ type: String, description: 'decimal', nullable: true })
  @Column('numeric', { default: 0, nullable: true })
  netValue!: string | null;

  @ApiProperty({ type: String, description: 'decimal', nullable: true })
  @Column('numeric', { nullable: true })
  buyToSellRatio!: string | null;

  @ApiProperty({ type: String, nullable: true })
  @Column('text', { nullable: true })
  sentiment!: string | null;

  @ApiProperty({ description: 'JSON value', nullable: true })
  @Column('jsonb', { nullable: true })
  recentTransactionsJson!: unknown | null;

  @ApiProperty({ type: Number, nullable: true })
  @Column('integer', { default: 90, nullable: true })
  analysisWindowDays!: number | null;

  @ApiProperty({ type: String, format: 'date-time' })
  @Column('timestamptz')
  analysisDate!: Date;

  @ApiProperty({ type: String, format: 'date-time' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
