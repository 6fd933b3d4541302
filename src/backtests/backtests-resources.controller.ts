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
import { BacktestRun } from './entities/backtest-run.entity';
import {
  CreateBacktestRunDto,
  UpdateBacktestRunDto,
  ListBacktestsQuery,
} from './dto/backtests.dto';
import { backtests, backtestTradeEvents, backtestEquityCurve } from './backtests.resources';
import { UuidParam } from '../common/validation/uuid-param';
import { BacktestTradeEvent } from './entities/backtest-trade-event.entity';
import {
  CreateBacktestTradeEventDto,
  UpdateBacktestTradeEventDto,
  ListBacktestTradeEventsQuery,
} from './dto/backtest-trade-events.dto';
import { BacktestEquityPoint } from './entities/backtest-equity-point.entity';
import {
  CreateBacktestEquityPointDto,
  UpdateBacktestEquityPointDto,
  ListBacktestEquityCurveQuery,
} from './dto/backtest-equity-curve.dto';

/** /api/backtests: backtests, through the shared CRUD service. */
@ApiTags('backtests')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('backtests')
export class BacktestRunResourceController {
  constructor(private readonly crud: CrudService) {}

  @Get()
  @ApiOperation({ summary: 'List backtests' })
  @Reads(BacktestRun)
  @ApiPageResponse(BacktestRun)
  list(
    @Query() query: ListBacktestsQuery,
    @CurrentUser() caller: AuthUser,
  ): Promise<Page<unknown>> {
    return this.crud.list(backtests, query, caller);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a backtest' })
  @Reads(BacktestRun)
  @ApiOkResponse({ type: BacktestRun })
  get(@UuidParam() id: string, @CurrentUser() caller: AuthUser): Promise<unknown> {
    return this.crud.get(backtests, id, caller);
  }

  @Post()
  @ApiOperation({ summary: 'Create a backtest' })
  @Writes(BacktestRun)
  @ApiCreatedResponse({ type: BacktestRun })
  create(@Body() dto: CreateBacktestRunDto, @CurrentUser() caller: AuthUser): Promise<unknown> {
    return this.crud.create(backtests, dto, caller);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Update a backtest' })
  @Writes(BacktestRun)
  @ApiOkResponse({ type: BacktestRun })
  update(
    @UuidParam() id: string,
    @Body() dto: UpdateBacktestRunDto,
    @CurrentUser() caller: AuthUser,
  ): Promise<unknown> {
    return this.crud.update(backtests, id, dto, caller);
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Delete a backtest (dryRun=true previews the cascade)' })
  @Writes(BacktestRun)
  @ApiDeleteResponses()
  async remove(
    @UuidParam() id: string,
    @Query() query: DeleteQuery,
    @Res({ passthrough: true }) res: Response,
    @CurrentUser() caller: AuthUser,
  ): Promise<DeletePreview | void> {
    return respondToDelete(res, await this.crud.remove(backtests, id, caller, query));
  }
}

/** /api/backtest-trade-events: backtest trade events, through the shared CRUD service. */
@ApiTags('backtests')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('backtest-trade-events')
export class BacktestTradeEventResourceController {
  constructor(private readonly crud: CrudService) {}

  @Get()
  @ApiOperation({ summary: 'List backtest trade events' })
  @Reads(BacktestTradeEvent)
  @ApiPageResponse(BacktestTradeEvent)
  list(
    @Query() query: ListBacktestTradeEventsQuery,
    @CurrentUser() caller: AuthUser,
  ): Promise<Page<unknown>> {
    return this.crud.list(backtestTradeEvents, query, caller);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a backtest trade event' })
  @Reads(BacktestTradeEvent)
  @ApiOkResponse({ type: BacktestTradeEvent })
  get(@UuidParam() id: string, @CurrentUser() caller: AuthUser): Promise<unknown> {
    return this.crud.get(backtestTradeEvents, id, caller);
  }

  @Post()
  @ApiOperation({ summary: 'Create a backtest trade event' })
  @Writes(BacktestTradeEvent)
  @ApiCreatedResponse({ type: BacktestTradeEvent })
  create(
    @Body() dto: CreateBacktestTradeEventDto,
    @CurrentUser() caller: AuthUser,
  ): Promise<unknown> {
    return this.crud.create(backtestTradeEvents, dto, caller);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Update a backtest trade event' })
  @Writes(BacktestTradeEvent)
  @ApiOkResponse({ type: BacktestTradeEvent })
  update(
    @UuidParam() id: string,
    @Body() dto: UpdateBacktestTradeEventDto,
    @CurrentUser() caller: AuthUser,
  ): Promise<unknown> {
    return this.crud.update(backtestTradeEvents, id, dto, caller);
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Delete a backtest trade event (dryRun=true previews the cascade)' })
  @Writes(BacktestTradeEvent)
  @ApiDeleteResponses()
  async remove(
    @UuidParam() id: string,
    @Query() query: DeleteQuery,
    @Res({ passthrough: true }) res: Response,
    @CurrentUser() caller: AuthUser,
  ): Promise<DeletePreview | void> {
    return respondToDelete(res, await this.crud.remove(backtestTradeEvents, id, caller, query));
  }
}

/** /api/backtest-equity-curve: equity points, through the shared CRUD service. */
@ApiTags('backtests')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('backtest-equity-curve')
export class BacktestEquityPointResourceController {
  constructor(private readonly crud: CrudService) {}

  @Get()
  @ApiOperation({ summary: 'List equity points' })
  @Reads(BacktestEquityPoint)
  @ApiPageResponse(BacktestEquityPoint)
  list(
    @Query() query: ListBacktestEquityCurveQuery,
    @CurrentUser() caller: AuthUser,
  ): Promise<Page<unknown>> {
    return this.crud.list(backtestEquityCurve, query, caller);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get an equity point' })
  @Reads(BacktestEquityPoint)
  @ApiOkResponse({ type: BacktestEquityPoint })
  get(@UuidParam() id: string, @CurrentUser() caller: AuthUser): Promise<unknown> {
    return this.crud.get(backtestEquityCurve, id, caller);
  }

  @Post()
  @ApiOperation({ summary: 'Create an equity point' })
  @Writes(BacktestEquityPoint)
  @ApiCreatedResponse({ type: BacktestEquityPoint })
  create(
    @Body() dto: CreateBacktestEquityPointDto,
    @CurrentUser() caller: AuthUser,
  ): Promise<unknown> {
    return this.crud.create(backtestEquityCurve, dto, caller);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Update an equity point' })
  @Writes(BacktestEquityPoint)
  @ApiOkResponse({ type: BacktestEquityPoint })
  update(
    @UuidParam() id: string,
    @Body() dto: UpdateBacktestEquityPointDto,
    @CurrentUser() caller: AuthUser,
  ): Promise<unknown> {
    return this.crud.update(backtestEquityCurve, id, dto, caller);
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Delete an equity point (dryRun=true previews the cascade)' })
  @Writes(BacktestEquityPoint)
  @ApiDeleteResponses()
  async remove(
    @UuidParam() id: string,
    @Query() query: DeleteQuery,
    @Res({ passthrough: true }) res: Response,
    @CurrentUser() caller: AuthUser,
  ): Promise<DeletePreview | void> {
    return respondToDelete(res, await this.crud.remove(backtestEquityCurve, id, caller, query));
  }
}

/** The backtests tables' CRUD routes, mounted by the app module. */
export const backtestsResourceControllers = [
  BacktestRunResourceController,
  BacktestTradeEventResourceController,
  BacktestEquityPointResourceController,
];
