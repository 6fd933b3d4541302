import { IsIn } from 'class-validator';
import { resource, ResourceSpec } from '../common/crud/resource-spec';
import { Conversation } from './entities/conversation.entity';
import { Message } from './entities/message.entity';

/** The conversations tables served by the shared CRUD mechanism: only what differs is declared here. */
export const conversationsResources: ResourceSpec[] = [
  resource({
    path: 'conversations',
    tag: 'conversations',
    entity: Conversation,
    label: 'conversation',
    filters: [],
    timeColumn: 'created_at',
    idType: 'int',
  }),
  resource({
    path: 'messages',
    tag: 'conversations',
    entity: Message,
    label: 'message',
    filters: ['conversationId', 'role'],
    timeColumn: 'created_at',
    rules: { role: [IsIn(['user', 'assistant', 'system'])] },
    idType: 'int',
  }),
];
