import { ApiProperty } from '@nestjs/swagger';
import { Column, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { PlatformTable } from '../../auth/policy/table-access';

@PlatformTable({ adminWrites: true })
@Entity('agent_status')
// At most one row: a unique index on a constant (see the schema migration). TypeORM cannot
// express an expression index, so it is declared here only to keep the CLI from dropping it.
@Index('agent_status_singleton', { synchronize: false })
export class AgentStatus {
  @ApiProperty({ format: 'uuid' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ApiProperty({ type: Boolean })
  @Column('boolean', { default: false })
  isRunning!: boolean;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  @Column('timestamptz', { nullable: true })
  lastHeartbeat!: Date | null;

  @ApiProperty({ type: Number, nullable: true })
  @Column('integer', { default: 0, nullable: true })
  totalTrades!: number | null;

  @ApiProperty({ type: String, description: 'decimal', nullable: true })
  @Column('numeric', { default: 0, nullable: true })
  totalPnl!: string | null;

  @ApiProperty({ type: String, description: 'decimal', nullable: true })
  @Column('numeric', { nullable: true })
  winRate!: string | null;

  @ApiProperty({ type: String, description: 'decimal', nullable: true })
  @Column('numeric', { default: 100000, nullable: true })
  cashBalance!: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @ApiProperty({ type: Boolean })
  @Column('boolean', { default: false })
  killSwitchActive!: boolean;

  @ApiProperty({ type: String, description: 'decimal', nullable: true })
  @Column('numeric', { default: 10, nullable: true })
  maxPositionSizePercent!: string | null;

  @ApiProperty({ type: String, description: 'decimal', nullable: true })
  @Column('numeric', { default: 50, nullable: true })
  maxTotalExposurePercent!: string | null;

  @ApiProperty({ type: Number, nullable: true })
  @Column('integer', { default: 10, nullable: true })
  maxPositionsCount!: number | null;

  @ApiProperty({ type: String, description: 'decimal', nullable: true })
  @Column('numeric', { default: 5, nullable: true })
  dailyLossLimitPercent!: string | null;

  @ApiProperty({ type: Number, nullable: true })
  @Column('integer', { default: 10, nullable: true })
  dynamicOrderLimit!: number | null;

  @ApiProperty({ type: Number, nullable: true })
  @Column('integer', { default: 10, nullable: true })
  minOrderLimit!: number | null;

  @ApiProperty({ type: Number, nullable: true })
  @Column('integer', { default: 50, nullable: true })
  maxOrderLimit!: number | null;

  @ApiProperty({ type: String, nullable: true })
  @Column('text', { default: 'neutral', nullable: true })
  marketCondition!: string | null;

  @ApiProperty({ type: String, description: 'decimal', nullable: true })
  @Column('numeric', { default: () => '0.5', nullable: true })
  aiConfidenceScore!: string | null;

  @ApiProperty({ type: Boolean })
  @Column('boolean', { default: true })
  autoStartEnabled!: boolean;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  @Column('timestamptz', { nullable: true })
  lastMarketAnalysis!: Date | null;

  @ApiProperty({ type: Boolean })
  @Column('boolean', { default: false })
  autoExecuteTrades!: boolean;

  @ApiProperty({ type: Boolean })
  @Column('boolean', { default: false })
  conservativeMode!: boolean;
}
