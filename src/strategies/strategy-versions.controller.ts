import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Audited } from '../audit/audited.decorator';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/decorators';
import { AdminOnly, Reads, Writes } from '../auth/policy/route-access';
import { ApiErrorResponses, ApiPageResponse } from '../common/http/api-docs';
import { ListQueryDto } from '../common/pagination/list-query.dto';
import { Page } from '../common/pagination/page';
import { UuidParam } from '../common/validation/uuid-param';
import { CreateVersionDto } from './dto/strategy-version-input.dto';
import { StrategyVersion } from './entities/strategy-version.entity';
import { StrategyVersionsService } from './strategy-versions.service';

/** A strategy's versions: numbers unique per strategy (409 on a repeat), one active at a time. */
@ApiTags('strategies')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('strategies/:strategyId/versions')
export class StrategyVersionsController {
  constructor(private readonly versions: StrategyVersionsService) {}

  @Get()
  @ApiOperation({ summary: "List a strategy's versions" })
  @Reads(StrategyVersion)
  @ApiPageResponse(StrategyVersion)
  list(
    @UuidParam('strategyId') strategyId: string,
    @Query() query: ListQueryDto,
  ): Promise<Page<StrategyVersion>> {
    return this.versions.list(strategyId, query);
  }

  @Post()
  @ApiOperation({ summary: 'Create a version of a strategy' })
  @Writes(StrategyVersion)
  @ApiBody({ type: CreateVersionDto })
  @ApiCreatedResponse({ type: StrategyVersion })
  create(
    @UuidParam('strategyId') strategyId: string,
    @Body() dto: CreateVersionDto,
    @CurrentUser() caller: AuthUser,
  ): Promise<StrategyVersion> {
    return this.versions.create(strategyId, dto, caller);
  }

  /** Makes this version the strategy's active one and archives the previous one (admin transition). */
  @Post(':id/activate')
  @ApiOperation({ summary: 'Activate a strategy version (admin)' })
  @HttpCode(200)
  @AdminOnly(StrategyVersion)
  @Audited('activate', 'strategy_versions')
  @ApiOkResponse({ type: StrategyVersion })
  activate(
    @UuidParam('strategyId') strategyId: string,
    @UuidParam() id: string,
  ): Promise<StrategyVersion> {
    return this.versions.activate(strategyId, id);
  }
}
