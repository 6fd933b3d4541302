import { ApiProperty } from '@nestjs/swagger';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  OneToMany,
  PrimaryGeneratedColumn,
  Relation,
} from 'typeorm';
import { CompetitionScore } from './competition-score.entity';
import { PlatformTable } from '../../auth/policy/table-access';

@PlatformTable()
@Entity('competition_runs')
@Index('competition_runs_trace_id_idx', ['traceId'])
@Index('competition_runs_status_idx', ['status'])
export class CompetitionRun {
  @ApiProperty({ format: 'uuid' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ApiProperty({ type: String })
  @Column('text')
  name!: string;

  @ApiProperty({ type: String })
  @Column('text')
  traceId!: string;

  @ApiProperty({ type: String })
  @Column('text')
  mode!: string;

  @ApiProperty({ type: [String] })
  @Column('text', { array: true })
  traderIds!: string[];

  @ApiProperty({ type: [String], nullable: true })
  @Column('text', { array: true, nullable: true })
  universeSymbols!: string[] | null;

  @ApiProperty({ type: String, format: 'date-time' })
  @Column('timestamptz', { default: () => 'now()' })
  startedAt!: Date;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  @Column('timestamptz', { nullable: true })
  endedAt!: Date | null;

  @ApiProperty({ type: Number, nullable: true })
  @Column('integer', { nullable: true })
  durationMinutes!: number | null;

  @ApiProperty({ type: String })
  @Column('text', { default: 'pending' })
  status!: string;

  @ApiProperty({ description: 'JSON value', nullable: true })
  @Column('jsonb', { nullable: true })
  config!: unknown | null;

  @ApiProperty({ type: String, format: 'date-time' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @OneToMany(() => CompetitionScore, (child) => child.run)
  scores?: Relation<CompetitionScore>[];
}
