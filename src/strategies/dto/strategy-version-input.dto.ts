import { OmitType } from '@nestjs/swagger';
import { CreateStrategyVersionDto } from './strategy-versions.dto';

/** POST /api/strategies/{strategyId}/versions: a new version of that strategy (named by the path). */
export class CreateVersionDto extends OmitType(CreateStrategyVersionDto, ['strategyId'] as const) {}
