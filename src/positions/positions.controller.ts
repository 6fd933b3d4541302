import { Reads, Writes } from '../auth/policy/route-access';
import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Audited } from '../audit/audited.decorator';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/decorators';
import { ApiErrorResponses, ApiPageResponse } from '../common/http/api-docs';
import { Idempotent } from '../idempotency/idempotent.decorator';
import { ListQueryDto } from '../common/pagination/list-query.dto';
import { Page } from '../common/pagination/page';
import { BulkBody } from '../common/http/bulk-body.guard';
import { CompiledBodyPipe } from '../common/validation/compiled-body';
import {
  SyncPositionsBody,
  SyncPositionsDto,
  validateSyncPositions,
} from './dto/sync-positions.dto';
import { SyncResultDto } from './dto/sync-result.dto';
import { Position } from './entities/position.entity';
import { PositionsService } from './positions.service';

@ApiTags('positions')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('positions')
export class PositionsController {
  constructor(private readonly positions: PositionsService) {}

  @Reads(Position)
  @Get()
  @ApiOperation({ summary: "List the caller's positions" })
  @ApiPageResponse(Position)
  list(@CurrentUser() user: AuthUser, @Query() query: ListQueryDto): Promise<Page<Position>> {
    return this.positions.list(user, query);
  }

  /** Replaces the caller's positions with the broker's list, atomically. An empty list clears them. */
  @Writes(Position)
  @Post('sync')
  @BulkBody()
  @ApiOperation({ summary: "Replace the caller's positions with the broker's" })
  @HttpCode(200)
  @Audited('sync', 'positions')
  @Idempotent()
  @ApiBody({ type: SyncPositionsDto })
  @ApiOkResponse({ type: SyncResultDto })
  sync(
    @CurrentUser() user: AuthUser,
    // Typed as a plain object so the global ValidationPipe leaves it to the compiled validator.
    @Body(new CompiledBodyPipe(validateSyncPositions)) dto: SyncPositionsBody,
  ): Promise<SyncResultDto> {
    return this.positions.sync(user, dto);
  }
}
