import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Audited } from '../audit/audited.decorator';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/decorators';
import { AdminOnly } from '../auth/policy/route-access';
import { ApiErrorResponses } from '../common/http/api-docs';
import { UuidParam } from '../common/validation/uuid-param';
import { CandidatesService } from './candidates.service';
import { UniverseCandidate } from './entities/universe-candidate.entity';

@ApiTags('universe')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('universe-candidates')
export class CandidatesController {
  constructor(private readonly candidates: CandidatesService) {}

  /** Approves a candidate (admin transition: a generic PATCH cannot set APPROVED). */
  @Post(':id/approve')
  @ApiOperation({ summary: 'Approve a universe candidate (admin)' })
  @HttpCode(200)
  @AdminOnly(UniverseCandidate)
  @Audited('approve', 'universe_candidates')
  @ApiOkResponse({ type: UniverseCandidate })
  approve(@UuidParam() id: string, @CurrentUser() admin: AuthUser): Promise<UniverseCandidate> {
    return this.candidates.approve(id, admin);
  }
}
