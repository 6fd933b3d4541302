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
import { StrategyVersion } from './entities/strategy-version.entity';
import {
  CreateStrategyVersionDto,
  UpdateStrategyVersionDto,
  ListStrategyVersionsQuery,
} from './dto/strategy-versions.dto';
import { strategyVersions } from './strategies.resources';
import { UuidParam } from '../common/validation/uuid-param';

/** /api/strategy-versions: strategy versions, through the shared CRUD service. */
@ApiTags('strategies')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('strategy-versions')
export class StrategyVersionResourceController {
  constructor(private readonly crud: CrudService) {}

  @Get()
  @ApiOperation({ summary: 'List strategy versions' })
  @Reads(StrategyVersion)
  @ApiPageResponse(StrategyVersion)
  list(
    @Query() query: ListStrategyVersionsQuery,
    @CurrentUser() caller: AuthUser,
  ): Promise<Page<unknown>> {
    return this.crud.list(strategyVersions, query, caller);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a strategy version' })
  @Reads(StrategyVersion)
  @ApiOkResponse({ type: StrategyVersion })
  get(@UuidParam() id: string, @CurrentUser() caller: AuthUser): Promise<unknown> {
    return this.crud.get(strategyVersions, id, caller);
  }

  @Post()
  @ApiOperation({ summary: 'Create a strategy version' })
  @Writes(StrategyVersion)
  @ApiCreatedResponse({ type: StrategyVersion })
  create(@Body() dto: CreateStrategyVersionDto, @CurrentUser() caller: AuthUser): Promise<unknown> {
    return this.crud.create(strategyVersions, dto, caller);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Update a strategy version' })
  @Writes(StrategyVersion)
  @ApiOkResponse({ type: StrategyVersion })
  update(
    @UuidParam() id: string,
    @Body() dto: UpdateStrategyVersionDto,
    @CurrentUser() caller: AuthUser,
  ): Promise<unknown> {
    return this.crud.update(strategyVersions, id, dto, caller);
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Delete a strategy version (dryRun=true previews the cascade)' })
  @Writes(StrategyVersion)
  @ApiDeleteResponses()
  async remove(
    @UuidParam() id: string,
    @Query() query: DeleteQuery,
    @Res({ passthrough: true }) res: Response,
    @CurrentUser() caller: AuthUser,
  ): Promise<DeletePreview | void> {
    return respondToDelete(res, await this.crud.remove(strategyVersions, id, caller, query));
  }
}

/** The strategies tables' CRUD routes, mounted by the app module. */
export const strategiesResourceControllers = [StrategyVersionResourceController];
