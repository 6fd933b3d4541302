import { ApiProperty } from '@nestjs/swagger';
import { Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { PlatformTable } from '../../auth/policy/table-access';

@PlatformTable()
@Entity('asset_classifications')
@Unique('asset_classifications_symbol_unique', ['symbol'])
@Index('asset_classifications_symbol_idx', ['symbol'])
@Index('asset_classifications_asset_class_idx', ['assetClass'])
@Index('asset_classifications_market_cap_tier_idx', ['marketCapTier'])
export class AssetClassification {
  @ApiProperty({ format: 'uuid' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ApiProperty({ type: String })
  @Column('text')
  symbol!: string;

  @ApiProperty({ type: String, nullable: true })
  @Column('text', { nullable: true })
  assetClass!: string | null;

  @ApiProperty({ type: String, nullable: true })
  @Column('text', { nullable: true })
  marketCapTier!: string | null;

  @ApiProperty({ type: String, nullable: true })
  @Column('text', { nullable: true })
  liquidityTier!: string | null;

  @ApiProperty({ type: String, nullable: true })
  @Column('text', { nullable: true })
  volatilityTier!: string | null;

  @ApiProperty({ type: String, nullable: true })
  @Column('text', { nullable: true })
  trendStrength!: string | null;

  @ApiProperty({ type: String, description: 'decimal', nullable: true })
  @Column('numeric', { nullable: true })
  momentumScore!: string | null;

  @ApiProperty({ type: String, description: 'decimal', nullable: true })
  @Column('numeric', { nullable: true })
  valueScore!: string | null;

  @ApiProperty({ type: String, description: 'decimal', nullable: true })
  @Column('numeric', { nullable: true })
  qualityScore!: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  @Column('timestamptz', { default: () => 'now()' })
  lastUpdatedAt!: Date;

  @ApiProperty({ type: String })
  @Column('text')
  source!: string;

  @ApiProperty({ description: 'JSON value', nullable: true })
  @Column('jsonb', { nullable: true })
  rawJson!: unknown | null;
}
