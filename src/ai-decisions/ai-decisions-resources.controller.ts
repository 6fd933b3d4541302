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
import { AiOutcomeLink } from './entities/ai-outcome-link.entity';
import {
  CreateAiOutcomeLinkDto,
  UpdateAiOutcomeLinkDto,
  ListAiOutcomeLinksQuery,
} from './dto/ai-outcome-links.dto';
import {
  aiOutcomeLinks,
  aiDecisionFeatures,
  aiTradeOutcomes,
  aiCalibrationLogs,
} from './ai-decisions.resources';
import { UuidParam } from '../common/validation/uuid-param';
import { AiDecisionFeatures } from './entities/ai-decision-features.entity';
import {
  CreateAiDecisionFeaturesDto,
  UpdateAiDecisionFeaturesDto,
  ListAiDecisionFeaturesQuery,
} from './dto/ai-decision-features.dto';
import { AiTradeOutcome } from './entities/ai-trade-outcome.entity';
import {
  CreateAiTradeOutcomeDto,
  UpdateAiTradeOutcomeDto,
  ListAiTradeOutcomesQuery,
} from './dto/ai-trade-outcomes.dto';
import { AiCalibrationLog } from './entities/ai-calibration-log.entity';
import {
  CreateAiCalibrationLogDto,
  UpdateAiCalibrationLogDto,
  ListAiCalibrationLogsQuery,
} from './dto/ai-calibration-logs.dto';

/** /api/ai-outcome-links: AI outcome links, through the shared CRUD service. */
@ApiTags('ai-decisions')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('ai-outcome-links')
export class AiOutcomeLinkResourceController {
  constructor(private readonly crud: CrudService) {}

  @Get()
  @ApiOperation({ summary: 'List AI outcome links' })
  @Reads(AiOutcomeLink)
  @ApiPageResponse(AiOutcomeLink)
  list(
    @Query() query: ListAiOutcomeLinksQuery,
    @CurrentUser() caller: AuthUser,
  ): Promise<Page<unknown>> {
    return this.crud.list(aiOutcomeLinks, query, caller);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get an AI outcome link' })
  @Reads(AiOutcomeLink)
  @ApiOkResponse({ type: AiOutcomeLink })
  get(@UuidParam() id: string, @CurrentUser() caller: AuthUser): Promise<unknown> {
    return this.crud.get(aiOutcomeLinks, id, caller);
  }

  @Post()
  @ApiOperation({ summary: 'Create an AI outcome link' })
  @Writes(AiOutcomeLink)
  @ApiCreatedResponse({ type: AiOutcomeLink })
  create(@Body() dto: CreateAiOutcomeLinkDto, @CurrentUser() caller: AuthUser): Promise<unknown> {
    return this.crud.create(aiOutcomeLinks, dto, caller);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Update an AI outcome link' })
  @Writes(AiOutcomeLink)
  @ApiOkResponse({ type: AiOutcomeLink })
  update(
    @UuidParam() id: string,
    @Body() dto: UpdateAiOutcomeLinkDto,
    @CurrentUser() caller: AuthUser,
  ): Promise<unknown> {
    return this.crud.update(aiOutcomeLinks, id, dto, caller);
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Delete an AI outcome link (dryRun=true previews the cascade)' })
  @Writes(AiOutcomeLink)
  @ApiDeleteResponses()
  async remove(
    @UuidParam() id: string,
    @Query() query: DeleteQuery,
    @Res({ passthrough: true }) res: Response,
    @CurrentUser() caller: AuthUser,
  ): Promise<DeletePreview | void> {
    return respondToDelete(res, await this.crud.remove(aiOutcomeLinks, id, caller, query));
  }
}

/** /api/ai-decision-features: AI decision features, through the shared CRUD service. */
@ApiTags('ai-decisions')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('ai-decision-features')
export class AiDecisionFeaturesResourceController {
  constructor(private readonly crud: CrudService) {}

  @Get()
  @ApiOperation({ summary: 'List AI decision features' })
  @Reads(AiDecisionFeatures)
  @ApiPageResponse(AiDecisionFeatures)
  list(
    @Query() query: ListAiDecisionFeaturesQuery,
    @CurrentUser() caller: AuthUser,
  ): Promise<Page<unknown>> {
    return this.crud.list(aiDecisionFeatures, query, caller);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get AI decision features by id' })
  @Reads(AiDecisionFeatures)
  @ApiOkResponse({ type: AiDecisionFeatures })
  get(@UuidParam() id: string, @CurrentUser() caller: AuthUser): Promise<unknown> {
    return this.crud.get(aiDecisionFeatures, id, caller);
  }

  @Post()
  @ApiOperation({ summary: 'Create AI decision features' })
  @Writes(AiDecisionFeatures)
  @ApiCreatedResponse({ type: AiDecisionFeatures })
  create(
    @Body() dto: CreateAiDecisionFeaturesDto,
    @CurrentUser() caller: AuthUser,
  ): Promise<unknown> {
    return this.crud.create(aiDecisionFeatures, dto, caller);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Update AI decision features by id' })
  @Writes(AiDecisionFeatures)
  @ApiOkResponse({ type: AiDecisionFeatures })
  update(
    @UuidParam() id: string,
    @Body() dto: UpdateAiDecisionFeaturesDto,
    @CurrentUser() caller: AuthUser,
  ): Promise<unknown> {
    return this.crud.update(aiDecisionFeatures, id, dto, caller);
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Delete AI decision features by id (dryRun=true previews the cascade)' })
  @Writes(AiDecisionFeatures)
  @ApiDeleteResponses()
  async remove(
    @UuidParam() id: string,
    @Query() query: DeleteQuery,
    @Res({ passthrough: true }) res: Response,
    @CurrentUser() caller: AuthUser,
  ): Promise<DeletePreview | void> {
    return respondToDelete(res, await this.crud.remove(aiDecisionFeatures, id, caller, query));
  }
}

/** /api/ai-trade-outcomes: AI trade outcomes, through the shared CRUD service. */
@ApiTags('ai-decisions')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('ai-trade-outcomes')
export class AiTradeOutcomeResourceController {
  constructor(private readonly crud: CrudService) {}

  @Get()
  @ApiOperation({ summary: 'List AI trade outcomes' })
  @Reads(AiTradeOutcome)
  @ApiPageResponse(AiTradeOutcome)
  list(
    @Query() query: ListAiTradeOutcomesQuery,
    @CurrentUser() caller: AuthUser,
  ): Promise<Page<unknown>> {
    return this.crud.list(aiTradeOutcomes, query, caller);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get an AI trade outcome' })
  @Reads(AiTradeOutcome)
  @ApiOkResponse({ type: AiTradeOutcome })
  get(@UuidParam() id: string, @CurrentUser() caller: AuthUser): Promise<unknown> {
    return this.crud.get(aiTradeOutcomes, id, caller);
  }

  @Post()
  @ApiOperation({ summary: 'Create an AI trade outcome' })
  @Writes(AiTradeOutcome)
  @ApiCreatedResponse({ type: AiTradeOutcome })
  create(@Body() dto: CreateAiTradeOutcomeDto, @CurrentUser() caller: AuthUser): Promise<unknown> {
    return this.crud.create(aiTradeOutcomes, dto, caller);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Update an AI trade outcome' })
  @Writes(AiTradeOutcome)
  @ApiOkResponse({ type: AiTradeOutcome })
  update(
    @UuidParam() id: string,
    @Body() dto: UpdateAiTradeOutcomeDto,
    @CurrentUser() caller: AuthUser,
  ): Promise<unknown> {
    return this.crud.update(aiTradeOutcomes, id, dto, caller);
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Delete an AI trade outcome (dryRun=true previews the cascade)' })
  @Writes(AiTradeOutcome)
  @ApiDeleteResponses()
  async remove(
    @UuidParam() id: string,
    @Query() query: DeleteQuery,
    @Res({ passthrough: true }) res: Response,
    @CurrentUser() caller: AuthUser,
  ): Promise<DeletePreview | void> {
    return respondToDelete(res, await this.crud.remove(aiTradeOutcomes, id, caller, query));
  }
}

/** /api/ai-calibration-logs: calibration logs, through the shared CRUD service. */
@ApiTags('ai-decisions')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('ai-calibration-logs')
export class AiCalibrationLogResourceController {
  constructor(private readonly crud: CrudService) {}

  @Get()
  @ApiOperation({ summary: 'List calibration logs' })
  @Reads(AiCalibrationLog)
  @ApiPageResponse(AiCalibrationLog)
  list(
    @Query() query: ListAiCalibrationLogsQuery,
    @CurrentUser() caller: AuthUser,
  ): Promise<Page<unknown>> {
    return this.crud.list(aiCalibrationLogs, query, caller);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a calibration log' })
  @Reads(AiCalibrationLog)
  @ApiOkResponse({ type: AiCalibrationLog })
  get(@UuidParam() id: string, @CurrentUser() caller: AuthUser): Promise<unknown> {
    return this.crud.get(aiCalibrationLogs, id, caller);
  }

  @Post()
  @ApiOperation({ summary: 'Create a calibration log' })
  @Writes(AiCalibrationLog)
  @ApiCreatedResponse({ type: AiCalibrationLog })
  create(
    @Body() dto: CreateAiCalibrationLogDto,
    @CurrentUser() caller: AuthUser,
  ): Promise<unknown> {
    return this.crud.create(aiCalibrationLogs, dto, caller);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Update a calibration log' })
  @Writes(AiCalibrationLog)
  @ApiOkResponse({ type: AiCalibrationLog })
  update(
    @UuidParam() id: string,
    @Body() dto: UpdateAiCalibrationLogDto,
    @CurrentUser() caller: AuthUser,
  ): Promise<unknown> {
    return this.crud.update(aiCalibrationLogs, id, dto, caller);
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Delete a calibration log (dryRun=true previews the cascade)' })
  @Writes(AiCalibrationLog)
  @ApiDeleteResponses()
  async remove(
    @UuidParam() id: string,
    @Query() query: DeleteQuery,
    @Res({ passthrough: true }) res: Response,
    @CurrentUser() caller: AuthUser,
  ): Promise<DeletePreview | void> {
    return respondToDelete(res, await this.crud.remove(aiCalibrationLogs, id, caller, query));
  }
}

/** The ai-decisions tables' CRUD routes, mounted by the app module. */
export const aiDecisionsResourceControllers = [
  AiOutcomeLinkResourceController,
  AiDecisionFeaturesResourceController,
  AiTradeOutcomeResourceController,
  AiCalibrationLogResourceController,
];
