import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { UsersModule } from '../users/users.module';
import { AdminBootstrap } from './admin-bootstrap';
import { ApiKeysController } from './api-keys.controller';
import { ApiKeysRepository } from './api-keys.repository';
import { ApiKeysService } from './api-keys.service';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { LoginAttemptsRepository } from './login-attempts.repository';
import { LoginThrottle } from './login-throttle';
import { SignupThrottle } from './signup-throttle';
import { SessionCache } from './session-cache';

@Module({
  imports: [UsersModule],
  controllers: [AuthController, ApiKeysController],
  providers: [
    AuthService,
    ApiKeysService,
    ApiKeysRepository,
    LoginThrottle,
    SignupThrottle,
    SessionCache,
    LoginAttemptsRepository,
    AdminBootstrap,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [AuthService],
})
export class AuthModule {}
