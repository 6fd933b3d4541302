import { resource, ResourceSpec } from '../common/crud/resource-spec';
import { LlmCall } from './entities/llm-call.entity';
import { LlmRoleConfig } from './entities/llm-role-config.entity';
import { CreateLlmCallDto, UpdateLlmCallDto, ListLlmCallsQuery } from './dto/llm-calls.dto';
import {
  CreateLlmRoleConfigDto,
  UpdateLlmRoleConfigDto,
  ListLlmRoleConfigsQuery,
} from './dto/llm-role-configs.dto';

export const llmCalls = resource({
  path: 'llm-calls',
  tag: 'llm',
  entity: LlmCall,
  label: 'LLM call',
  createDto: CreateLlmCallDto,
  updateDto: UpdateLlmCallDto,
  listQuery: ListLlmCallsQuery,
  filters: ['role', 'provider', 'status', 'traceId'],
  timeColumn: 'created_at',
});

export const llmRoleConfigs = resource({
  path: 'llm-role-configs',
  tag: 'llm',
  entity: LlmRoleConfig,
  label: 'LLM role config',
  createDto: CreateLlmRoleConfigDto,
  updateDto: UpdateLlmRoleConfigDto,
  listQuery: ListLlmRoleConfigsQuery,
  filters: ['role', 'isActive'],
  timeColumn: 'created_at',
});

/** The llm tables served by the shared CRUD mechanism: each names its DTOs and what differs. */
export const llmResources: ResourceSpec[] = [llmCalls, llmRoleConfigs];
