import { ApiProperty } from '@nestjs/swagger';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { PlatformTable } from '../../auth/policy/table-access';

// The maintenance purge finds entries past their stale-until time through this index.
@PlatformTable()
@Entity('external_api_cache_entries')
@Index('external_api_cache_entries_stale_until_at_idx', ['staleUntilAt'])
export class ExternalApiCacheEntry {
  @ApiProperty({ format: 'uuid' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ApiProperty({ type: String })
  @Column('text')
  provider!: string;

  @ApiProperty({ type: String })
  @Column('text')
  cacheKey!: string;

  @ApiProperty({ type: String })
  @Column('text')
  responseJson!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  @Column('timestamptz')
  expiresAt!: Date;

  @ApiProperty({ type: String, format: 'date-time' })
  @Column('timestamptz')
  staleUntilAt!: Date;

  @ApiProperty({ type: String, format: 'date-time' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @ApiProperty({ type: String, format: 'date-time' })
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @ApiProperty({ type: Number })
  @Column('integer', { default: 0 })
  hitCount!: number;

  @ApiProperty({ type: String, format: 'date-time' })
  @Column('timestamptz', { default: () => 'now()' })
  lastAccessedAt!: Date;
}
