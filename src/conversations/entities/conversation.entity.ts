import { ApiProperty } from '@nestjs/swagger';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  Relation,
} from 'typeorm';
import { User } from '../../users/entities/user.entity';
import { Message } from './message.entity';
import { OwnedTable } from '../../auth/policy/table-access';

@OwnedTable()
@Entity('conversations')
@Index('conversations_user_id_idx', ['userId'])
export class Conversation {
  @ApiProperty({ type: Number })
  @PrimaryGeneratedColumn()
  id!: number;

  /** The owner (set from the caller, never from the body). */
  @ApiProperty({ format: 'uuid' })
  @Column('uuid')
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE', onUpdate: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  @ApiProperty({ type: String })
  @Column('text')
  title!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @OneToMany(() => Message, (child) => child.conversation)
  messages?: Relation<Message>[];
}
