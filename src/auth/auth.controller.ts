import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { Audited } from '../audit/audited.decorator';
import { ApiErrorResponses } from '../common/http/api-docs';
import { UserView } from '../users/dto/user-view.dto';
import type { AuthUser } from './auth-user';
import { AuthService } from './auth.service';
import { CurrentUser } from './decorators';
import { CallerView } from './dto/caller-view.dto';
import { AnyCaller, Public } from './policy/route-access';
import { LoginDto, SignupDto } from './dto/credentials.dto';
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
  signup(@Body() dto: SignupDto): Promise<UserView> {
    return this.auth.signup(dto.username, dto.password);
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
