import { Body, Controller, Delete, Get, Patch, Post, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/decorators';
import { Reads, Writes } from '../auth/policy/route-access';
import { CrudService } from '../common/crud/crud.service';
import { ApiDeleteResponses, ApiErrorResponses, ApiPageResponse } from '../common/http/api-docs';
import { respondToDelete } from '../common/http/delete-response';
import { Page } from '../common/pagination/page';
import { DeleteQuery } from '../common/validation/delete-query.dto';
import { DeletePreview } from '../database/cascade-preview.service';
import { AdminSetting } from './entities/admin-setting.entity';
import {
  CreateAdminSettingDto,
  UpdateAdminSettingDto,
  ListAdminSettingsQuery,
} from './dto/admin-settings.dto';
import { adminSettings } from './admin-settings.resources';
import { UuidParam } from '../common/validation/uuid-param';
import { AuditRedact } from '../audit/audited.decorator';

/** /api/admin-settings: admin settings, through the shared CRUD service. */
@ApiTags('admin-settings')
@AuditRedact('value')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('admin-settings')
export class AdminSettingResourceController {
  constructor(private readonly crud: CrudService) {}

  @Get()
  @ApiOperation({ summary: 'List admin settings' })
  @Reads(AdminSetting)
  @ApiPageResponse(AdminSetting)
  list(
    @Query() query: ListAdminSettingsQuery,
    @CurrentUser() caller: AuthUser,
  ): Promise<Page<unknown>> {
    return this.crud.list(adminSettings, query, caller);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get an admin setting' })
  @Reads(AdminSetting)
  @ApiOkResponse({ type: AdminSetting })
  get(@UuidParam() id: string, @CurrentUser() caller: AuthUser): Promise<unknown> {
    return this.crud.get(adminSettings, id, caller);
  }

  @Post()
  @ApiOperation({ summary: 'Create an admin setting' })
  @Writes(AdminSetting)
  @ApiCreatedResponse({ type: AdminSetting })
  create(@Body() dto: CreateAdminSettingDto, @CurrentUser() caller: AuthUser): Promise<unknown> {
    return this.crud.create(adminSettings, dto, caller);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Update an admin setting' })
  @Writes(AdminSetting)
  @ApiOkResponse({ type: AdminSetting })
  update(
    @UuidParam() id: string,
    @Body() dto: UpdateAdminSettingDto,
    @CurrentUser() caller: AuthUser,
  ): Promise<unknown> {
    return this.crud.update(adminSettings, id, dto, caller);
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Delete an admin setting (dryRun=true previews the cascade)' })
  @Writes(AdminSetting)
  @ApiDeleteResponses()
  async remove(
    @UuidParam() id: string,
    @Query() query: DeleteQuery,
    @Res({ passthrough: true }) res: Response,
    @CurrentUser() caller: AuthUser,
  ): Promise<DeletePreview | void> {
    return respondToDelete(res, await this.crud.remove(adminSettings, id, caller, query));
  }
}

/** The admin-settings tables' CRUD routes, mounted by the app module. */
export const adminSettingsResourceControllers = [AdminSettingResourceController];
