import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import { Audited } from '../audit/audited.decorator';
import type { AuthUser } from '../auth/auth-user';
import { AdminOnly, CurrentUser } from '../auth/decorators';
import { NotFoundError } from '../common/errors/domain-errors';
import { ApiErrorResponses } from '../common/http/api-docs';
import { UuidParam } from '../common/validation/uuid-param';
import type { Tx } from '../database/transaction';
import { UniverseCandidate } from './entities/universe-candidate.entity';

@ApiTags('universe')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('universe-candidates')
export class CandidatesController {
  constructor(@InjectTransactionHost() private readonly tx: Tx) {}

  /** Approves a candidate: status APPROVED, approved by the calling admin, now. */
  @Post(':id/approve')
  @HttpCode(200)
  @AdminOnly()
  @Audited('approve', 'universe_candidates')
  @ApiOkResponse({ type: UniverseCandidate })
  async approve(
    @UuidParam() id: string,
    @CurrentUser() user: AuthUser,
  ): Promise<UniverseCandidate> {
    const [rows]: [unknown[], number] = await this.tx.tx.query(
      `UPDATE universe_candidates SET status = 'APPROVED', approved_by = $2, approved_at = now(), updated_at = now()
       WHERE id = $1 RETURNING id`,
      [id, user.id],
    );
    if (rows.length === 0) throw new NotFoundError('universe candidate', id);
    return this.tx.tx.getRepository(UniverseCandidate).findOneByOrFail({ id });
  }
}
