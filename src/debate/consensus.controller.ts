import { Body, Controller, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/decorators';
import { Writes } from '../auth/policy/route-access';
import { Audited } from '../audit/audited.decorator';
import { createDtoFor } from '../common/crud/dto-factory';
import { ApiErrorResponses } from '../common/http/api-docs';
import { UuidParam } from '../common/validation/uuid-param';
import { IsDecimal } from '../common/validation/decimal';
import { ConsensusService } from './consensus.service';
import { DebateConsensus } from './entities/debate-consensus.entity';

export class ReachConsensusDto extends createDtoFor(
  'ReachConsensusDto',
  DebateConsensus,
  { confidence: [IsDecimal({ min: '0', max: '1' })] },
  ['sessionId'],
) {}

@ApiTags('debate')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('debate-sessions/:id/consensus')
export class ConsensusController {
  constructor(private readonly consensus: ConsensusService) {}

  /** Records the session's consensus and completes the session, in one transaction (409 on a second). */
  @Post()
  @Writes(DebateConsensus)
  @Audited('consensus', 'debate_sessions')
  @ApiBody({ type: ReachConsensusDto })
  @ApiCreatedResponse({ type: DebateConsensus })
  reach(
    @UuidParam() sessionId: string,
    @Body() dto: ReachConsensusDto,
    @CurrentUser() caller: AuthUser,
  ): Promise<DebateConsensus> {
    return this.consensus.reach(sessionId, dto, caller);
  }
}
