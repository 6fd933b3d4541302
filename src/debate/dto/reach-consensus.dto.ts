import { OmitType } from '@nestjs/swagger';
import { CreateDebateConsensusDto } from './debate-consensus.dto';

/** POST /api/debate-sessions/{id}/consensus: the session's consensus (the session is the path's). */
export class ReachConsensusDto extends OmitType(CreateDebateConsensusDto, ['sessionId'] as const) {}
