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
import { AllocationPolicy } from './entities/allocation-policy.entity';
import {
  CreateAllocationPolicyDto,
  UpdateAllocationPolicyDto,
  ListAllocationPoliciesQuery,
} from './dto/allocation-policies.dto';
import { allocationPolicies, rebalanceRuns } from './allocation.resources';
import { UuidParam } from '../common/validation/uuid-param';
import { RebalanceRun } from './entities/rebalance-run.entity';
import {
  CreateRebalanceRunDto,
  UpdateRebalanceRunDto,
  ListRebalanceRunsQuery,
} from './dto/rebalance-runs.dto';

/** /api/allocation-policies: allocation policies, through the shared CRUD service. */
@ApiTags('allocation')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('allocation-policies')
export class AllocationPolicyResourceController {
  constructor(private readonly crud: CrudService) {}

  @Get()
  @ApiOperation({ summary: 'List allocation policies' })
  @Reads(AllocationPolicy)
  @ApiPageResponse(AllocationPolicy)
  list(
    @Query() query: ListAllocationPoliciesQuery,
    @CurrentUser() caller: AuthUser,
  ): Promise<Page<unknown>> {
    return this.crud.list(allocationPolicies, query, caller);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get an allocation policy' })
  @Reads(AllocationPolicy)
  @ApiOkResponse({ type: AllocationPolicy })
  get(@UuidParam() id: string, @CurrentUser() caller: AuthUser): Promise<unknown> {
    return this.crud.get(allocationPolicies, id, caller);
  }

  @Post()
  @ApiOperation({ summary: 'Create an allocation policy' })
  @Writes(AllocationPolicy)
  @ApiCreatedResponse({ type: AllocationPolicy })
  create(
    @Body() dto: CreateAllocationPolicyDto,
    @CurrentUser() caller: AuthUser,
  ): Promise<unknown> {
    return this.crud.create(allocationPolicies, dto, caller);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Update an allocation policy' })
  @Writes(AllocationPolicy)
  @ApiOkResponse({ type: AllocationPolicy })
  update(
    @UuidParam() id: string,
    @Body() dto: UpdateAllocationPolicyDto,
    @CurrentUser() caller: AuthUser,
  ): Promise<unknown> {
    return this.crud.update(allocationPolicies, id, dto, caller);
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Delete an allocation policy (dryRun=true previews the cascade)' })
  @Writes(AllocationPolicy)
  @ApiDeleteResponses()
  async remove(
    @UuidParam() id: string,
    @Query() query: DeleteQuery,
    @Res({ passthrough: true }) res: Response,
    @CurrentUser() caller: AuthUser,
  ): Promise<DeletePreview | void> {
    return respondToDelete(res, await this.crud.remove(allocationPolicies, id, caller, query));
  }
}

/** /api/rebalance-runs: rebalance runs, through the shared CRUD service. */
@ApiTags('allocation')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('rebalance-runs')
export class RebalanceRunResourceController {
  constructor(private readonly crud: CrudService) {}

  @Get()
  @ApiOperation({ summary: 'List rebalance runs' })
  @Reads(RebalanceRun)
  @ApiPageResponse(RebalanceRun)
  list(
    @Query() query: ListRebalanceRunsQuery,
    @CurrentUser() caller: AuthUser,
  ): Promise<Page<unknown>> {
    return this.crud.list(rebalanceRuns, query, caller);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a rebalance run' })
  @Reads(RebalanceRun)
  @ApiOkResponse({ type: RebalanceRun })
  get(@UuidParam() id: string, @CurrentUser() caller: AuthUser): Promise<unknown> {
    return this.crud.get(rebalanceRuns, id, caller);
  }

  @Post()
  @ApiOperation({ summary: 'Create a rebalance run' })
  @Writes(RebalanceRun)
  @ApiCreatedResponse({ type: RebalanceRun })
  create(@Body() dto: CreateRebalanceRunDto, @CurrentUser() caller: AuthUser): Promise<unknown> {
    return this.crud.create(rebalanceRuns, dto, caller);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Update a rebalance run' })
  @Writes(RebalanceRun)
  @ApiOkResponse({ type: RebalanceRun })
  update(
    @UuidParam() id: string,
    @Body() dto: UpdateRebalanceRunDto,
    @CurrentUser() caller: AuthUser,
  ): Promise<unknown> {
    return this.crud.update(rebalanceRuns, id, dto, caller);
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Delete a rebalance run (dryRun=true previews the cascade)' })
  @Writes(RebalanceRun)
  @ApiDeleteResponses()
  async remove(
    @UuidParam() id: string,
    @Query() query: DeleteQuery,
    @Res({ passthrough: true }) res: Response,
    @CurrentUser() caller: AuthUser,
  ): Promise<DeletePreview | void> {
    return respondToDelete(res, await this.crud.remove(rebalanceRuns, id, caller, query));
  }
}

/** The allocation tables' CRUD routes, mounted by the app module. */
export const allocationResourceControllers = [
  AllocationPolicyResourceController,
  RebalanceRunResourceController,
];
