import { ApiKey } from './entities/api-key.entity';
import { Body, Controller, Delete, Get, HttpCode, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiErrorResponses, ApiPageResponse } from '../common/http/api-docs';
import { ListQueryDto } from '../common/pagination/list-query.dto';
import { Page } from '../common/pagination/page';
import { UuidParam } from '../common/validation/uuid-param';
import { ApiKeysService } from './api-keys.service';
import type { AuthUser } from './auth-user';
import { CurrentUser } from './decorators';
import { ApiKeyView, CreateApiKeyDto, CreatedApiKeyView } from './dto/api-key.dto';
import { AdminOnly } from './policy/route-access';

@ApiTags('api-keys')
@ApiBearerAuth()
@ApiErrorResponses()
@AdminOnly(ApiKey)
@Controller('admin/api-keys')
export class ApiKeysController {
  constructor(private readonly keys: ApiKeysService) {}

  @Post()
  @ApiOperation({ summary: 'Issue a service API key (the key is shown once)' })
  @ApiCreatedResponse({ type: CreatedApiKeyView })
  create(@Body() dto: CreateApiKeyDto, @CurrentUser() admin: AuthUser): Promise<CreatedApiKeyView> {
    return this.keys.create(dto, admin);
  }

  @Get()
  @ApiOperation({ summary: 'List API keys with their last use' })
  @ApiPageResponse(ApiKeyView)
  list(@Query() query: ListQueryDto): Promise<Page<ApiKeyView>> {
    return this.keys.list(query);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke an API key at once' })
  @ApiNoContentResponse()
  revoke(@UuidParam() id: string): Promise<void> {
    return this.keys.revoke(id);
  }
}
