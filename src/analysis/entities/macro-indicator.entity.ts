import { ApiProperty } from '@nestjs/swagger';
import { Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { PlatformTable } from '../../auth/policy/table-access';

@PlatformTable()
@Entity('macro_indicators')
@Unique('macro_indicators_indicator_id_unique', ['indicatorId'])
@Index('macro_indicators_category_idx', ['category'])
@Index('macro_indicators_indicator_id_idx', ['indicatorId'])
export class MacroIndicator {
  @ApiProperty({ format: 'uuid' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ApiProperty({ type: String })
  @Column('text')
  indicatorId!: string;

  @ApiProperty({ type: String })
  @Column('text')
  name!: string;

  @ApiProperty({ type: String })
  @Column('text')
  category!: string;

  @ApiProperty({ type: String, description: 'decimal', nullable: true })
  @Column('numeric', { nullable: true })
  latestValue!: string | null;

  @ApiProperty({ type: String, description: 'decimal', nullable: true })
  @Column('numeric', { nullable: true })
  previousValue!: string | null;

  @ApiProperty({ type: String, description: 'decimal', nullable: true })
  @Column('numeric', { nullable: true })
  changePercent!: string | null;

  @ApiProperty({ type: String, nullable: true })
  @Column('text', { nullable: true })
  frequency!: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  @Column('timestamptz', { default: () => 'now()' })
  lastUpdatedAt!: Date;

  @ApiProperty({ type: String })
  @Column('text', { default: 'FRED' })
  source!: string;

  @ApiProperty({ description: 'JSON value', nullable: true })
  @Column('jsonb', { nullable: true })
  rawJson!: unknown | null;
}
