import { ApiProperty } from '@nestjs/swagger';
import { Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { AdminTable } from '../../auth/policy/table-access';

@AdminTable()
@Entity('users')
@Unique('users_username_unique', ['username'])
// Usernames are unique under their canonical form, lower(username COLLATE "C") (ASCII letters
// folded, see src/auth/username.ts), which the login lookup also uses: an expression index
// (created by a migration; TypeORM cannot express it, the declaration only keeps the CLI from
// dropping it).
@Index('users_username_canonical_unique', { synchronize: false })
export class User {
  @ApiProperty({ format: 'uuid' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ApiProperty({ type: String })
  @Column('text')
  username!: string;

  /** The argon2id hash; never leaves the service (no ApiProperty, never serialized). */
  @Column('text')
  password!: string;

  @ApiProperty({ type: Boolean })
  @Column('boolean', { default: false })
  isAdmin!: boolean;
}
