import { Global, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { DrainState } from './drain-state';
import { DrainMiddleware } from './drain.middleware';
import { HealthController } from './health.controller';

@Global()
@Module({
  imports: [TerminusModule],
  controllers: [HealthController],
  providers: [DrainState, DrainMiddleware],
  exports: [DrainState, DrainMiddleware],
})
export class HealthModule {}
