import { ApiProperty } from '@nestjs/swagger';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { PlatformTable } from '../../auth/policy/table-access';

@PlatformTable()
@Entity('broker_assets')
@Unique('broker_assets_alpaca_id_unique', ['alpacaId'])
@Unique('broker_assets_symbol_unique', ['symbol'])
@Check('broker_assets_symbol_upper', `"symbol" = upper("symbol")`)
export class BrokerAsset {
  @ApiProperty({ format: 'uuid' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ApiProperty({ type: String })
  @Column('text')
  alpacaId!: string;

  @ApiProperty({ type: String })
  @Column('text')
  symbol!: string;

  @ApiProperty({ type: String })
  @Column('text')
  name!: string;

  @ApiProperty({ type: String })
  @Column('text')
  assetClass!: string;

  @ApiProperty({ type: String })
  @Column('text')
  exchange!: string;

  @ApiProperty({ type: String })
  @Column('text')
  status!: string;

  @ApiProperty({ type: Boolean })
  @Column('boolean', { default: false })
  tradable!: boolean;

  @ApiProperty({ type: Boolean })
  @Column('boolean', { default: false })
  marginable!: boolean;

  @ApiProperty({ type: Boolean })
  @Column('boolean', { default: false })
  shortable!: boolean;

  @ApiProperty({ type: Boolean })
  @Column('boolean', { default: false })
  easyToBorrow!: boolean;

  @ApiProperty({ type: Boolean })
  @Column('boolean', { default: false })
  fractionable!: boolean;

  @ApiProperty({ type: String, description: 'decimal', nullable: true })
  @Column('numeric', { nullable: true })
  minOrderSize!: string | null;

  @ApiProperty({ type: String, description: 'decimal', nullable: true })
  @Column('numeric', { nullable: true })
  minTradeIncrement!: string | null;

  @ApiProperty({ type: String, description: 'decimal', nullable: true })
  @Column('numeric', { nullable: true })
  priceIncrement!: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  @Column('timestamptz', { default: () => 'now()' })
  lastSyncedAt!: Date;

  @ApiProperty({ type: String, format: 'date-time' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @ApiProperty({ type: String, format: 'date-time' })
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
