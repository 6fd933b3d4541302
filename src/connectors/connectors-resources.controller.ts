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
import { ConnectorMetrics } from './entities/connector-metrics.entity';
import {
  CreateConnectorMetricsDto,
  UpdateConnectorMetricsDto,
  ListConnectorMetricsQuery,
} from './dto/connector-metrics.dto';
import {
  connectorMetrics,
  externalApiCacheEntries,
  externalApiUsageCounters,
  valyuRetrievalCounters,
} from './connectors.resources';
import { UuidParam } from '../common/validation/uuid-param';
import { ExternalApiCacheEntry } from './entities/external-api-cache-entry.entity';
import {
  CreateExternalApiCacheEntryDto,
  UpdateExternalApiCacheEntryDto,
  ListExternalApiCacheEntriesQuery,
} from './dto/external-api-cache-entries.dto';
import { ExternalApiUsageCounter } from './entities/external-api-usage-counter.entity';
import {
  CreateExternalApiUsageCounterDto,
  UpdateExternalApiUsageCounterDto,
  ListExternalApiUsageCountersQuery,
} from './dto/external-api-usage-counters.dto';
import { ValyuRetrievalCounter } from './entities/valyu-retrieval-counter.entity';
import {
  CreateValyuRetrievalCounterDto,
  UpdateValyuRetrievalCounterDto,
  ListValyuRetrievalCountersQuery,
} from './dto/valyu-retrieval-counters.dto';

/** /api/connector-metrics: connector metrics, through the shared CRUD service. */
@ApiTags('connectors')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('connector-metrics')
export class ConnectorMetricsResourceController {
  constructor(private readonly crud: CrudService) {}

  @Get()
  @ApiOperation({ summary: 'List connector metrics' })
  @Reads(ConnectorMetrics)
  @ApiPageResponse(ConnectorMetrics)
  list(
    @Query() query: ListConnectorMetricsQuery,
    @CurrentUser() caller: AuthUser,
  ): Promise<Page<unknown>> {
    return this.crud.list(connectorMetrics, query, caller);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get connector metrics by id' })
  @Reads(ConnectorMetrics)
  @ApiOkResponse({ type: ConnectorMetrics })
  get(@UuidParam() id: string, @CurrentUser() caller: AuthUser): Promise<unknown> {
    return this.crud.get(connectorMetrics, id, caller);
  }

  @Post()
  @ApiOperation({ summary: 'Create connector metrics' })
  @Writes(ConnectorMetrics)
  @ApiCreatedResponse({ type: ConnectorMetrics })
  create(
    @Body() dto: CreateConnectorMetricsDto,
    @CurrentUser() caller: AuthUser,
  ): Promise<unknown> {
    return this.crud.create(connectorMetrics, dto, caller);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Update connector metrics by id' })
  @Writes(ConnectorMetrics)
  @ApiOkResponse({ type: ConnectorMetrics })
  update(
    @UuidParam() id: string,
    @Body() dto: UpdateConnectorMetricsDto,
    @CurrentUser() caller: AuthUser,
  ): Promise<unknown> {
    return this.crud.update(connectorMetrics, id, dto, caller);
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Delete connector metrics by id (dryRun=true previews the cascade)' })
  @Writes(ConnectorMetrics)
  @ApiDeleteResponses()
  async remove(
    @UuidParam() id: string,
    @Query() query: DeleteQuery,
    @Res({ passthrough: true }) res: Response,
    @CurrentUser() caller: AuthUser,
  ): Promise<DeletePreview | void> {
    return respondToDelete(res, await this.crud.remove(connectorMetrics, id, caller, query));
  }
}

/** /api/external-api-cache-entries: cache entries, through the shared CRUD service. */
@ApiTags('connectors')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('external-api-cache-entries')
export class ExternalApiCacheEntryResourceController {
  constructor(private readonly crud: CrudService) {}

  @Get()
  @ApiOperation({ summary: 'List cache entries' })
  @Reads(ExternalApiCacheEntry)
  @ApiPageResponse(ExternalApiCacheEntry)
  list(
    @Query() query: ListExternalApiCacheEntriesQuery,
    @CurrentUser() caller: AuthUser,
  ): Promise<Page<unknown>> {
    return this.crud.list(externalApiCacheEntries, query, caller);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a cache entry' })
  @Reads(ExternalApiCacheEntry)
  @ApiOkResponse({ type: ExternalApiCacheEntry })
  get(@UuidParam() id: string, @CurrentUser() caller: AuthUser): Promise<unknown> {
    return this.crud.get(externalApiCacheEntries, id, caller);
  }

  @Post()
  @ApiOperation({ summary: 'Create a cache entry' })
  @Writes(ExternalApiCacheEntry)
  @ApiCreatedResponse({ type: ExternalApiCacheEntry })
  create(
    @Body() dto: CreateExternalApiCacheEntryDto,
    @CurrentUser() caller: AuthUser,
  ): Promise<unknown> {
    return this.crud.create(externalApiCacheEntries, dto, caller);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Update a cache entry' })
  @Writes(ExternalApiCacheEntry)
  @ApiOkResponse({ type: ExternalApiCacheEntry })
  update(
    @UuidParam() id: string,
    @Body() dto: UpdateExternalApiCacheEntryDto,
    @CurrentUser() caller: AuthUser,
  ): Promise<unknown> {
    return this.crud.update(externalApiCacheEntries, id, dto, caller);
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Delete a cache entry (dryRun=true previews the cascade)' })
  @Writes(ExternalApiCacheEntry)
  @ApiDeleteResponses()
  async remove(
    @UuidParam() id: string,
    @Query() query: DeleteQuery,
    @Res({ passthrough: true }) res: Response,
    @CurrentUser() caller: AuthUser,
  ): Promise<DeletePreview | void> {
    return respondToDelete(res, await this.crud.remove(externalApiCacheEntries, id, caller, query));
  }
}

/** /api/external-api-usage-counters: usage counters, through the shared CRUD service. */
@ApiTags('connectors')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('external-api-usage-counters')
export class ExternalApiUsageCounterResourceController {
  constructor(private readonly crud: CrudService) {}

  @Get()
  @ApiOperation({ summary: 'List usage counters' })
  @Reads(ExternalApiUsageCounter)
  @ApiPageResponse(ExternalApiUsageCounter)
  list(
    @Query() query: ListExternalApiUsageCountersQuery,
    @CurrentUser() caller: AuthUser,
  ): Promise<Page<unknown>> {
    return this.crud.list(externalApiUsageCounters, query, caller);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get an usage counter' })
  @Reads(ExternalApiUsageCounter)
  @ApiOkResponse({ type: ExternalApiUsageCounter })
  get(@UuidParam() id: string, @CurrentUser() caller: AuthUser): Promise<unknown> {
    return this.crud.get(externalApiUsageCounters, id, caller);
  }

  @Post()
  @ApiOperation({ summary: 'Create an usage counter' })
  @Writes(ExternalApiUsageCounter)
  @ApiCreatedResponse({ type: ExternalApiUsageCounter })
  create(
    @Body() dto: CreateExternalApiUsageCounterDto,
    @CurrentUser() caller: AuthUser,
  ): Promise<unknown> {
    return this.crud.create(externalApiUsageCounters, dto, caller);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Update an usage counter' })
  @Writes(ExternalApiUsageCounter)
  @ApiOkResponse({ type: ExternalApiUsageCounter })
  update(
    @UuidParam() id: string,
    @Body() dto: UpdateExternalApiUsageCounterDto,
    @CurrentUser() caller: AuthUser,
  ): Promise<unknown> {
    return this.crud.update(externalApiUsageCounters, id, dto, caller);
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Delete an usage counter (dryRun=true previews the cascade)' })
  @Writes(ExternalApiUsageCounter)
  @ApiDeleteResponses()
  async remove(
    @UuidParam() id: string,
    @Query() query: DeleteQuery,
    @Res({ passthrough: true }) res: Response,
    @CurrentUser() caller: AuthUser,
  ): Promise<DeletePreview | void> {
    return respondToDelete(
      res,
      await this.crud.remove(externalApiUsageCounters, id, caller, query),
    );
  }
}

/** /api/valyu-retrieval-counters: retrieval counters, through the shared CRUD service. */
@ApiTags('connectors')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('valyu-retrieval-counters')
export class ValyuRetrievalCounterResourceController {
  constructor(private readonly crud: CrudService) {}

  @Get()
  @ApiOperation({ summary: 'List retrieval counters' })
  @Reads(ValyuRetrievalCounter)
  @ApiPageResponse(ValyuRetrievalCounter)
  list(
    @Query() query: ListValyuRetrievalCountersQuery,
    @CurrentUser() caller: AuthUser,
  ): Promise<Page<unknown>> {
    return this.crud.list(valyuRetrievalCounters, query, caller);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a retrieval counter' })
  @Reads(ValyuRetrievalCounter)
  @ApiOkResponse({ type: ValyuRetrievalCounter })
  get(@UuidParam() id: string, @CurrentUser() caller: AuthUser): Promise<unknown> {
    return this.crud.get(valyuRetrievalCounters, id, caller);
  }

  @Post()
  @ApiOperation({ summary: 'Create a retrieval counter' })
  @Writes(ValyuRetrievalCounter)
  @ApiCreatedResponse({ type: ValyuRetrievalCounter })
  create(
    @Body() dto: CreateValyuRetrievalCounterDto,
    @CurrentUser() caller: AuthUser,
  ): Promise<unknown> {
    return this.crud.create(valyuRetrievalCounters, dto, caller);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Update a retrieval counter' })
  @Writes(ValyuRetrievalCounter)
  @ApiOkResponse({ type: ValyuRetrievalCounter })
  update(
    @UuidParam() id: string,
    @Body() dto: UpdateValyuRetrievalCounterDto,
    @CurrentUser() caller: AuthUser,
  ): Promise<unknown> {
    return this.crud.update(valyuRetrievalCounters, id, dto, caller);
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Delete a retrieval counter (dryRun=true previews the cascade)' })
  @Writes(ValyuRetrievalCounter)
  @ApiDeleteResponses()
  async remove(
    @UuidParam() id: string,
    @Query() query: DeleteQuery,
    @Res({ passthrough: true }) res: Response,
    @CurrentUser() caller: AuthUser,
  ): Promise<DeletePreview | void> {
    return respondToDelete(res, await this.crud.remove(valyuRetrievalCounters, id, caller, query));
  }
}

/** The connectors tables' CRUD routes, mounted by the app module. */
export const connectorsResourceControllers = [
  ConnectorMetricsResourceController,
  ExternalApiCacheEntryResourceController,
  ExternalApiUsageCounterResourceController,
  ValyuRetrievalCounterResourceController,
];
