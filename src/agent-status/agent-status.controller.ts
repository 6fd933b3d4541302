import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Reads, Writes } from '../auth/policy/route-access';
import { ApiErrorResponses } from '../common/http/api-docs';
import { AgentStatusService } from './agent-status.service';
import { UpdateAgentStatusDto } from './dto/agent-status.dto';
import { AgentStatus } from './entities/agent-status.entity';

/** The trading agent's status: one row, read by every caller, changed by admins only. */
@ApiTags('agent-status')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('agent-status')
export class AgentStatusController {
  constructor(private readonly status: AgentStatusService) {}

  @Get()
  @ApiOperation({ summary: "Get the trading agent's status" })
  @Reads(AgentStatus)
  @ApiOkResponse({ type: AgentStatus })
  get(): Promise<AgentStatus> {
    return this.status.get();
  }

  @Patch()
  @ApiOperation({ summary: "Change the trading agent's status (admin)" })
  @Writes(AgentStatus)
  @ApiBody({ type: UpdateAgentStatusDto })
  @ApiOkResponse({ type: AgentStatus })
  update(@Body() dto: UpdateAgentStatusDto): Promise<AgentStatus> {
    return this.status.update(dto);
  }
}
