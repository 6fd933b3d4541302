import { ApiProperty } from '@nestjs/swagger';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { PlatformTable } from '../../auth/policy/table-access';

@PlatformTable()
@Entity('valyu_retrieval_counters')
export class ValyuRetrievalCounter {
  @ApiProperty({ format: 'uuid' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ApiProperty({ type: String })
  @Column('text')
  sourceTier!: string;

  @ApiProperty({ type: String })
  @Column('text')
  monthKey!: string;

  @ApiProperty({ type: Number })
  @Column('integer', { default: 0 })
  retrievalCount!: number;

  @ApiProperty({ type: String, format: 'date-time' })
  @Column('timestamptz', { default: () => 'now()' })
  lastUpdated!: Date;
}
