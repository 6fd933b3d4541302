import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

@Entity('strategies')
@Index('idx_strategies_is_active', ['isActive'])
@Index('idx_strategies_type', ['type'])
export class Strategy {
  @ApiProperty({ format: 'uuid' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ApiProperty({ example: 'Momentum large caps' })
  @Column('text')
  name!: string;

  @ApiProperty({ example: 'momentum' })
  @Column('text')
  type!: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @Column('text', { nullable: true })
  description!: string | null;

  @ApiProperty()
  @Column('boolean', { default: false })
  isActive!: boolean;

  @ApiPropertyOptional({ type: [String], nullable: true, example: ['AAPL', 'MSFT'] })
  @Column('text', { array: true, nullable: true })
  assets!: string[] | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'free-form parameters (JSON text)',
  })
  @Column('text', { nullable: true })
  parameters!: string | null;

  @ApiProperty()
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @ApiProperty()
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
