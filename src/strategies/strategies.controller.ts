import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/decorators';
import { Reads, Writes } from '../auth/policy/route-access';
import { Body, Controller, Delete, Get, Patch, Post, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiDeleteResponses, ApiErrorResponses, ApiPageResponse } from '../common/http/api-docs';
import { respondToDelete } from '../common/http/delete-response';
import { Page } from '../common/pagination/page';
import { DeleteQuery } from '../common/validation/delete-query.dto';
import { UuidParam } from '../common/validation/uuid-param';
import { DeletePreview } from '../database/cascade-preview.service';
import { CreateStrategyDto } from './dto/create-strategy.dto';
import { ListStrategiesQuery } from './dto/list-strategies.query';
import { UpdateStrategyDto } from './dto/update-strategy.dto';
import { Strategy } from './entities/strategy.entity';
import { StrategiesService } from './strategies.service';

@ApiTags('strategies')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('strategies')
export class StrategiesController {
  constructor(private readonly strategies: StrategiesService) {}

  @Reads(Strategy)
  @Get()
  @ApiOperation({ summary: 'List strategies' })
  @ApiPageResponse(Strategy)
  list(@Query() query: ListStrategiesQuery): Promise<Page<Strategy>> {
    return this.strategies.list(query);
  }

  @Reads(Strategy)
  @Get(':id')
  @ApiOperation({ summary: 'Get a strategy' })
  @ApiOkResponse({ type: Strategy })
  get(@UuidParam() id: string): Promise<Strategy> {
    return this.strategies.get(id);
  }

  @Writes(Strategy)
  @Post()
  @ApiOperation({ summary: 'Create a strategy' })
  @ApiCreatedResponse({ type: Strategy })
  create(@Body() dto: CreateStrategyDto, @CurrentUser() caller: AuthUser): Promise<Strategy> {
    return this.strategies.create(dto, caller);
  }

  @Writes(Strategy)
  @Patch(':id')
  @ApiOperation({ summary: 'Update a strategy' })
  @ApiOkResponse({ type: Strategy })
  update(
    @UuidParam() id: string,
    @Body() dto: UpdateStrategyDto,
    @CurrentUser() caller: AuthUser,
  ): Promise<Strategy> {
    return this.strategies.update(id, dto, caller);
  }

  /** Deletes the strategy with its versions, trades, positions, decisions and backtests (cascade). */
  @Writes(Strategy)
  @Delete(':id')
  @ApiOperation({ summary: 'Delete a strategy (dryRun=true previews the cascade)' })
  @ApiDeleteResponses()
  async remove(
    @UuidParam() id: string,
    @Query() query: DeleteQuery,
    @Res({ passthrough: true }) res: Response,
    @CurrentUser() caller: AuthUser,
  ): Promise<DeletePreview | void> {
    return respondToDelete(res, await this.strategies.remove(id, caller, query));
  }
}
