import { User } from './entities/user.entity';
import { Body, Controller, Delete, Get, HttpCode, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AdminOnly } from '../auth/policy/route-access';
import { CreateUserDto } from './dto/create-user.dto';
import { ApiErrorResponses, ApiPageResponse } from '../common/http/api-docs';
import { ListQueryDto } from '../common/pagination/list-query.dto';
import { Page } from '../common/pagination/page';
import { UuidParam } from '../common/validation/uuid-param';
import { UserView } from './dto/user-view.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@ApiErrorResponses()
@AdminOnly(User)
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  /** Creates an account (a user or another admin), whether or not signup is open. */
  @Post()
  @ApiOperation({ summary: 'Create a user (admin)' })
  @ApiCreatedResponse({ type: UserView })
  create(@Body() dto: CreateUserDto): Promise<UserView> {
    return this.users.create(dto.username, dto.password, dto.role === 'admin');
  }

  @Get()
  @ApiOperation({ summary: 'List users (admin)' })
  @ApiPageResponse(UserView)
  list(@Query() query: ListQueryDto): Promise<Page<UserView>> {
    return this.users.list(query);
  }

  /** Deletes the user with their trades, positions, decisions, orders and sessions (cascade). */
  @Delete(':id')
  @ApiOperation({ summary: 'Delete a user (admin)' })
  @HttpCode(204)
  @ApiNoContentResponse()
  remove(@UuidParam() id: string): Promise<void> {
    return this.users.remove(id);
  }
}
