import { IsIn } from 'class-validator';
import { resource, ResourceSpec } from '../common/crud/resource-spec';
import { IsDecimal } from '../common/validation/decimal';
import { DebateConsensus } from './entities/debate-consensus.entity';
import { DebateMessage } from './entities/debate-message.entity';
import { DebateSession } from './entities/debate-session.entity';
import { ToolInvocation } from './entities/tool-invocation.entity';

/** The debate tables served by the shared CRUD mechanism: only what differs is declared here. */
export const debateResources: ResourceSpec[] = [
  resource({
    path: 'debate-sessions',
    tag: 'debate',
    entity: DebateSession,
    label: 'debate session',
    filters: ['status', 'traceId'],
    timeColumn: 'created_at',
    rules: { status: [IsIn(['pending', 'running', 'completed', 'failed'])] },
  }),
  resource({
    path: 'debate-messages',
    tag: 'debate',
    entity: DebateMessage,
    label: 'debate message',
    filters: ['sessionId', 'role'],
    timeColumn: 'created_at',
    rules: { confidence: [IsDecimal({ min: '0', max: '1' })] },
  }),
  resource({
    path: 'debate-consensus',
    tag: 'debate',
    entity: DebateConsensus,
    label: 'debate consensus',
    filters: ['sessionId'],
    timeColumn: 'created_at',
    rules: { confidence: [IsDecimal({ min: '0', max: '1' })] },
  }),
  resource({
    path: 'tool-invocations',
    tag: 'debate',
    entity: ToolInvocation,
    label: 'tool invocation',
    filters: ['traceId', 'toolName', 'debateSessionId', 'status'],
    timeColumn: 'created_at',
    rules: { status: [IsIn(['pending', 'success', 'error'])] },
  }),
];
