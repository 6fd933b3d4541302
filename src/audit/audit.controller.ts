import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AdminOnly } from '../auth/policy/route-access';
import { ApiErrorResponses, ApiPageResponse } from '../common/http/api-docs';
import { Page } from '../common/pagination/page';
import { AuditService } from './audit.service';
import { ListAuditLogsQuery } from './dto/list-audit-logs.query';
import { AuditLog } from './entities/audit-log.entity';

@ApiTags('audit')
@ApiBearerAuth()
@ApiErrorResponses()
@AdminOnly(AuditLog)
@Controller('audit-logs')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  /** Newest first; filters `userId`, `resource`, `action`, `from`/`to` (inclusive). */
  @Get()
  @ApiOperation({ summary: 'List audit log entries (admin)' })
  @ApiPageResponse(AuditLog)
  list(@Query() query: ListAuditLogsQuery): Promise<Page<AuditLog>> {
    return this.audit.list(query);
  }
}
