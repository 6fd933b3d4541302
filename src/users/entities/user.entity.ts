import { ApiProperty } from '@nestjs/swagger';
import { Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

@Entity('users')
@Unique('users_username_unique', ['username'])
export class User {
  @ApiProperty({ format: 'uuid' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ApiProperty({ type: String })
  @Column('text')
  username!: string;

  @ApiProperty({ type: String })
  @Column('text')
  password!: string;

  @ApiProperty({ type: Boolean })
  @Column('boolean', { default: false })
  isAdmin!: boolean;
}
