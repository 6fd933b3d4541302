import { Reads, Writes } from '../auth/policy/route-access';
import { Trade } from './entities/trade.entity';
import { Body, Controller, Delete, Get, Post, Query, Res } from '@nestjs/common';
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
import { ApiDeleteResponses, ApiErrorResponses, ApiPageResponse } from '../common/http/api-docs';
import { respondToDelete } from '../common/http/delete-response';
import { JsonText } from '../common/http/json-text';
import { DeleteQuery } from '../common/validation/delete-query.dto';
import { UuidParam } from '../common/validation/uuid-param';
import { DeletePreview } from '../database/cascade-preview.service';
import { Idempotent } from '../idempotency/idempotent.decorator';
import { CreateTradeDto } from './dto/create-trade.dto';
import { EnrichedTradeDto } from './dto/enriched-trade.dto';
import { ListTradesQuery } from './dto/list-trades.query';
import { TradesService } from './trades.service';

@ApiTags('trades')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('trades')
export class TradesController {
  constructor(private readonly trades: TradesService) {}

  /** The caller's trades, newest first (executedAt, id), each with its strategy name and AI decision. */
  @Reads(Trade)
  @Get()
  @ApiOperation({ summary: "List the caller's trades, enriched" })
  @ApiPageResponse(EnrichedTradeDto)
  list(@CurrentUser() user: AuthUser, @Query() query: ListTradesQuery): Promise<JsonText> {
    return this.trades.list(user, query);
  }

  @Reads(Trade)
  @Get(':id')
  @ApiOperation({ summary: 'Get an enriched trade' })
  @ApiOkResponse({ type: EnrichedTradeDto })
  get(@CurrentUser() user: AuthUser, @UuidParam() id: string): Promise<JsonText> {
    return this.trades.get(user, id);
  }

  @Writes(Trade)
  @Post()
  @ApiOperation({ summary: 'Record a trade' })
  @Idempotent()
  @ApiCreatedResponse({ type: EnrichedTradeDto })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateTradeDto): Promise<EnrichedTradeDto> {
    return this.trades.create(user, dto);
  }

  @Writes(Trade)
  @Delete(':id')
  @ApiOperation({ summary: 'Delete a trade (dryRun=true previews the cascade)' })
  @ApiDeleteResponses()
  async remove(
    @CurrentUser() user: AuthUser,
    @UuidParam() id: string,
    @Query() query: DeleteQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<DeletePreview | void> {
    return respondToDelete(res, await this.trades.remove(user, id, query));
  }
}
