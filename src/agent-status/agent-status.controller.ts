import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import { AdminOnly } from '../auth/decorators';
import { createDtoFor, updateDtoFor } from '../common/crud/dto-factory';
import { ApiErrorResponses } from '../common/http/api-docs';
import type { Tx } from '../database/transaction';
import { AgentStatus } from './entities/agent-status.entity';

const CreateAgentStatusDto = createDtoFor('AgentStatusFieldsDto', AgentStatus);
export const UpdateAgentStatusDto = updateDtoFor('UpdateAgentStatusDto', CreateAgentStatusDto);

/** The trading agent's status: one row (the table allows no second), read by all, changed by admins. */
@ApiTags('agent-status')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('agent-status')
export class AgentStatusController {
  constructor(@InjectTransactionHost() private readonly tx: Tx) {}

  /** The row, created with its defaults on first read (concurrent first reads create it once). */
  @Get()
  @ApiOkResponse({ type: AgentStatus })
  async get(): Promise<AgentStatus> {
    const repo = this.tx.tx.getRepository(AgentStatus);
    await this.tx.tx.query('INSERT INTO agent_status DEFAULT VALUES ON CONFLICT DO NOTHING');
    return repo.createQueryBuilder('a').getOneOrFail();
  }

  @Patch()
  @AdminOnly()
  @ApiBody({ type: UpdateAgentStatusDto })
  @ApiOkResponse({ type: AgentStatus })
  async update(@Body() dto: object): Promise<AgentStatus> {
    const current = await this.get();
    if (Object.keys(dto).length > 0)
      await this.tx.tx.getRepository(AgentStatus).update(current.id, dto);
    return this.get();
  }
}
Reflect.defineMetadata(
  'design:paramtypes',
  [UpdateAgentStatusDto],
  AgentStatusController.prototype,
  'update',
);
