import { Module } from '@nestjs/common';
import { AiDecisionsController } from './ai-decisions.controller';
import { AiDecisionsRepository } from './ai-decisions.repository';
import { AiDecisionsService } from './ai-decisions.service';

@Module({
  controllers: [AiDecisionsController],
  providers: [AiDecisionsService, AiDecisionsRepository],
})
export class AiDecisionsModule {}
