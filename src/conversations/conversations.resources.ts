import { resource, ResourceSpec } from '../common/crud/resource-spec';
import { Conversation } from './entities/conversation.entity';
import { Message } from './entities/message.entity';
import {
  CreateConversationDto,
  UpdateConversationDto,
  ListConversationsQuery,
} from './dto/conversations.dto';
import { CreateMessageDto, UpdateMessageDto, ListMessagesQuery } from './dto/messages.dto';

export const conversations = resource({
  path: 'conversations',
  tag: 'conversations',
  entity: Conversation,
  label: 'conversation',
  createDto: CreateConversationDto,
  updateDto: UpdateConversationDto,
  listQuery: ListConversationsQuery,
  filters: [],
  timeColumn: 'created_at',
  idType: 'int',
});

export const messages = resource({
  path: 'messages',
  tag: 'conversations',
  entity: Message,
  label: 'message',
  createDto: CreateMessageDto,
  updateDto: UpdateMessageDto,
  listQuery: ListMessagesQuery,
  filters: ['conversationId', 'role'],
  timeColumn: 'created_at',
  idType: 'int',
});

/** The conversations tables served by the shared CRUD mechanism: each names its DTOs and what differs. */
export const conversationsResources: ResourceSpec[] = [conversations, messages];
