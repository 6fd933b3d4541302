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
import { TraderProfile } from './entities/trader-profile.entity';
import {
  CreateTraderProfileDto,
  UpdateTraderProfileDto,
  ListTraderProfilesQuery,
} from './dto/trader-profiles.dto';
import { traderProfiles, competitionRuns, competitionScores } from './competition.resources';
import { UuidParam } from '../common/validation/uuid-param';
import { CompetitionRun } from './entities/competition-run.entity';
import {
  CreateCompetitionRunDto,
  UpdateCompetitionRunDto,
  ListCompetitionRunsQuery,
} from './dto/competition-runs.dto';
import { CompetitionScore } from './entities/competition-score.entity';
import {
  CreateCompetitionScoreDto,
  UpdateCompetitionScoreDto,
  ListCompetitionScoresQuery,
} from './dto/competition-scores.dto';

/** /api/trader-profiles: trader profiles, through the shared CRUD service. */
@ApiTags('competition')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('trader-profiles')
export class TraderProfileResourceController {
  constructor(private readonly crud: CrudService) {}

  @Get()
  @ApiOperation({ summary: 'List trader profiles' })
  @Reads(TraderProfile)
  @ApiPageResponse(TraderProfile)
  list(
    @Query() query: ListTraderProfilesQuery,
    @CurrentUser() caller: AuthUser,
  ): Promise<Page<unknown>> {
    return this.crud.list(traderProfiles, query, caller);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a trader profile' })
  @Reads(TraderProfile)
  @ApiOkResponse({ type: TraderProfile })
  get(@UuidParam() id: string, @CurrentUser() caller: AuthUser): Promise<unknown> {
    return this.crud.get(traderProfiles, id, caller);
  }

  @Post()
  @ApiOperation({ summary: 'Create a trader profile' })
  @Writes(TraderProfile)
  @ApiCreatedResponse({ type: TraderProfile })
  create(@Body() dto: CreateTraderProfileDto, @CurrentUser() caller: AuthUser): Promise<unknown> {
    return this.crud.create(traderProfiles, dto, caller);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Update a trader profile' })
  @Writes(TraderProfile)
  @ApiOkResponse({ type: TraderProfile })
  update(
    @UuidParam() id: string,
    @Body() dto: UpdateTraderProfileDto,
    @CurrentUser() caller: AuthUser,
  ): Promise<unknown> {
    return this.crud.update(traderProfiles, id, dto, caller);
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Delete a trader profile (dryRun=true previews the cascade)' })
  @Writes(TraderProfile)
  @ApiDeleteResponses()
  async remove(
    @UuidParam() id: string,
    @Query() query: DeleteQuery,
    @Res({ passthrough: true }) res: Response,
    @CurrentUser() caller: AuthUser,
  ): Promise<DeletePreview | void> {
    return respondToDelete(res, await this.crud.remove(traderProfiles, id, caller, query));
  }
}

/** /api/competition-runs: competition runs, through the shared CRUD service. */
@ApiTags('competition')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('competition-runs')
export class CompetitionRunResourceController {
  constructor(private readonly crud: CrudService) {}

  @Get()
  @ApiOperation({ summary: 'List competition runs' })
  @Reads(CompetitionRun)
  @ApiPageResponse(CompetitionRun)
  list(
    @Query() query: ListCompetitionRunsQuery,
    @CurrentUser() caller: AuthUser,
  ): Promise<Page<unknown>> {
    return this.crud.list(competitionRuns, query, caller);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a competition run' })
  @Reads(CompetitionRun)
  @ApiOkResponse({ type: CompetitionRun })
  get(@UuidParam() id: string, @CurrentUser() caller: AuthUser): Promise<unknown> {
    return this.crud.get(competitionRuns, id, caller);
  }

  @Post()
  @ApiOperation({ summary: 'Create a competition run' })
  @Writes(CompetitionRun)
  @ApiCreatedResponse({ type: CompetitionRun })
  create(@Body() dto: CreateCompetitionRunDto, @CurrentUser() caller: AuthUser): Promise<unknown> {
    return this.crud.create(competitionRuns, dto, caller);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Update a competition run' })
  @Writes(CompetitionRun)
  @ApiOkResponse({ type: CompetitionRun })
  update(
    @UuidParam() id: string,
    @Body() dto: UpdateCompetitionRunDto,
    @CurrentUser() caller: AuthUser,
  ): Promise<unknown> {
    return this.crud.update(competitionRuns, id, dto, caller);
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Delete a competition run (dryRun=true previews the cascade)' })
  @Writes(CompetitionRun)
  @ApiDeleteResponses()
  async remove(
    @UuidParam() id: string,
    @Query() query: DeleteQuery,
    @Res({ passthrough: true }) res: Response,
    @CurrentUser() caller: AuthUser,
  ): Promise<DeletePreview | void> {
    return respondToDelete(res, await this.crud.remove(competitionRuns, id, caller, query));
  }
}

/** /api/competition-scores: competition scores, through the shared CRUD service. */
@ApiTags('competition')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('competition-scores')
export class CompetitionScoreResourceController {
  constructor(private readonly crud: CrudService) {}

  @Get()
  @ApiOperation({ summary: 'List competition scores' })
  @Reads(CompetitionScore)
  @ApiPageResponse(CompetitionScore)
  list(
    @Query() query: ListCompetitionScoresQuery,
    @CurrentUser() caller: AuthUser,
  ): Promise<Page<unknown>> {
    return this.crud.list(competitionScores, query, caller);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a competition score' })
  @Reads(CompetitionScore)
  @ApiOkResponse({ type: CompetitionScore })
  get(@UuidParam() id: string, @CurrentUser() caller: AuthUser): Promise<unknown> {
    return this.crud.get(competitionScores, id, caller);
  }

  @Post()
  @ApiOperation({ summary: 'Create a competition score' })
  @Writes(CompetitionScore)
  @ApiCreatedResponse({ type: CompetitionScore })
  create(
    @Body() dto: CreateCompetitionScoreDto,
    @CurrentUser() caller: AuthUser,
  ): Promise<unknown> {
    return this.crud.create(competitionScores, dto, caller);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Update a competition score' })
  @Writes(CompetitionScore)
  @ApiOkResponse({ type: CompetitionScore })
  update(
    @UuidParam() id: string,
    @Body() dto: UpdateCompetitionScoreDto,
    @CurrentUser() caller: AuthUser,
  ): Promise<unknown> {
    return this.crud.update(competitionScores, id, dto, caller);
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Delete a competition score (dryRun=true previews the cascade)' })
  @Writes(CompetitionScore)
  @ApiDeleteResponses()
  async remove(
    @UuidParam() id: string,
    @Query() query: DeleteQuery,
    @Res({ passthrough: true }) res: Response,
    @CurrentUser() caller: AuthUser,
  ): Promise<DeletePreview | void> {
    return respondToDelete(res, await this.crud.remove(competitionScores, id, caller, query));
  }
}

/** The competition tables' CRUD routes, mounted by the app module. */
export const competitionResourceControllers = [
  TraderProfileResourceController,
  CompetitionRunResourceController,
  CompetitionScoreResourceController,
];
