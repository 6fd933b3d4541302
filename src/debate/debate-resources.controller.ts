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
import { DebateSession } from './entities/debate-session.entity';
import {
  CreateDebateSessionDto,
  UpdateDebateSessionDto,
  ListDebateSessionsQuery,
} from './dto/debate-sessions.dto';
import {
  debateSessions,
  debateMessages,
  debateConsensus,
  toolInvocations,
} from './debate.resources';
import { UuidParam } from '../common/validation/uuid-param';
import { DebateMessage } from './entities/debate-message.entity';
import {
  CreateDebateMessageDto,
  UpdateDebateMessageDto,
  ListDebateMessagesQuery,
} from './dto/debate-messages.dto';
import { DebateConsensus } from './entities/debate-consensus.entity';
import {
  CreateDebateConsensusDto,
  UpdateDebateConsensusDto,
  ListDebateConsensusQuery,
} from './dto/debate-consensus.dto';
import { ToolInvocation } from './entities/tool-invocation.entity';
import {
  CreateToolInvocationDto,
  UpdateToolInvocationDto,
  ListToolInvocationsQuery,
} from './dto/tool-invocations.dto';

/** /api/debate-sessions: debate sessions, through the shared CRUD service. */
@ApiTags('debate')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('debate-sessions')
export class DebateSessionResourceController {
  constructor(private readonly crud: CrudService) {}

  @Get()
  @ApiOperation({ summary: 'List debate sessions' })
  @Reads(DebateSession)
  @ApiPageResponse(DebateSession)
  list(
    @Query() query: ListDebateSessionsQuery,
    @CurrentUser() caller: AuthUser,
  ): Promise<Page<unknown>> {
    return this.crud.list(debateSessions, query, caller);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a debate session' })
  @Reads(DebateSession)
  @ApiOkResponse({ type: DebateSession })
  get(@UuidParam() id: string, @CurrentUser() caller: AuthUser): Promise<unknown> {
    return this.crud.get(debateSessions, id, caller);
  }

  @Post()
  @ApiOperation({ summary: 'Create a debate session' })
  @Writes(DebateSession)
  @ApiCreatedResponse({ type: DebateSession })
  create(@Body() dto: CreateDebateSessionDto, @CurrentUser() caller: AuthUser): Promise<unknown> {
    return this.crud.create(debateSessions, dto, caller);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Update a debate session' })
  @Writes(DebateSession)
  @ApiOkResponse({ type: DebateSession })
  update(
    @UuidParam() id: string,
    @Body() dto: UpdateDebateSessionDto,
    @CurrentUser() caller: AuthUser,
  ): Promise<unknown> {
    return this.crud.update(debateSessions, id, dto, caller);
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Delete a debate session (dryRun=true previews the cascade)' })
  @Writes(DebateSession)
  @ApiDeleteResponses()
  async remove(
    @UuidParam() id: string,
    @Query() query: DeleteQuery,
    @Res({ passthrough: true }) res: Response,
    @CurrentUser() caller: AuthUser,
  ): Promise<DeletePreview | void> {
    return respondToDelete(res, await this.crud.remove(debateSessions, id, caller, query));
  }
}

/** /api/debate-messages: debate messages, through the shared CRUD service. */
@ApiTags('debate')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('debate-messages')
export class DebateMessageResourceController {
  constructor(private readonly crud: CrudService) {}

  @Get()
  @ApiOperation({ summary: 'List debate messages' })
  @Reads(DebateMessage)
  @ApiPageResponse(DebateMessage)
  list(
    @Query() query: ListDebateMessagesQuery,
    @CurrentUser() caller: AuthUser,
  ): Promise<Page<unknown>> {
    return this.crud.list(debateMessages, query, caller);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a debate message' })
  @Reads(DebateMessage)
  @ApiOkResponse({ type: DebateMessage })
  get(@UuidParam() id: string, @CurrentUser() caller: AuthUser): Promise<unknown> {
    return this.crud.get(debateMessages, id, caller);
  }

  @Post()
  @ApiOperation({ summary: 'Create a debate message' })
  @Writes(DebateMessage)
  @ApiCreatedResponse({ type: DebateMessage })
  create(@Body() dto: CreateDebateMessageDto, @CurrentUser() caller: AuthUser): Promise<unknown> {
    return this.crud.create(debateMessages, dto, caller);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Update a debate message' })
  @Writes(DebateMessage)
  @ApiOkResponse({ type: DebateMessage })
  update(
    @UuidParam() id: string,
    @Body() dto: UpdateDebateMessageDto,
    @CurrentUser() caller: AuthUser,
  ): Promise<unknown> {
    return this.crud.update(debateMessages, id, dto, caller);
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Delete a debate message (dryRun=true previews the cascade)' })
  @Writes(DebateMessage)
  @ApiDeleteResponses()
  async remove(
    @UuidParam() id: string,
    @Query() query: DeleteQuery,
    @Res({ passthrough: true }) res: Response,
    @CurrentUser() caller: AuthUser,
  ): Promise<DeletePreview | void> {
    return respondToDelete(res, await this.crud.remove(debateMessages, id, caller, query));
  }
}

/** /api/debate-consensus: debate consensus, through the shared CRUD service. */
@ApiTags('debate')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('debate-consensus')
export class DebateConsensusResourceController {
  constructor(private readonly crud: CrudService) {}

  @Get()
  @ApiOperation({ summary: 'List debate consensus' })
  @Reads(DebateConsensus)
  @ApiPageResponse(DebateConsensus)
  list(
    @Query() query: ListDebateConsensusQuery,
    @CurrentUser() caller: AuthUser,
  ): Promise<Page<unknown>> {
    return this.crud.list(debateConsensus, query, caller);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a debate consensus' })
  @Reads(DebateConsensus)
  @ApiOkResponse({ type: DebateConsensus })
  get(@UuidParam() id: string, @CurrentUser() caller: AuthUser): Promise<unknown> {
    return this.crud.get(debateConsensus, id, caller);
  }

  @Post()
  @ApiOperation({ summary: 'Create a debate consensus' })
  @Writes(DebateConsensus)
  @ApiCreatedResponse({ type: DebateConsensus })
  create(@Body() dto: CreateDebateConsensusDto, @CurrentUser() caller: AuthUser): Promise<unknown> {
    return this.crud.create(debateConsensus, dto, caller);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Update a debate consensus' })
  @Writes(DebateConsensus)
  @ApiOkResponse({ type: DebateConsensus })
  update(
    @UuidParam() id: string,
    @Body() dto: UpdateDebateConsensusDto,
    @CurrentUser() caller: AuthUser,
  ): Promise<unknown> {
    return this.crud.update(debateConsensus, id, dto, caller);
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Delete a debate consensus (dryRun=true previews the cascade)' })
  @Writes(DebateConsensus)
  @ApiDeleteResponses()
  async remove(
    @UuidParam() id: string,
    @Query() query: DeleteQuery,
    @Res({ passthrough: true }) res: Response,
    @CurrentUser() caller: AuthUser,
  ): Promise<DeletePreview | void> {
    return respondToDelete(res, await this.crud.remove(debateConsensus, id, caller, query));
  }
}

/** /api/tool-invocations: tool invocations, through the shared CRUD service. */
@ApiTags('debate')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('tool-invocations')
export class ToolInvocationResourceController {
  constructor(private readonly crud: CrudService) {}

  @Get()
  @ApiOperation({ summary: 'List tool invocations' })
  @Reads(ToolInvocation)
  @ApiPageResponse(ToolInvocation)
  list(
    @Query() query: ListToolInvocationsQuery,
    @CurrentUser() caller: AuthUser,
  ): Promise<Page<unknown>> {
    return this.crud.list(toolInvocations, query, caller);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a tool invocation' })
  @Reads(ToolInvocation)
  @ApiOkResponse({ type: ToolInvocation })
  get(@UuidParam() id: string, @CurrentUser() caller: AuthUser): Promise<unknown> {
    return this.crud.get(toolInvocations, id, caller);
  }

  @Post()
  @ApiOperation({ summary: 'Create a tool invocation' })
  @Writes(ToolInvocation)
  @ApiCreatedResponse({ type: ToolInvocation })
  create(@Body() dto: CreateToolInvocationDto, @CurrentUser() caller: AuthUser): Promise<unknown> {
    return this.crud.create(toolInvocations, dto, caller);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Update a tool invocation' })
  @Writes(ToolInvocation)
  @ApiOkResponse({ type: ToolInvocation })
  update(
    @UuidParam() id: string,
    @Body() dto: UpdateToolInvocationDto,
    @CurrentUser() caller: AuthUser,
  ): Promise<unknown> {
    return this.crud.update(toolInvocations, id, dto, caller);
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Delete a tool invocation (dryRun=true previews the cascade)' })
  @Writes(ToolInvocation)
  @ApiDeleteResponses()
  async remove(
    @UuidParam() id: string,
    @Query() query: DeleteQuery,
    @Res({ passthrough: true }) res: Response,
    @CurrentUser() caller: AuthUser,
  ): Promise<DeletePreview | void> {
    return respondToDelete(res, await this.crud.remove(toolInvocations, id, caller, query));
  }
}

/** The debate tables' CRUD routes, mounted by the app module. */
export const debateResourceControllers = [
  DebateSessionResourceController,
  DebateMessageResourceController,
  DebateConsensusResourceController,
  ToolInvocationResourceController,
];
