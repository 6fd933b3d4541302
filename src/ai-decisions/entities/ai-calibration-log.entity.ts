import { ApiProperty } from '@nestjs/swagger';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { PlatformTable } from '../../auth/policy/table-access';

@PlatformTable()
@Entity('ai_calibration_log')
export class AiCalibrationLog {
  @ApiProperty({ format: 'uuid' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ApiProperty({ type: String })
  @Column('text')
  calibrationType!: string;

  @ApiProperty({ type: Number, nullable: true })
  @Column('integer', { default: 30, nullable: true })
  dataWindowDays!: number | null;

  @ApiProperty({ type: Number, nullable: true })
  @Column('integer', { nullable: true })
  totalDecisions!: number | null;

  @ApiProperty({ type: Number, nullable: true })
  @Column('integer', { nullable: true })
  winCount!: number | null;

  @ApiProperty({ type: Number, nullable: true })
  @Column('integer', { nullable: true })
  lossCount!: number | null;

  @ApiProperty({ type: String, description: 'decimal', nullable: true })
  @Column('numeric', { nullable: true })
  avgConfidenceOnWins!: string | null;

  @ApiProperty({ type: String, description: 'decimal', nullable: true })
  @Column('numeric', { nullable: true })
  avgConfidenceOnLosses!: string | null;

  @ApiProperty({ type: Number, nullable: true })
  @Column('integer', { nullable: true })
  avgHoldingTimeWins!: number | null;

  @ApiProperty({ type: Number, nullable: true })
  @Column('integer', { nullable: true })
  avgHoldingTimeLosses!: number | null;

  @ApiProperty({ type: String, nullable: true })
  @Column('text', { nullable: true })
  topWinningSymbols!: string | null;

  @ApiProperty({ type: String, nullable: true })
  @Column('text', { nullable: true })
  topLosingSymbols!: string | null;

  @ApiProperty({ type: String, nullable: true })
  @Column('text', { nullable: true })
  recommendedAdjustments!: string | null;

  @ApiProperty({ type: String, nullable: true })
  @Column('text', { nullable: true })
  modelVersion!: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
