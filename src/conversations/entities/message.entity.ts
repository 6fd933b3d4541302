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
} from 'typeorm';
import { Conversation } from './conversation.entity';
import { ChildTable } from '../../auth/policy/table-access';

@ChildTable(() => Conversation, 'conversation_id')
@Entity('messages')
@Index('messages_conversation_id_idx', ['conversationId'])
export class Message {
  @ApiProperty({ type: Number })
  @PrimaryGeneratedColumn()
  id!: number;

  @ApiProperty({ type: Number })
  @Column('integer')
  conversationId!: number;

  @ManyToOne(() => Conversation, (parent) => parent.messages, {
    onDelete: 'CASCADE',
    onUpdate: 'CASCADE',
    nullable: false,
  })
  @JoinColumn({ name: 'conversation_id' })
  conversation?: Relation<Conversation>;

  @ApiProperty({ type: String })
  @Column('text')
  role!: string;

  @ApiProperty({ type: String })
  @Column('text')
  content!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
