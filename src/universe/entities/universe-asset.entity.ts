import { ApiProperty } from '@nestjs/swagger';
import { Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { PlatformTable } from '../../auth/policy/table-access';

@PlatformTable()
@Entity('universe_assets')
@Unique('universe_assets_symbol_unique', ['symbol'])
@Index('universe_assets_symbol_idx', ['symbol'])
@Index('universe_assets_tradable_idx', ['tradable'])
@Index('universe_assets_exchange_idx', ['exchange'])
export class UniverseAsset {
  @ApiProperty({ format: 'uuid' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ApiProperty({ type: String })
  @Column('text')
  symbol!: string;

  @ApiProperty({ type: String })
  @Column('text')
  name!: string;

  @ApiProperty({ type: String })
  @Column('text')
  exchange!: string;

  @ApiProperty({ type: String })
  @Column('text')
  assetClass!: string;

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
  fractionable!: boolean;

  @ApiProperty({ type: Boolean })
  @Column('boolean', { default: false })
  easyToBorrow!: boolean;

  @ApiProperty({ type: Boolean })
  @Column('boolean', { default: false })
  isOtc!: boolean;

  @ApiProperty({ type: Boolean })
  @Column('boolean', { default: false })
  isSpac!: boolean;

  @ApiProperty({ type: Boolean })
  @Column('boolean', { default: false })
  isPennyStock!: boolean;

  @ApiProperty({ type: Boolean })
  @Column('boolean', { default: false })
  excluded!: boolean;

  @ApiProperty({ type: String, nullable: true })
  @Column('text', { nullable: true })
  excludeReason!: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  @Column('timestamptz', { default: () => 'now()' })
  lastRefreshedAt!: Date;

  @ApiProperty({ description: 'JSON value', nullable: true })
  @Column('jsonb', { nullable: true })
  rawJson!: unknown | null;
}
