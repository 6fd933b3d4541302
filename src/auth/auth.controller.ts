import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { Audited } from '../audit/audited.decorator';
import { ApiErrorResponses, ErrorBodyDto } from '../common/http/api-docs';
import { UserView } from '../users/dto/user-view.dto';
import type { AuthUser } from './auth-user';
import { AuthService } from './auth.service';
import { CurrentUser } from './decorators';
import { CallerView } from './dto/caller-view.dto';
import { AnyCaller, Public, SessionCaller } from './policy/route-access';
import { ChangePasswordDto, LoginDto, SignupDto } from './dto/credentials.dto';
import { LoginResponse } from './dto/login-response.dto';

@ApiTags('auth')
@ApiErrorResponses()
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('signup')
  @ApiOperation({ summary: 'Sign up' })
  @Audited('signup', 'users')
  @ApiCreatedResponse({ type: UserView })
  @ApiTooManyRequestsResponse({
    type: ErrorBodyDto,
    description:
      'RATE_LIMITED: more than SIGNUP_MAX_PER_ADDRESS accounts from this client address within SIGNUP_WINDOW_SECONDS (`Retry-After` says when to try again)',
  })
  signup(@Body() dto: SignupDto, @Req() req: Request): Promise<UserView> {
    return this.auth.signup(dto.username, dto.password, req);
  }

  @Public()
  @Post('login')
  @ApiOperation({ summary: 'Log in' })
  @HttpCode(200)
  @Audited('login', 'sessions')
  @ApiOkResponse({ type: LoginResponse })
  login(@Body() dto: LoginDto, @Req() req: Request): Promise<LoginResponse> {
    return this.auth.login(dto.username, dto.password, req);
  }

  @Post('password')
  @ApiOperation({
    summary: 'Change your password',
    description:
      'For a person logged in with a session (an API key is refused with 403). The current password must be right (else 403, counted like a failed login). Every other session of the user is revoked; the one that made the change stays valid.',
  })
  @SessionCaller()
  @HttpCode(204)
  @Audited('change-password', 'users')
  @ApiBearerAuth()
  @ApiNoContentResponse({ description: 'changed; the other sessions are revoked' })
  @ApiForbiddenResponse({
    type: ErrorBodyDto,
    description: 'FORBIDDEN: the current password is wrong, or the caller is an API key',
  })
  @ApiTooManyRequestsResponse({
    type: ErrorBodyDto,
    description: 'RATE_LIMITED: too many wrong passwords for this user from this address',
  })
  changePassword(
    @Body() dto: ChangePasswordDto,
    @CurrentUser() caller: AuthUser,
    @Req() req: Request,
  ): Promise<void> {
    return this.auth.changePassword(caller, dto.currentPassword, dto.newPassword, req);
  }

  @Post('logout')
  @ApiOperation({ summary: 'Log out (revoke this token)' })
  @AnyCaller()
  @HttpCode(204)
  @Audited('logout', 'sessions')
  @ApiBearerAuth()
  @ApiNoContentResponse()
  logout(@CurrentUser() user: AuthUser): Promise<void> {
    return this.auth.logout(user);
  }

  @Get('me')
  @ApiOperation({ summary: 'Who this token is' })
  @AnyCaller()
  @ApiBearerAuth()
  @ApiOkResponse({ type: CallerView })
  me(@CurrentUser() caller: AuthUser): CallerView {
    return CallerView.of(caller);
  }
}
