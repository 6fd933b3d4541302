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
import { WorkItem } from './entities/work-item.entity';
import { CreateWorkItemDto, UpdateWorkItemDto, ListWorkItemsQuery } from './dto/work-items.dto';
import { workItems, workItemRuns } from './work-items.resources';
import { UuidParam } from '../common/validation/uuid-param';
import { WorkItemRun } from './entities/work-item-run.entity';
import {
  CreateWorkItemRunDto,
  UpdateWorkItemRunDto,
  ListWorkItemRunsQuery,
} from './dto/work-item-runs.dto';

/** /api/work-items: work items, through the shared CRUD service. */
@ApiTags('work-items')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('work-items')
export class WorkItemResourceController {
  constructor(private readonly crud: CrudService) {}

  @Get()
  @ApiOperation({ summary: 'List work items' })
  @Reads(WorkItem)
  @ApiPageResponse(WorkItem)
  list(
    @Query() query: ListWorkItemsQuery,
    @CurrentUser() caller: AuthUser,
  ): Promise<Page<unknown>> {
    return this.crud.list(workItems, query, caller);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a work item' })
  @Reads(WorkItem)
  @ApiOkResponse({ type: WorkItem })
  get(@UuidParam() id: string, @CurrentUser() caller: AuthUser): Promise<unknown> {
    return this.crud.get(workItems, id, caller);
  }

  @Post()
  @ApiOperation({ summary: 'Create a work item' })
  @Writes(WorkItem)
  @ApiCreatedResponse({ type: WorkItem })
  create(@Body() dto: CreateWorkItemDto, @CurrentUser() caller: AuthUser): Promise<unknown> {
    return this.crud.create(workItems, dto, caller);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Update a work item' })
  @Writes(WorkItem)
  @ApiOkResponse({ type: WorkItem })
  update(
    @UuidParam() id: string,
    @Body() dto: UpdateWorkItemDto,
    @CurrentUser() caller: AuthUser,
  ): Promise<unknown> {
    return this.crud.update(workItems, id, dto, caller);
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Delete a work item (dryRun=true previews the cascade)' })
  @Writes(WorkItem)
  @ApiDeleteResponses()
  async remove(
    @UuidParam() id: string,
    @Query() query: DeleteQuery,
    @Res({ passthrough: true }) res: Response,
    @CurrentUser() caller: AuthUser,
  ): Promise<DeletePreview | void> {
    return respondToDelete(res, await this.crud.remove(workItems, id, caller, query));
  }
}

/** /api/work-item-runs: work item runs, through the shared CRUD service. */
@ApiTags('work-items')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('work-item-runs')
export class WorkItemRunResourceController {
  constructor(private readonly crud: CrudService) {}

  @Get()
  @ApiOperation({ summary: 'List work item runs' })
  @Reads(WorkItemRun)
  @ApiPageResponse(WorkItemRun)
  list(
    @Query() query: ListWorkItemRunsQuery,
    @CurrentUser() caller: AuthUser,
  ): Promise<Page<unknown>> {
    return this.crud.list(workItemRuns, query, caller);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a work item run' })
  @Reads(WorkItemRun)
  @ApiOkResponse({ type: WorkItemRun })
  get(@UuidParam() id: string, @CurrentUser() caller: AuthUser): Promise<unknown> {
    return this.crud.get(workItemRuns, id, caller);
  }

  @Post()
  @ApiOperation({ summary: 'Create a work item run' })
  @Writes(WorkItemRun)
  @ApiCreatedResponse({ type: WorkItemRun })
  create(@Body() dto: CreateWorkItemRunDto, @CurrentUser() caller: AuthUser): Promise<unknown> {
    return this.crud.create(workItemRuns, dto, caller);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Update a work item run' })
  @Writes(WorkItemRun)
  @ApiOkResponse({ type: WorkItemRun })
  update(
    @UuidParam() id: string,
    @Body() dto: UpdateWorkItemRunDto,
    @CurrentUser() caller: AuthUser,
  ): Promise<unknown> {
    return this.crud.update(workItemRuns, id, dto, caller);
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Delete a work item run (dryRun=true previews the cascade)' })
  @Writes(WorkItemRun)
  @ApiDeleteResponses()
  async remove(
    @UuidParam() id: string,
    @Query() query: DeleteQuery,
    @Res({ passthrough: true }) res: Response,
    @CurrentUser() caller: AuthUser,
  ): Promise<DeletePreview | void> {
    return respondToDelete(res, await this.crud.remove(workItemRuns, id, caller, query));
  }
}

/** The work-items tables' CRUD routes, mounted by the app module. */
export const workItemsResourceControllers = [
  WorkItemResourceController,
  WorkItemRunResourceController,
];
