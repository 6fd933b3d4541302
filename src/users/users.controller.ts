import { Controller, Delete, Get, HttpCode, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import { AdminOnly } from '../auth/decorators';
import { ApiErrorResponses, ApiPageResponse } from '../common/http/api-docs';
import { ListQueryDto } from '../common/pagination/list-query.dto';
import { Page } from '../common/pagination/page';
import { UuidParam } from '../common/validation/uuid-param';
import { UserView } from './dto/user-view.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@ApiErrorResponses()
@AdminOnly()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiPageResponse(UserView)
  list(@Query() query: ListQueryDto): Promise<Page<UserView>> {
    return this.users.list(query);
  }

  /** Deletes the user with their trades, positions, decisions, orders and sessions (cascade). */
  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse()
  remove(@UuidParam() id: string): Promise<void> {
    return this.users.remove(id);
  }
}
