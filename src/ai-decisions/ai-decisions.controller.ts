import { Reads, Writes } from '../auth/policy/route-access';
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
import { AiDecisionsService } from './ai-decisions.service';
import { CreateAiDecisionDto } from './dto/create-ai-decision.dto';
import { ListAiDecisionsQuery } from './dto/list-ai-decisions.query';
import { AiDecision } from './entities/ai-decision.entity';

@ApiTags('ai-decisions')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('ai-decisions')
export class AiDecisionsController {
  constructor(private readonly decisions: AiDecisionsService) {}

  @Reads(AiDecision)
  @Get()
  @ApiOperation({ summary: 'List AI decisions' })
  @ApiPageResponse(AiDecision)
  list(@CurrentUser() user: AuthUser, @Query() query: ListAiDecisionsQuery): Promise<JsonText> {
    return this.decisions.list(user, query);
  }

  @Reads(AiDecision)
  @Get(':id')
  @ApiOperation({ summary: 'Get an AI decision' })
  @ApiOkResponse({ type: AiDecision })
  get(@CurrentUser() user: AuthUser, @UuidParam() id: string): Promise<JsonText> {
    return this.decisions.get(user, id);
  }

  @Writes(AiDecision)
  @Post()
  @ApiOperation({ summary: 'Record an AI decision' })
  @ApiCreatedResponse({ type: AiDecision })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateAiDecisionDto): Promise<AiDecision> {
    return this.decisions.create(user, dto);
  }

  @Writes(AiDecision)
  @Delete(':id')
  @ApiOperation({ summary: 'Delete an AI decision (dryRun=true previews the cascade)' })
  @ApiDeleteResponses()
  async remove(
    @CurrentUser() user: AuthUser,
    @UuidParam() id: string,
    @Query() query: DeleteQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<DeletePreview | void> {
    return respondToDelete(res, await this.decisions.remove(user, id, query));
  }
}
