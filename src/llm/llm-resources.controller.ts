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
import { LlmCall } from './entities/llm-call.entity';
import { CreateLlmCallDto, UpdateLlmCallDto, ListLlmCallsQuery } from './dto/llm-calls.dto';
import { llmCalls, llmRoleConfigs } from './llm.resources';
import { UuidParam } from '../common/validation/uuid-param';
import { LlmRoleConfig } from './entities/llm-role-config.entity';
import {
  CreateLlmRoleConfigDto,
  UpdateLlmRoleConfigDto,
  ListLlmRoleConfigsQuery,
} from './dto/llm-role-configs.dto';

/** /api/llm-calls: LLM calls, through the shared CRUD service. */
@ApiTags('llm')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('llm-calls')
export class LlmCallResourceController {
  constructor(private readonly crud: CrudService) {}

  @Get()
  @ApiOperation({ summary: 'List LLM calls' })
  @Reads(LlmCall)
  @ApiPageResponse(LlmCall)
  list(@Query() query: ListLlmCallsQuery, @CurrentUser() caller: AuthUser): Promise<Page<unknown>> {
    return this.crud.list(llmCalls, query, caller);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a LLM call' })
  @Reads(LlmCall)
  @ApiOkResponse({ type: LlmCall })
  get(@UuidParam() id: string, @CurrentUser() caller: AuthUser): Promise<unknown> {
    return this.crud.get(llmCalls, id, caller);
  }

  @Post()
  @ApiOperation({ summary: 'Create a LLM call' })
  @Writes(LlmCall)
  @ApiCreatedResponse({ type: LlmCall })
  create(@Body() dto: CreateLlmCallDto, @CurrentUser() caller: AuthUser): Promise<unknown> {
    return this.crud.create(llmCalls, dto, caller);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Update a LLM call' })
  @Writes(LlmCall)
  @ApiOkResponse({ type: LlmCall })
  update(
    @UuidParam() id: string,
    @Body() dto: UpdateLlmCallDto,
    @CurrentUser() caller: AuthUser,
  ): Promise<unknown> {
    return this.crud.update(llmCalls, id, dto, caller);
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Delete a LLM call (dryRun=true previews the cascade)' })
  @Writes(LlmCall)
  @ApiDeleteResponses()
  async remove(
    @UuidParam() id: string,
    @Query() query: DeleteQuery,
    @Res({ passthrough: true }) res: Response,
    @CurrentUser() caller: AuthUser,
  ): Promise<DeletePreview | void> {
    return respondToDelete(res, await this.crud.remove(llmCalls, id, caller, query));
  }
}

/** /api/llm-role-configs: LLM role configs, through the shared CRUD service. */
@ApiTags('llm')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('llm-role-configs')
export class LlmRoleConfigResourceController {
  constructor(private readonly crud: CrudService) {}

  @Get()
  @ApiOperation({ summary: 'List LLM role configs' })
  @Reads(LlmRoleConfig)
  @ApiPageResponse(LlmRoleConfig)
  list(
    @Query() query: ListLlmRoleConfigsQuery,
    @CurrentUser() caller: AuthUser,
  ): Promise<Page<unknown>> {
    return this.crud.list(llmRoleConfigs, query, caller);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a LLM role config' })
  @Reads(LlmRoleConfig)
  @ApiOkResponse({ type: LlmRoleConfig })
  get(@UuidParam() id: string, @CurrentUser() caller: AuthUser): Promise<unknown> {
    return this.crud.get(llmRoleConfigs, id, caller);
  }

  @Post()
  @ApiOperation({ summary: 'Create a LLM role config' })
  @Writes(LlmRoleConfig)
  @ApiCreatedResponse({ type: LlmRoleConfig })
  create(@Body() dto: CreateLlmRoleConfigDto, @CurrentUser() caller: AuthUser): Promise<unknown> {
    return this.crud.create(llmRoleConfigs, dto, caller);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Update a LLM role config' })
  @Writes(LlmRoleConfig)
  @ApiOkResponse({ type: LlmRoleConfig })
  update(
    @UuidParam() id: string,
    @Body() dto: UpdateLlmRoleConfigDto,
    @CurrentUser() caller: AuthUser,
  ): Promise<unknown> {
    return this.crud.update(llmRoleConfigs, id, dto, caller);
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Delete a LLM role config (dryRun=true previews the cascade)' })
  @Writes(LlmRoleConfig)
  @ApiDeleteResponses()
  async remove(
    @UuidParam() id: string,
    @Query() query: DeleteQuery,
    @Res({ passthrough: true }) res: Response,
    @CurrentUser() caller: AuthUser,
  ): Promise<DeletePreview | void> {
    return respondToDelete(res, await this.crud.remove(llmRoleConfigs, id, caller, query));
  }
}

/** The llm tables' CRUD routes, mounted by the app module. */
export const llmResourceControllers = [LlmCallResourceController, LlmRoleConfigResourceController];
