import { ApiProperty } from '@nestjs/swagger';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  OneToMany,
  PrimaryGeneratedColumn,
  Relation,
  UpdateDateColumn,
} from 'typeorm';
import { StrategyVersion } from './strategy-version.entity';
import { PlatformTable } from '../../auth/policy/table-access';

@PlatformTable()
@Entity('strategies')
@Index('idx_strategies_is_active', ['isActive'])
@Index('idx_strategies_type', ['type'])
export class Strategy {
  @ApiProperty({ format: 'uuid' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ApiProperty({ type: String })
  @Column('text')
  name!: string;

  @ApiProperty({ type: String })
  @Column('text')
  type!: string;

  @ApiProperty({ type: String, nullable: true })
  @Column('text', { nullable: true })
  description!: string | null;

  @ApiProperty({ type: Boolean })
  @Column('boolean', { default: false })
  isActive!: boolean;

  @ApiProperty({ type: [String], nullable: true })
  @Column('text', { array: true, nullable: true })
  assets!: string[] | null;

  @ApiProperty({ type: String, nullable: true })
  @Column('text', { nullable: true })
  parameters!: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @ApiProperty({ type: String, format: 'date-time' })
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @OneToMany(() => StrategyVersion, (child) => child.strategy)
  versions?: Relation<StrategyVersion>[];
}
