import { ApiProperty } from '@nestjs/swagger';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Relation,
  Unique,
} from 'typeorm';
import { User } from '../../users/entities/user.entity';
import { AdminTable } from '../policy/table-access';
import { SCOPES, type Scope } from '../auth-user';

/** A service's credential: shown once at creation, stored as its SHA-256 like session tokens. */
@AdminTable()
@Entity('api_keys')
@Unique('api_keys_name_unique', ['name'])
@Unique('api_keys_key_hash_unique', ['keyHash'])
@Index('api_keys_created_by_idx', ['createdBy'])
export class ApiKey {
  @ApiProperty({ format: 'uuid' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ApiProperty({ type: String })
  @Column('text')
  name!: string;

  /** SHA-256 of the key; never leaves the service (no ApiProperty). */
  @Column('text')
  keyHash!: string;

  @ApiProperty({ type: String, description: 'the first characters of the key, to recognise it' })
  @Column('text')
  prefix!: string;

  @ApiProperty({ type: [String], enum: SCOPES })
  @Column('text', { array: true, default: () => "'{}'" })
  scopes!: Scope[];

  @ApiProperty({ format: 'uuid', nullable: true })
  @Column('uuid', { nullable: true })
  createdBy!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL', onUpdate: 'CASCADE' })
  @JoinColumn({ name: 'created_by' })
  creator?: Relation<User> | null;

  @ApiProperty({ type: String, format: 'date-time' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  @Column('timestamptz', { nullable: true })
  lastUsedAt!: Date | null;
}
