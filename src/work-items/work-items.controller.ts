import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import type { Response } from 'express';
import { Audited } from '../audit/audited.decorator';
import { ApiErrorResponses } from '../common/http/api-docs';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/decorators';
import { Access } from '../auth/policy/route-access';
import { WorkItemsService } from './work-items.service';
import { WorkItem } from './entities/work-item.entity';

export class ClaimWorkItemDto {
  @ApiPropertyOptional({ description: 'only items of this type' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  type?: string;
}

@ApiTags('work-items')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('work-items')
export class WorkItemsController {
  constructor(private readonly workItems: WorkItemsService) {}

  /** The worker queue: admins, and services holding the work:claim scope, take the next due item. */
  @Post('claim')
  @ApiOperation({ summary: 'Claim the next due work item' })
  @HttpCode(200)
  @Access({ kind: 'scope', scope: 'work:claim', entity: WorkItem })
  @Audited('claim', 'work_items')
  @ApiOkResponse({ type: WorkItem })
  @ApiNoContentResponse({ description: 'no item is due' })
  async claim(
    @Body() dto: ClaimWorkItemDto,
    @Res({ passthrough: true }) res: Response,
    @CurrentUser() caller: AuthUser,
  ): Promise<WorkItem | void> {
    const item = await this.workItems.claim(dto.type, caller);
    if (!item) res.status(204);
    return item;
  }
}
