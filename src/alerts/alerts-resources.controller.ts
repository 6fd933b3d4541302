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
import { AlertRule } from './entities/alert-rule.entity';
import { CreateAlertRuleDto, UpdateAlertRuleDto, ListAlertRulesQuery } from './dto/alert-rules.dto';
import { alertRules, alertEvents } from './alerts.resources';
import { UuidParam } from '../common/validation/uuid-param';
import { AlertEvent } from './entities/alert-event.entity';
import {
  CreateAlertEventDto,
  UpdateAlertEventDto,
  ListAlertEventsQuery,
} from './dto/alert-events.dto';

/** /api/alert-rules: alert rules, through the shared CRUD service. */
@ApiTags('alerts')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('alert-rules')
export class AlertRuleResourceController {
  constructor(private readonly crud: CrudService) {}

  @Get()
  @ApiOperation({ summary: 'List alert rules' })
  @Reads(AlertRule)
  @ApiPageResponse(AlertRule)
  list(
    @Query() query: ListAlertRulesQuery,
    @CurrentUser() caller: AuthUser,
  ): Promise<Page<unknown>> {
    return this.crud.list(alertRules, query, caller);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get an alert rule' })
  @Reads(AlertRule)
  @ApiOkResponse({ type: AlertRule })
  get(@UuidParam() id: string, @CurrentUser() caller: AuthUser): Promise<unknown> {
    return this.crud.get(alertRules, id, caller);
  }

  @Post()
  @ApiOperation({ summary: 'Create an alert rule' })
  @Writes(AlertRule)
  @ApiCreatedResponse({ type: AlertRule })
  create(@Body() dto: CreateAlertRuleDto, @CurrentUser() caller: AuthUser): Promise<unknown> {
    return this.crud.create(alertRules, dto, caller);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Update an alert rule' })
  @Writes(AlertRule)
  @ApiOkResponse({ type: AlertRule })
  update(
    @UuidParam() id: string,
    @Body() dto: UpdateAlertRuleDto,
    @CurrentUser() caller: AuthUser,
  ): Promise<unknown> {
    return this.crud.update(alertRules, id, dto, caller);
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Delete an alert rule (dryRun=true previews the cascade)' })
  @Writes(AlertRule)
  @ApiDeleteResponses()
  async remove(
    @UuidParam() id: string,
    @Query() query: DeleteQuery,
    @Res({ passthrough: true }) res: Response,
    @CurrentUser() caller: AuthUser,
  ): Promise<DeletePreview | void> {
    return respondToDelete(res, await this.crud.remove(alertRules, id, caller, query));
  }
}

/** /api/alert-events: alert events, through the shared CRUD service. */
@ApiTags('alerts')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('alert-events')
export class AlertEventResourceController {
  constructor(private readonly crud: CrudService) {}

  @Get()
  @ApiOperation({ summary: 'List alert events' })
  @Reads(AlertEvent)
  @ApiPageResponse(AlertEvent)
  list(
    @Query() query: ListAlertEventsQuery,
    @CurrentUser() caller: AuthUser,
  ): Promise<Page<unknown>> {
    return this.crud.list(alertEvents, query, caller);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get an alert event' })
  @Reads(AlertEvent)
  @ApiOkResponse({ type: AlertEvent })
  get(@UuidParam() id: string, @CurrentUser() caller: AuthUser): Promise<unknown> {
    return this.crud.get(alertEvents, id, caller);
  }

  @Post()
  @ApiOperation({ summary: 'Create an alert event' })
  @Writes(AlertEvent)
  @ApiCreatedResponse({ type: AlertEvent })
  create(@Body() dto: CreateAlertEventDto, @CurrentUser() caller: AuthUser): Promise<unknown> {
    return this.crud.create(alertEvents, dto, caller);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Update an alert event' })
  @Writes(AlertEvent)
  @ApiOkResponse({ type: AlertEvent })
  update(
    @UuidParam() id: string,
    @Body() dto: UpdateAlertEventDto,
    @CurrentUser() caller: AuthUser,
  ): Promise<unknown> {
    return this.crud.update(alertEvents, id, dto, caller);
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Delete an alert event (dryRun=true previews the cascade)' })
  @Writes(AlertEvent)
  @ApiDeleteResponses()
  async remove(
    @UuidParam() id: string,
    @Query() query: DeleteQuery,
    @Res({ passthrough: true }) res: Response,
    @CurrentUser() caller: AuthUser,
  ): Promise<DeletePreview | void> {
    return respondToDelete(res, await this.crud.remove(alertEvents, id, caller, query));
  }
}

/** The alerts tables' CRUD routes, mounted by the app module. */
export const alertsResourceControllers = [
  AlertRuleResourceController,
  AlertEventResourceController,
];
