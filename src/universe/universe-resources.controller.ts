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
import { UniverseAsset } from './entities/universe-asset.entity';
import {
  CreateUniverseAssetDto,
  UpdateUniverseAssetDto,
  ListUniverseAssetsQuery,
} from './dto/universe-assets.dto';
import {
  universeAssets,
  universeCandidates,
  universeFundamentals,
  universeLiquidityMetrics,
  universeTechnicals,
  assetClassifications,
} from './universe.resources';
import { UuidParam } from '../common/validation/uuid-param';
import { UniverseCandidate } from './entities/universe-candidate.entity';
import {
  CreateUniverseCandidateDto,
  UpdateUniverseCandidateDto,
  ListUniverseCandidatesQuery,
} from './dto/universe-candidates.dto';
import { UniverseFundamentals } from './entities/universe-fundamentals.entity';
import {
  CreateUniverseFundamentalsDto,
  UpdateUniverseFundamentalsDto,
  ListUniverseFundamentalsQuery,
} from './dto/universe-fundamentals.dto';
import { UniverseLiquidityMetrics } from './entities/universe-liquidity-metrics.entity';
import {
  CreateUniverseLiquidityMetricsDto,
  UpdateUniverseLiquidityMetricsDto,
  ListUniverseLiquidityMetricsQuery,
} from './dto/universe-liquidity-metrics.dto';
import { UniverseTechnicals } from './entities/universe-technicals.entity';
import {
  CreateUniverseTechnicalsDto,
  UpdateUniverseTechnicalsDto,
  ListUniverseTechnicalsQuery,
} from './dto/universe-technicals.dto';
import { AssetClassification } from './entities/asset-classification.entity';
import {
  CreateAssetClassificationDto,
  UpdateAssetClassificationDto,
  ListAssetClassificationsQuery,
} from './dto/asset-classifications.dto';

/** /api/universe-assets: universe assets, through the shared CRUD service. */
@ApiTags('universe')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('universe-assets')
export class UniverseAssetResourceController {
  constructor(private readonly crud: CrudService) {}

  @Get()
  @ApiOperation({ summary: 'List universe assets' })
  @Reads(UniverseAsset)
  @ApiPageResponse(UniverseAsset)
  list(
    @Query() query: ListUniverseAssetsQuery,
    @CurrentUser() caller: AuthUser,
  ): Promise<Page<unknown>> {
    return this.crud.list(universeAssets, query, caller);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a universe asset' })
  @Reads(UniverseAsset)
  @ApiOkResponse({ type: UniverseAsset })
  get(@UuidParam() id: string, @CurrentUser() caller: AuthUser): Promise<unknown> {
    return this.crud.get(universeAssets, id, caller);
  }

  @Post()
  @ApiOperation({ summary: 'Create a universe asset' })
  @Writes(UniverseAsset)
  @ApiCreatedResponse({ type: UniverseAsset })
  create(@Body() dto: CreateUniverseAssetDto, @CurrentUser() caller: AuthUser): Promise<unknown> {
    return this.crud.create(universeAssets, dto, caller);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Update a universe asset' })
  @Writes(UniverseAsset)
  @ApiOkResponse({ type: UniverseAsset })
  update(
    @UuidParam() id: string,
    @Body() dto: UpdateUniverseAssetDto,
    @CurrentUser() caller: AuthUser,
  ): Promise<unknown> {
    return this.crud.update(universeAssets, id, dto, caller);
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Delete a universe asset (dryRun=true previews the cascade)' })
  @Writes(UniverseAsset)
  @ApiDeleteResponses()
  async remove(
    @UuidParam() id: string,
    @Query() query: DeleteQuery,
    @Res({ passthrough: true }) res: Response,
    @CurrentUser() caller: AuthUser,
  ): Promise<DeletePreview | void> {
    return respondToDelete(res, await this.crud.remove(universeAssets, id, caller, query));
  }
}

/** /api/universe-candidates: universe candidates, through the shared CRUD service. */
@ApiTags('universe')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('universe-candidates')
export class UniverseCandidateResourceController {
  constructor(private readonly crud: CrudService) {}

  @Get()
  @ApiOperation({ summary: 'List universe candidates' })
  @Reads(UniverseCandidate)
  @ApiPageResponse(UniverseCandidate)
  list(
    @Query() query: ListUniverseCandidatesQuery,
    @CurrentUser() caller: AuthUser,
  ): Promise<Page<unknown>> {
    return this.crud.list(universeCandidates, query, caller);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a universe candidate' })
  @Reads(UniverseCandidate)
  @ApiOkResponse({ type: UniverseCandidate })
  get(@UuidParam() id: string, @CurrentUser() caller: AuthUser): Promise<unknown> {
    return this.crud.get(universeCandidates, id, caller);
  }

  @Post()
  @ApiOperation({ summary: 'Create a universe candidate' })
  @Writes(UniverseCandidate)
  @ApiCreatedResponse({ type: UniverseCandidate })
  create(
    @Body() dto: CreateUniverseCandidateDto,
    @CurrentUser() caller: AuthUser,
  ): Promise<unknown> {
    return this.crud.create(universeCandidates, dto, caller);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Update a universe candidate' })
  @Writes(UniverseCandidate)
  @ApiOkResponse({ type: UniverseCandidate })
  update(
    @UuidParam() id: string,
    @Body() dto: UpdateUniverseCandidateDto,
    @CurrentUser() caller: AuthUser,
  ): Promise<unknown> {
    return this.crud.update(universeCandidates, id, dto, caller);
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Delete a universe candidate (dryRun=true previews the cascade)' })
  @Writes(UniverseCandidate)
  @ApiDeleteResponses()
  async remove(
    @UuidParam() id: string,
    @Query() query: DeleteQuery,
    @Res({ passthrough: true }) res: Response,
    @CurrentUser() caller: AuthUser,
  ): Promise<DeletePreview | void> {
    return respondToDelete(res, await this.crud.remove(universeCandidates, id, caller, query));
  }
}

/** /api/universe-fundamentals: fundamentals, through the shared CRUD service. */
@ApiTags('universe')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('universe-fundamentals')
export class UniverseFundamentalsResourceController {
  constructor(private readonly crud: CrudService) {}

  @Get()
  @ApiOperation({ summary: 'List fundamentals' })
  @Reads(UniverseFundamentals)
  @ApiPageResponse(UniverseFundamentals)
  list(
    @Query() query: ListUniverseFundamentalsQuery,
    @CurrentUser() caller: AuthUser,
  ): Promise<Page<unknown>> {
    return this.crud.list(universeFundamentals, query, caller);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get fundamentals by id' })
  @Reads(UniverseFundamentals)
  @ApiOkResponse({ type: UniverseFundamentals })
  get(@UuidParam() id: string, @CurrentUser() caller: AuthUser): Promise<unknown> {
    return this.crud.get(universeFundamentals, id, caller);
  }

  @Post()
  @ApiOperation({ summary: 'Create fundamentals' })
  @Writes(UniverseFundamentals)
  @ApiCreatedResponse({ type: UniverseFundamentals })
  create(
    @Body() dto: CreateUniverseFundamentalsDto,
    @CurrentUser() caller: AuthUser,
  ): Promise<unknown> {
    return this.crud.create(universeFundamentals, dto, caller);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Update fundamentals by id' })
  @Writes(UniverseFundamentals)
  @ApiOkResponse({ type: UniverseFundamentals })
  update(
    @UuidParam() id: string,
    @Body() dto: UpdateUniverseFundamentalsDto,
    @CurrentUser() caller: AuthUser,
  ): Promise<unknown> {
    return this.crud.update(universeFundamentals, id, dto, caller);
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Delete fundamentals by id (dryRun=true previews the cascade)' })
  @Writes(UniverseFundamentals)
  @ApiDeleteResponses()
  async remove(
    @UuidParam() id: string,
    @Query() query: DeleteQuery,
    @Res({ passthrough: true }) res: Response,
    @CurrentUser() caller: AuthUser,
  ): Promise<DeletePreview | void> {
    return respondToDelete(res, await this.crud.remove(universeFundamentals, id, caller, query));
  }
}

/** /api/universe-liquidity-metrics: liquidity metrics, through the shared CRUD service. */
@ApiTags('universe')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('universe-liquidity-metrics')
export class UniverseLiquidityMetricsResourceController {
  constructor(private readonly crud: CrudService) {}

  @Get()
  @ApiOperation({ summary: 'List liquidity metrics' })
  @Reads(UniverseLiquidityMetrics)
  @ApiPageResponse(UniverseLiquidityMetrics)
  list(
    @Query() query: ListUniverseLiquidityMetricsQuery,
    @CurrentUser() caller: AuthUser,
  ): Promise<Page<unknown>> {
    return this.crud.list(universeLiquidityMetrics, query, caller);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get liquidity metrics by id' })
  @Reads(UniverseLiquidityMetrics)
  @ApiOkResponse({ type: UniverseLiquidityMetrics })
  get(@UuidParam() id: string, @CurrentUser() caller: AuthUser): Promise<unknown> {
    return this.crud.get(universeLiquidityMetrics, id, caller);
  }

  @Post()
  @ApiOperation({ summary: 'Create liquidity metrics' })
  @Writes(UniverseLiquidityMetrics)
  @ApiCreatedResponse({ type: UniverseLiquidityMetrics })
  create(
    @Body() dto: CreateUniverseLiquidityMetricsDto,
    @CurrentUser() caller: AuthUser,
  ): Promise<unknown> {
    return this.crud.create(universeLiquidityMetrics, dto, caller);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Update liquidity metrics by id' })
  @Writes(UniverseLiquidityMetrics)
  @ApiOkResponse({ type: UniverseLiquidityMetrics })
  update(
    @UuidParam() id: string,
    @Body() dto: UpdateUniverseLiquidityMetricsDto,
    @CurrentUser() caller: AuthUser,
  ): Promise<unknown> {
    return this.crud.update(universeLiquidityMetrics, id, dto, caller);
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Delete liquidity metrics by id (dryRun=true previews the cascade)' })
  @Writes(UniverseLiquidityMetrics)
  @ApiDeleteResponses()
  async remove(
    @UuidParam() id: string,
    @Query() query: DeleteQuery,
    @Res({ passthrough: true }) res: Response,
    @CurrentUser() caller: AuthUser,
  ): Promise<DeletePreview | void> {
    return respondToDelete(
      res,
      await this.crud.remove(universeLiquidityMetrics, id, caller, query),
    );
  }
}

/** /api/universe-technicals: technicals, through the shared CRUD service. */
@ApiTags('universe')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('universe-technicals')
export class UniverseTechnicalsResourceController {
  constructor(private readonly crud: CrudService) {}

  @Get()
  @ApiOperation({ summary: 'List technicals' })
  @Reads(UniverseTechnicals)
  @ApiPageResponse(UniverseTechnicals)
  list(
    @Query() query: ListUniverseTechnicalsQuery,
    @CurrentUser() caller: AuthUser,
  ): Promise<Page<unknown>> {
    return this.crud.list(universeTechnicals, query, caller);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get technicals by id' })
  @Reads(UniverseTechnicals)
  @ApiOkResponse({ type: UniverseTechnicals })
  get(@UuidParam() id: string, @CurrentUser() caller: AuthUser): Promise<unknown> {
    return this.crud.get(universeTechnicals, id, caller);
  }

  @Post()
  @ApiOperation({ summary: 'Create technicals' })
  @Writes(UniverseTechnicals)
  @ApiCreatedResponse({ type: UniverseTechnicals })
  create(
    @Body() dto: CreateUniverseTechnicalsDto,
    @CurrentUser() caller: AuthUser,
  ): Promise<unknown> {
    return this.crud.create(universeTechnicals, dto, caller);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Update technicals by id' })
  @Writes(UniverseTechnicals)
  @ApiOkResponse({ type: UniverseTechnicals })
  update(
    @UuidParam() id: string,
    @Body() dto: UpdateUniverseTechnicalsDto,
    @CurrentUser() caller: AuthUser,
  ): Promise<unknown> {
    return this.crud.update(universeTechnicals, id, dto, caller);
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Delete technicals by id (dryRun=true previews the cascade)' })
  @Writes(UniverseTechnicals)
  @ApiDeleteResponses()
  async remove(
    @UuidParam() id: string,
    @Query() query: DeleteQuery,
    @Res({ passthrough: true }) res: Response,
    @CurrentUser() caller: AuthUser,
  ): Promise<DeletePreview | void> {
    return respondToDelete(res, await this.crud.remove(universeTechnicals, id, caller, query));
  }
}

/** /api/asset-classifications: asset classifications, through the shared CRUD service. */
@ApiTags('universe')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('asset-classifications')
export class AssetClassificationResourceController {
  constructor(private readonly crud: CrudService) {}

  @Get()
  @ApiOperation({ summary: 'List asset classifications' })
  @Reads(AssetClassification)
  @ApiPageResponse(AssetClassification)
  list(
    @Query() query: ListAssetClassificationsQuery,
    @CurrentUser() caller: AuthUser,
  ): Promise<Page<unknown>> {
    return this.crud.list(assetClassifications, query, caller);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get an asset classification' })
  @Reads(AssetClassification)
  @ApiOkResponse({ type: AssetClassification })
  get(@UuidParam() id: string, @CurrentUser() caller: AuthUser): Promise<unknown> {
    return this.crud.get(assetClassifications, id, caller);
  }

  @Post()
  @ApiOperation({ summary: 'Create an asset classification' })
  @Writes(AssetClassification)
  @ApiCreatedResponse({ type: AssetClassification })
  create(
    @Body() dto: CreateAssetClassificationDto,
    @CurrentUser() caller: AuthUser,
  ): Promise<unknown> {
    return this.crud.create(assetClassifications, dto, caller);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Update an asset classification' })
  @Writes(AssetClassification)
  @ApiOkResponse({ type: AssetClassification })
  update(
    @UuidParam() id: string,
    @Body() dto: UpdateAssetClassificationDto,
    @CurrentUser() caller: AuthUser,
  ): Promise<unknown> {
    return this.crud.update(assetClassifications, id, dto, caller);
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Delete an asset classification (dryRun=true previews the cascade)' })
  @Writes(AssetClassification)
  @ApiDeleteResponses()
  async remove(
    @UuidParam() id: string,
    @Query() query: DeleteQuery,
    @Res({ passthrough: true }) res: Response,
    @CurrentUser() caller: AuthUser,
  ): Promise<DeletePreview | void> {
    return respondToDelete(res, await this.crud.remove(assetClassifications, id, caller, query));
  }
}

/** The universe tables' CRUD routes, mounted by the app module. */
export const universeResourceControllers = [
  UniverseAssetResourceController,
  UniverseCandidateResourceController,
  UniverseFundamentalsResourceController,
  UniverseLiquidityMetricsResourceController,
  UniverseTechnicalsResourceController,
  AssetClassificationResourceController,
];
