import { Body, Controller, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import { Audited } from '../audit/audited.decorator';
import { createDtoFor } from '../common/crud/dto-factory';
import { NotFoundError } from '../common/errors/domain-errors';
import { ApiErrorResponses } from '../common/http/api-docs';
import { UuidParam } from '../common/validation/uuid-param';
import { IsDecimal } from '../common/validation/decimal';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { Tx } from '../database/transaction';
import { DebateConsensus } from './entities/debate-consensus.entity';

export const ReachConsensusDto = createDtoFor(
  'ReachConsensusDto',
  DebateConsensus,
  { confidence: [IsDecimal({ min: '0', max: '1' })] },
  ['sessionId'],
);

@ApiTags('debate')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('debate-sessions/:id/consensus')
export class ConsensusController {
  constructor(@InjectTransactionHost() private readonly tx: Tx) {}

  /** Records the session's consensus and completes the session, in one transaction (409 on a second). */
  @Post()
  @Audited('consensus', 'debate_sessions')
  @ApiBody({ type: ReachConsensusDto })
  @ApiCreatedResponse({ type: DebateConsensus })
  async reach(@UuidParam() sessionId: string, @Body() dto: object): Promise<DebateConsensus> {
    return this.tx.withTransaction(async () => {
      const [rows]: [unknown[], number] = await this.tx.tx.query(
        `UPDATE debate_sessions SET status = 'completed', completed_at = now() WHERE id = $1 RETURNING id`,
        [sessionId],
      );
      if (rows.length === 0) throw new NotFoundError('debate session', sessionId);
      const repo = this.tx.tx.getRepository(DebateConsensus);
      const { identifiers } = await repo.insert({
        ...(dto as object),
        sessionId,
      } as QueryDeepPartialEntity<DebateConsensus>);
      return repo.findOneByOrFail({ id: identifiers[0].id as string });
    });
  }
}
Reflect.defineMetadata(
  'design:paramtypes',
  [String, ReachConsensusDto],
  ConsensusController.prototype,
  'reach',
);
