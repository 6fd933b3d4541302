import { resource, ResourceSpec } from '../common/crud/resource-spec';
import { DebateConsensus } from './entities/debate-consensus.entity';
import { DebateMessage } from './entities/debate-message.entity';
import { DebateSession } from './entities/debate-session.entity';
import { ToolInvocation } from './entities/tool-invocation.entity';
import {
  CreateDebateSessionDto,
  UpdateDebateSessionDto,
  ListDebateSessionsQuery,
} from './dto/debate-sessions.dto';
import {
  CreateDebateMessageDto,
  UpdateDebateMessageDto,
  ListDebateMessagesQuery,
} from './dto/debate-messages.dto';
import {
  CreateDebateConsensusDto,
  UpdateDebateConsensusDto,
  ListDebateConsensusQuery,
} from './dto/debate-consensus.dto';
import {
  CreateToolInvocationDto,
  UpdateToolInvocationDto,
  ListToolInvocationsQuery,
} from './dto/tool-invocations.dto';

export const debateSessions = resource({
  path: 'debate-sessions',
  tag: 'debate',
  entity: DebateSession,
  label: 'debate session',
  createDto: CreateDebateSessionDto,
  updateDto: UpdateDebateSessionDto,
  listQuery: ListDebateSessionsQuery,
  filters: ['status', 'traceId'],
  timeColumn: 'created_at',
});

export const debateMessages = resource({
  path: 'debate-messages',
  tag: 'debate',
  entity: DebateMessage,
  label: 'debate message',
  createDto: CreateDebateMessageDto,
  updateDto: UpdateDebateMessageDto,
  listQuery: ListDebateMessagesQuery,
  filters: ['sessionId', 'role'],
  timeColumn: 'created_at',
});

export const debateConsensus = resource({
  path: 'debate-consensus',
  tag: 'debate',
  entity: DebateConsensus,
  label: 'debate consensus',
  createDto: CreateDebateConsensusDto,
  updateDto: UpdateDebateConsensusDto,
  listQuery: ListDebateConsensusQuery,
  filters: ['sessionId'],
  timeColumn: 'created_at',
});

export const toolInvocations = resource({
  path: 'tool-invocations',
  tag: 'debate',
  entity: ToolInvocation,
  label: 'tool invocation',
  createDto: CreateToolInvocationDto,
  updateDto: UpdateToolInvocationDto,
  listQuery: ListToolInvocationsQuery,
  filters: ['traceId', 'toolName', 'debateSessionId', 'status'],
  timeColumn: 'created_at',
});

/** The debate tables served by the shared CRUD mechanism: each names its DTOs and what differs. */
export const debateResources: ResourceSpec[] = [
  debateSessions,
  debateMessages,
  debateConsensus,
  toolInvocations,
];
