import { ApiProperty } from '@nestjs/swagger';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { PlatformTable } from '../../auth/policy/table-access';

@PlatformTable()
@Entity('short_interest_analysis')
@Unique('short_interest_symbol_date_unique', ['symbol', 'analysisDate'])
@Index('short_interest_symbol_idx', ['symbol'])
@Index('short_interest_date_idx', ['analysisDate'])
export class ShortInterestAnalysis {
  @ApiProperty({ format: 'uuid' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ApiProperty({ type: String })
  @Column('text')
  symbol!: string;

  @ApiProperty({ type: String, description: 'decimal' })
  @Column('numeric')
  shortRatio!: string;

  @ApiProperty({ type: String, description: 'decimal', nullable: true })
  @Column('numeric', { nullable: true })
  shortVolume!: string | null;

  @ApiProperty({ type: String, description: 'decimal', nullable: true })
  @Column('numeric', { nullable: true })
  totalVolume!: string | null;

  @ApiProperty({ type: String, description: 'decimal', nullable: true })
  @Column('numeric', { nullable: true })
  daysToCover!: string | null;

  @ApiProperty({ type: String, nullable: true })
  @Column('text', { nullable: true })
  shortRatioTrend!: string | null;

  @ApiProperty({ type: String, nullable: true })
  @Column('text', { nullable: true })
  squeezePotential!: string | null;

  @ApiProperty({ type: String, description: 'decimal', nullable: true })
  @Column('numeric', { nullable: true })
  averageShortRatio!: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  @Column('timestamptz')
  analysisDate!: Date;

  @ApiProperty({ type: String, format: 'date-time' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
