import { Body, Controller, Delete, Get, Patch, Post, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/decorators';
import { Reads, Writes } from '../auth/policy/route-access';
import { CrudService } from '../common/crud/crud.service';
import { ApiDeleteResponses, ApiErrorResponses, ApiPageResponse } from '../common/http/api-docs';
import { respondToDelete } from '../common/http/delete-response';
import { Page } from '../common/pagination/page';
import { DeleteQuery } from '../common/validation/delete-query.dto';
import { DeletePreview } from '../database/cascade-preview.service';
import { AiAgentProfile } from './entities/ai-agent-profile.entity';
import {
  CreateAiAgentProfileDto,
  UpdateAiAgentProfileDto,
  ListAiAgentProfilesQuery,
} from './dto/ai-agent-profiles.dto';
import { aiAgentProfiles, aiArenaRuns, aiArenaAgentDecisions } from './arena.resources';
import { UuidParam } from '../common/validation/uuid-param';
import { AiArenaRun } from './entities/ai-arena-run.entity';
import {
  CreateAiArenaRunDto,
  UpdateAiArenaRunDto,
  ListAiArenaRunsQuery,
} from './dto/ai-arena-runs.dto';
import { AiArenaAgentDecision } from './entities/ai-arena-agent-decision.entity';
import {
  CreateAiArenaAgentDecisionDto,
  UpdateAiArenaAgentDecisionDto,
  ListAiArenaAgentDecisionsQuery,
} from './dto/ai-arena-agent-decisions.dto';

/** /api/ai-agent-profiles: agent profiles, through the shared CRUD service. */
@ApiTags('arena')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('ai-agent-profiles')
export class AiAgentProfileResourceController {
  constructor(private readonly crud: CrudService) {}

  @Get()
  @ApiOperation({ summary: 'List agent profiles' })
  @Reads(AiAgentProfile)
  @ApiPageResponse(AiAgentProfile)
  list(
    @Query() query: ListAiAgentProfilesQuery,
    @CurrentUser() caller: AuthUser,
  ): Promise<Page<unknown>> {
    return this.crud.list(aiAgentProfiles, query, caller);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get an agent profile' })
  @Reads(AiAgentProfile)
  @ApiOkResponse({ type: AiAgentProfile })
  get(@UuidParam() id: string, @CurrentUser() caller: AuthUser): Promise<unknown> {
    return this.crud.get(aiAgentProfiles, id, caller);
  }

  @Post()
  @ApiOperation({ summary: 'Create an agent profile' })
  @Writes(AiAgentProfile)
  @ApiCreatedResponse({ type: AiAgentProfile })
  create(@Body() dto: CreateAiAgentProfileDto, @CurrentUser() caller: AuthUser): Promise<unknown> {
    return this.crud.create(aiAgentProfiles, dto, caller);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Update an agent profile' })
  @Writes(AiAgentProfile)
  @ApiOkResponse({ type: AiAgentProfile })
  update(
    @UuidParam() id: string,
    @Body() dto: UpdateAiAgentProfileDto,
    @CurrentUser() caller: AuthUser,
  ): Promise<unknown> {
    return this.crud.update(aiAgentProfiles, id, dto, caller);
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Delete an agent profile (dryRun=true previews the cascade)' })
  @Writes(AiAgentProfile)
  @ApiDeleteResponses()
  async remove(
    @UuidParam() id: string,
    @Query() query: DeleteQuery,
    @Res({ passthrough: true }) res: Response,
    @CurrentUser() caller: AuthUser,
  ): Promise<DeletePreview | void> {
    return respondToDelete(res, await this.crud.remove(aiAgentProfiles, id, caller, query));
  }
}

/** /api/ai-arena-runs: arena runs, through the shared CRUD service. */
@ApiTags('arena')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('ai-arena-runs')
export class AiArenaRunResourceController {
  constructor(private readonly crud: CrudService) {}

  @Get()
  @ApiOperation({ summary: 'List arena runs' })
  @Reads(AiArenaRun)
  @ApiPageResponse(AiArenaRun)
  list(
    @Query() query: ListAiArenaRunsQuery,
    @CurrentUser() caller: AuthUser,
  ): Promise<Page<unknown>> {
    return this.crud.list(aiArenaRuns, query, caller);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get an arena run' })
  @Reads(AiArenaRun)
  @ApiOkResponse({ type: AiArenaRun })
  get(@UuidParam() id: string, @CurrentUser() caller: AuthUser): Promise<unknown> {
    return this.crud.get(aiArenaRuns, id, caller);
  }

  @Post()
  @ApiOperation({ summary: 'Create an arena run' })
  @Writes(AiArenaRun)
  @ApiCreatedResponse({ type: AiArenaRun })
  create(@Body() dto: CreateAiArenaRunDto, @CurrentUser() caller: AuthUser): Promise<unknown> {
    return this.crud.create(aiArenaRuns, dto, caller);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Update an arena run' })
  @Writes(AiArenaRun)
  @ApiOkResponse({ type: AiArenaRun })
  update(
    @UuidParam() id: string,
    @Body() dto: UpdateAiArenaRunDto,
    @CurrentUser() caller: AuthUser,
  ): Promise<unknown> {
    return this.crud.update(aiArenaRuns, id, dto, caller);
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Delete an arena run (dryRun=true previews the cascade)' })
  @Writes(AiArenaRun)
  @ApiDeleteResponses()
  async remove(
    @UuidParam() id: string,
    @Query() query: DeleteQuery,
    @Res({ passthrough: true }) res: Response,
    @CurrentUser() caller: AuthUser,
  ): Promise<DeletePreview | void> {
    return respondToDelete(res, await this.crud.remove(aiArenaRuns, id, caller, query));
  }
}

/** /api/ai-arena-agent-decisions: arena agent decisions, through the shared CRUD service. */
@ApiTags('arena')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('ai-arena-agent-decisions')
export class AiArenaAgentDecisionResourceController {
  constructor(private readonly crud: CrudService) {}

  @Get()
  @ApiOperation({ summary: 'List arena agent decisions' })
  @Reads(AiArenaAgentDecision)
  @ApiPageResponse(AiArenaAgentDecision)
  list(
    @Query() query: ListAiArenaAgentDecisionsQuery,
    @CurrentUser() caller: AuthUser,
  ): Promise<Page<unknown>> {
    return this.crud.list(aiArenaAgentDecisions, query, caller);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get an arena agent decision' })
  @Reads(AiArenaAgentDecision)
  @ApiOkResponse({ type: AiArenaAgentDecision })
  get(@UuidParam() id: string, @CurrentUser() caller: AuthUser): Promise<unknown> {
    return this.crud.get(aiArenaAgentDecisions, id, caller);
  }

  @Post()
  @ApiOperation({ summary: 'Create an arena agent decision' })
  @Writes(AiArenaAgentDecision)
  @ApiCreatedResponse({ type: AiArenaAgentDecision })
  create(
    @Body() dto: CreateAiArenaAgentDecisionDto,
    @CurrentUser() caller: AuthUser,
  ): Promise<unknown> {
    return this.crud.create(aiArenaAgentDecisions, dto, caller);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Update an arena agent decision' })
  @Writes(AiArenaAgentDecision)
  @ApiOkResponse({ type: AiArenaAgentDecision })
  update(
    @UuidParam() id: string,
    @Body() dto: UpdateAiArenaAgentDecisionDto,
    @CurrentUser() caller: AuthUser,
  ): Promise<unknown> {
    return this.crud.update(aiArenaAgentDecisions, id, dto, caller);
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Delete an arena agent decision (dryRun=true previews the cascade)' })
  @Writes(AiArenaAgentDecision)
  @ApiDeleteResponses()
  async remove(
    @UuidParam() id: string,
    @Query() query: DeleteQuery,
    @Res({ passthrough: true }) res: Response,
    @CurrentUser() caller: AuthUser,
  ): Promise<DeletePreview | void> {
    return respondToDelete(res, await this.crud.remove(aiArenaAgentDecisions, id, caller, query));
  }
}

/** The arena tables' CRUD routes, mounted by the app module. */
export const arenaResourceControllers = [
  AiAgentProfileResourceController,
  AiArenaRunResourceController,
  AiArenaAgentDecisionResourceController,
];
