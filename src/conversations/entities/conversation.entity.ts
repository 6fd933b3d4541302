import { ApiProperty } from '@nestjs/swagger';
import {
  Column,
  CreateDateColumn,
  Entity,
  OneToMany,
  PrimaryGeneratedColumn,
  Relation,
} from 'typeorm';
import { Message } from './message.entity';

@Entity('conversations')
export class Conversation {
  @ApiProperty({ type: Number })
  @PrimaryGeneratedColumn()
  id!: number;

  @ApiProperty({ type: String })
  @Column('text')
  title!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @OneToMany(() => Message, (child) => child.conversation)
  messages?: Relation<Message>[];
}
