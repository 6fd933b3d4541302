import { Module } from '@nestjs/common';
import { TestRoutesController } from './test-routes.controller';
import { TestRoutesService } from './test-routes.service';

/**
 * Routes for tests only. The app module imports this module only when ENABLE_TEST_ROUTES=true
 * (never in production); nothing else in src/ refers to this folder.
 */
@Module({ controllers: [TestRoutesController], providers: [TestRoutesService] })
export class TestRoutesModule {}
