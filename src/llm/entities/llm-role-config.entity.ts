import { ApiProperty } from '@nestjs/swagger';
import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { PlatformTable } from '../../auth/policy/table-access';

@PlatformTable()
@Entity('llm_role_configs')
@Unique('llm_role_configs_role_unique', ['role'])
export class LlmRoleConfig {
  @ApiProperty({ format: 'uuid' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ApiProperty({ type: String })
  @Column('text')
  role!: string;

  @ApiProperty({ type: String, nullable: true })
  @Column('text', { nullable: true })
  description!: string | null;

  @ApiProperty({ type: String })
  @Column('text')
  fallbackChain!: string;

  @ApiProperty({ type: Number, nullable: true })
  @Column('integer', { default: 1000, nullable: true })
  maxTokens!: number | null;

  @ApiProperty({ type: String, description: 'decimal', nullable: true })
  @Column('numeric', { default: () => '0.3', nullable: true })
  temperature!: string | null;

  @ApiProperty({ type: Boolean })
  @Column('boolean', { default: false })
  enableCitations!: boolean;

  @ApiProperty({ type: Boolean })
  @Column('boolean', { default: true })
  isActive!: boolean;

  @ApiProperty({ type: String, format: 'date-time' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @ApiProperty({ type: String, format: 'date-time' })
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
