import { IsIn } from 'class-validator';
import { resource, ResourceSpec } from '../common/crud/resource-spec';
import { IsDecimal } from '../common/validation/decimal';
import { LlmCall } from './entities/llm-call.entity';
import { LlmRoleConfig } from './entities/llm-role-config.entity';

/** The llm tables served by the shared CRUD mechanism: only what differs is declared here. */
export const llmResources: ResourceSpec[] = [
  resource({
    path: 'llm-calls',
    tag: 'llm',
    entity: LlmCall,
    label: 'LLM call',
    filters: ['role', 'provider', 'status', 'traceId'],
    timeColumn: 'created_at',
    rules: { status: [IsIn(['success', 'error', 'timeout'])] },
  }),
  resource({
    path: 'llm-role-configs',
    tag: 'llm',
    entity: LlmRoleConfig,
    label: 'LLM role config',
    filters: ['role', 'isActive'],
    timeColumn: 'created_at',
    rules: { temperature: [IsDecimal({ min: '0', max: '2' })] },
  }),
];
