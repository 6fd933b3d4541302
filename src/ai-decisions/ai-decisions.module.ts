import { Module } from '@nestjs/common';
import { AiDecisionsController } from './ai-decisions.controller';
import { AiDecisionsService } from './ai-decisions.service';

@Module({
  controllers: [AiDecisionsController],
  providers: [AiDecisionsService],
})
export class AiDecisionsModule {}
