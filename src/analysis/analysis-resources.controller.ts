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
import { DataSourceAnalysis } from './entities/data-source-analysis.entity';
import {
  CreateDataSourceAnalysisDto,
  UpdateDataSourceAnalysisDto,
  ListDataSourceAnalysesQuery,
} from './dto/data-source-analyses.dto';
import {
  dataSourceAnalyses,
  analysisFeedback,
  macroAnalyses,
  macroIndicators,
  insiderActivityAnalyses,
  shortInterestAnalyses,
} from './analysis.resources';
import { UuidParam } from '../common/validation/uuid-param';
import { AnalysisFeedback } from './entities/analysis-feedback.entity';
import {
  CreateAnalysisFeedbackDto,
  UpdateAnalysisFeedbackDto,
  ListAnalysisFeedbackQuery,
} from './dto/analysis-feedback.dto';
import { MacroAnalysis } from './entities/macro-analysis.entity';
import {
  CreateMacroAnalysisDto,
  UpdateMacroAnalysisDto,
  ListMacroAnalysesQuery,
} from './dto/macro-analyses.dto';
import { MacroIndicator } from './entities/macro-indicator.entity';
import {
  CreateMacroIndicatorDto,
  UpdateMacroIndicatorDto,
  ListMacroIndicatorsQuery,
} from './dto/macro-indicators.dto';
import { InsiderActivityAnalysis } from './entities/insider-activity-analysis.entity';
import {
  CreateInsiderActivityAnalysisDto,
  UpdateInsiderActivityAnalysisDto,
  ListInsiderActivityAnalysesQuery,
} from './dto/insider-activity-analyses.dto';
import { ShortInterestAnalysis } from './entities/short-interest-analysis.entity';
import {
  CreateShortInterestAnalysisDto,
  UpdateShortInterestAnalysisDto,
  ListShortInterestAnalysesQuery,
} from './dto/short-interest-analyses.dto';

/** /api/data-source-analyses: data source analyses, through the shared CRUD service. */
@ApiTags('analysis')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('data-source-analyses')
export class DataSourceAnalysisResourceController {
  constructor(private readonly crud: CrudService) {}

  @Get()
  @ApiOperation({ summary: 'List data source analyses' })
  @Reads(DataSourceAnalysis)
  @ApiPageResponse(DataSourceAnalysis)
  list(
    @Query() query: ListDataSourceAnalysesQuery,
    @CurrentUser() caller: AuthUser,
  ): Promise<Page<unknown>> {
    return this.crud.list(dataSourceAnalyses, query, caller);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a data source analysis' })
  @Reads(DataSourceAnalysis)
  @ApiOkResponse({ type: DataSourceAnalysis })
  get(@UuidParam() id: string, @CurrentUser() caller: AuthUser): Promise<unknown> {
    return this.crud.get(dataSourceAnalyses, id, caller);
  }

  @Post()
  @ApiOperation({ summary: 'Create a data source analysis' })
  @Writes(DataSourceAnalysis)
  @ApiCreatedResponse({ type: DataSourceAnalysis })
  create(
    @Body() dto: CreateDataSourceAnalysisDto,
    @CurrentUser() caller: AuthUser,
  ): Promise<unknown> {
    return this.crud.create(dataSourceAnalyses, dto, caller);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Update a data source analysis' })
  @Writes(DataSourceAnalysis)
  @ApiOkResponse({ type: DataSourceAnalysis })
  update(
    @UuidParam() id: string,
    @Body() dto: UpdateDataSourceAnalysisDto,
    @CurrentUser() caller: AuthUser,
  ): Promise<unknown> {
    return this.crud.update(dataSourceAnalyses, id, dto, caller);
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Delete a data source analysis (dryRun=true previews the cascade)' })
  @Writes(DataSourceAnalysis)
  @ApiDeleteResponses()
  async remove(
    @UuidParam() id: string,
    @Query() query: DeleteQuery,
    @Res({ passthrough: true }) res: Response,
    @CurrentUser() caller: AuthUser,
  ): Promise<DeletePreview | void> {
    return respondToDelete(res, await this.crud.remove(dataSourceAnalyses, id, caller, query));
  }
}

/** /api/analysis-feedback: analysis feedback, through the shared CRUD service. */
@ApiTags('analysis')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('analysis-feedback')
export class AnalysisFeedbackResourceController {
  constructor(private readonly crud: CrudService) {}

  @Get()
  @ApiOperation({ summary: 'List analysis feedback' })
  @Reads(AnalysisFeedback)
  @ApiPageResponse(AnalysisFeedback)
  list(
    @Query() query: ListAnalysisFeedbackQuery,
    @CurrentUser() caller: AuthUser,
  ): Promise<Page<unknown>> {
    return this.crud.list(analysisFeedback, query, caller);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get analysis feedback by id' })
  @Reads(AnalysisFeedback)
  @ApiOkResponse({ type: AnalysisFeedback })
  get(@UuidParam() id: string, @CurrentUser() caller: AuthUser): Promise<unknown> {
    return this.crud.get(analysisFeedback, id, caller);
  }

  @Post()
  @ApiOperation({ summary: 'Create analysis feedback' })
  @Writes(AnalysisFeedback)
  @ApiCreatedResponse({ type: AnalysisFeedback })
  create(
    @Body() dto: CreateAnalysisFeedbackDto,
    @CurrentUser() caller: AuthUser,
  ): Promise<unknown> {
    return this.crud.create(analysisFeedback, dto, caller);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Update analysis feedback by id' })
  @Writes(AnalysisFeedback)
  @ApiOkResponse({ type: AnalysisFeedback })
  update(
    @UuidParam() id: string,
    @Body() dto: UpdateAnalysisFeedbackDto,
    @CurrentUser() caller: AuthUser,
  ): Promise<unknown> {
    return this.crud.update(analysisFeedback, id, dto, caller);
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Delete analysis feedback by id (dryRun=true previews the cascade)' })
  @Writes(AnalysisFeedback)
  @ApiDeleteResponses()
  async remove(
    @UuidParam() id: string,
    @Query() query: DeleteQuery,
    @Res({ passthrough: true }) res: Response,
    @CurrentUser() caller: AuthUser,
  ): Promise<DeletePreview | void> {
    return respondToDelete(res, await this.crud.remove(analysisFeedback, id, caller, query));
  }
}

/** /api/macro-analyses: macro analyses, through the shared CRUD service. */
@ApiTags('analysis')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('macro-analyses')
export class MacroAnalysisResourceController {
  constructor(private readonly crud: CrudService) {}

  @Get()
  @ApiOperation({ summary: 'List macro analyses' })
  @Reads(MacroAnalysis)
  @ApiPageResponse(MacroAnalysis)
  list(
    @Query() query: ListMacroAnalysesQuery,
    @CurrentUser() caller: AuthUser,
  ): Promise<Page<unknown>> {
    return this.crud.list(macroAnalyses, query, caller);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a macro analysis' })
  @Reads(MacroAnalysis)
  @ApiOkResponse({ type: MacroAnalysis })
  get(@UuidParam() id: string, @CurrentUser() caller: AuthUser): Promise<unknown> {
    return this.crud.get(macroAnalyses, id, caller);
  }

  @Post()
  @ApiOperation({ summary: 'Create a macro analysis' })
  @Writes(MacroAnalysis)
  @ApiCreatedResponse({ type: MacroAnalysis })
  create(@Body() dto: CreateMacroAnalysisDto, @CurrentUser() caller: AuthUser): Promise<unknown> {
    return this.crud.create(macroAnalyses, dto, caller);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Update a macro analysis' })
  @Writes(MacroAnalysis)
  @ApiOkResponse({ type: MacroAnalysis })
  update(
    @UuidParam() id: string,
    @Body() dto: UpdateMacroAnalysisDto,
    @CurrentUser() caller: AuthUser,
  ): Promise<unknown> {
    return this.crud.update(macroAnalyses, id, dto, caller);
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Delete a macro analysis (dryRun=true previews the cascade)' })
  @Writes(MacroAnalysis)
  @ApiDeleteResponses()
  async remove(
    @UuidParam() id: string,
    @Query() query: DeleteQuery,
    @Res({ passthrough: true }) res: Response,
    @CurrentUser() caller: AuthUser,
  ): Promise<DeletePreview | void> {
    return respondToDelete(res, await this.crud.remove(macroAnalyses, id, caller, query));
  }
}

/** /api/macro-indicators: macro indicators, through the shared CRUD service. */
@ApiTags('analysis')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('macro-indicators')
export class MacroIndicatorResourceController {
  constructor(private readonly crud: CrudService) {}

  @Get()
  @ApiOperation({ summary: 'List macro indicators' })
  @Reads(MacroIndicator)
  @ApiPageResponse(MacroIndicator)
  list(
    @Query() query: ListMacroIndicatorsQuery,
    @CurrentUser() caller: AuthUser,
  ): Promise<Page<unknown>> {
    return this.crud.list(macroIndicators, query, caller);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a macro indicator' })
  @Reads(MacroIndicator)
  @ApiOkResponse({ type: MacroIndicator })
  get(@UuidParam() id: string, @CurrentUser() caller: AuthUser): Promise<unknown> {
    return this.crud.get(macroIndicators, id, caller);
  }

  @Post()
  @ApiOperation({ summary: 'Create a macro indicator' })
  @Writes(MacroIndicator)
  @ApiCreatedResponse({ type: MacroIndicator })
  create(@Body() dto: CreateMacroIndicatorDto, @CurrentUser() caller: AuthUser): Promise<unknown> {
    return this.crud.create(macroIndicators, dto, caller);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Update a macro indicator' })
  @Writes(MacroIndicator)
  @ApiOkResponse({ type: MacroIndicator })
  update(
    @UuidParam() id: string,
    @Body() dto: UpdateMacroIndicatorDto,
    @CurrentUser() caller: AuthUser,
  ): Promise<unknown> {
    return this.crud.update(macroIndicators, id, dto, caller);
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Delete a macro indicator (dryRun=true previews the cascade)' })
  @Writes(MacroIndicator)
  @ApiDeleteResponses()
  async remove(
    @UuidParam() id: string,
    @Query() query: DeleteQuery,
    @Res({ passthrough: true }) res: Response,
    @CurrentUser() caller: AuthUser,
  ): Promise<DeletePreview | void> {
    return respondToDelete(res, await this.crud.remove(macroIndicators, id, caller, query));
  }
}

/** /api/insider-activity-analyses: insider activity analyses, through the shared CRUD service. */
@ApiTags('analysis')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('insider-activity-analyses')
export class InsiderActivityAnalysisResourceController {
  constructor(private readonly crud: CrudService) {}

  @Get()
  @ApiOperation({ summary: 'List insider activity analyses' })
  @Reads(InsiderActivityAnalysis)
  @ApiPageResponse(InsiderActivityAnalysis)
  list(
    @Query() query: ListInsiderActivityAnalysesQuery,
    @CurrentUser() caller: AuthUser,
  ): Promise<Page<unknown>> {
    return this.crud.list(insiderActivityAnalyses, query, caller);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get an insider activity analysis' })
  @Reads(InsiderActivityAnalysis)
  @ApiOkResponse({ type: InsiderActivityAnalysis })
  get(@UuidParam() id: string, @CurrentUser() caller: AuthUser): Promise<unknown> {
    return this.crud.get(insiderActivityAnalyses, id, caller);
  }

  @Post()
  @ApiOperation({ summary: 'Create an insider activity analysis' })
  @Writes(InsiderActivityAnalysis)
  @ApiCreatedResponse({ type: InsiderActivityAnalysis })
  create(
    @Body() dto: CreateInsiderActivityAnalysisDto,
    @CurrentUser() caller: AuthUser,
  ): Promise<unknown> {
    return this.crud.create(insiderActivityAnalyses, dto, caller);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Update an insider activity analysis' })
  @Writes(InsiderActivityAnalysis)
  @ApiOkResponse({ type: InsiderActivityAnalysis })
  update(
    @UuidParam() id: string,
    @Body() dto: UpdateInsiderActivityAnalysisDto,
    @CurrentUser() caller: AuthUser,
  ): Promise<unknown> {
    return this.crud.update(insiderActivityAnalyses, id, dto, caller);
  }

  @Delete(':id')
  @ApiOperation({
    summary: 'Delete an insider activity analysis (dryRun=true previews the cascade)',
  })
  @Writes(InsiderActivityAnalysis)
  @ApiDeleteResponses()
  async remove(
    @UuidParam() id: string,
    @Query() query: DeleteQuery,
    @Res({ passthrough: true }) res: Response,
    @CurrentUser() caller: AuthUser,
  ): Promise<DeletePreview | void> {
    return respondToDelete(res, await this.crud.remove(insiderActivityAnalyses, id, caller, query));
  }
}

/** /api/short-interest-analyses: short interest analyses, through the shared CRUD service. */
@ApiTags('analysis')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('short-interest-analyses')
export class ShortInterestAnalysisResourceController {
  constructor(private readonly crud: CrudService) {}

  @Get()
  @ApiOperation({ summary: 'List short interest analyses' })
  @Reads(ShortInterestAnalysis)
  @ApiPageResponse(ShortInterestAnalysis)
  list(
    @Query() query: ListShortInterestAnalysesQuery,
    @CurrentUser() caller: AuthUser,
  ): Promise<Page<unknown>> {
    return this.crud.list(shortInterestAnalyses, query, caller);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a short interest analysis' })
  @Reads(ShortInterestAnalysis)
  @ApiOkResponse({ type: ShortInterestAnalysis })
  get(@UuidParam() id: string, @CurrentUser() caller: AuthUser): Promise<unknown> {
    return this.crud.get(shortInterestAnalyses, id, caller);
  }

  @Post()
  @ApiOperation({ summary: 'Create a short interest analysis' })
  @Writes(ShortInterestAnalysis)
  @ApiCreatedResponse({ type: ShortInterestAnalysis })
  create(
    @Body() dto: CreateShortInterestAnalysisDto,
    @CurrentUser() caller: AuthUser,
  ): Promise<unknown> {
    return this.crud.create(shortInterestAnalyses, dto, caller);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Update a short interest analysis' })
  @Writes(ShortInterestAnalysis)
  @ApiOkResponse({ type: ShortInterestAnalysis })
  update(
    @UuidParam() id: string,
    @Body() dto: UpdateShortInterestAnalysisDto,
    @CurrentUser() caller: AuthUser,
  ): Promise<unknown> {
    return this.crud.update(shortInterestAnalyses, id, dto, caller);
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Delete a short interest analysis (dryRun=true previews the cascade)' })
  @Writes(ShortInterestAnalysis)
  @ApiDeleteResponses()
  async remove(
    @UuidParam() id: string,
    @Query() query: DeleteQuery,
    @Res({ passthrough: true }) res: Response,
    @CurrentUser() caller: AuthUser,
  ): Promise<DeletePreview | void> {
    return respondToDelete(res, await this.crud.remove(shortInterestAnalyses, id, caller, query));
  }
}

/** The analysis tables' CRUD routes, mounted by the app module. */
export const analysisResourceControllers = [
  DataSourceAnalysisResourceController,
  AnalysisFeedbackResourceController,
  MacroAnalysisResourceController,
  MacroIndicatorResourceController,
  InsiderActivityAnalysisResourceController,
  ShortInterestAnalysisResourceController,
];
