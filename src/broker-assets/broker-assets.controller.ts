import { Reads, Writes } from '../auth/policy/route-access';
import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Audited } from '../audit/audited.decorator';
import { ApiErrorResponses, ApiPageResponse } from '../common/http/api-docs';
import { Page } from '../common/pagination/page';
import { BulkBody } from '../common/http/bulk-body.guard';
import { CompiledBodyPipe } from '../common/validation/compiled-body';
import { BrokerAssetsService } from './broker-assets.service';
import {
  BulkUpsertAssetsBody,
  BulkUpsertAssetsDto,
  BulkUpsertResultDto,
  validateBulkUpsertAssets,
} from './dto/bulk-upsert.dto';
import { ListBrokerAssetsQuery } from './dto/list-broker-assets.query';
import { BrokerAsset } from './entities/broker-asset.entity';

@ApiTags('broker-assets')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('broker-assets')
export class BrokerAssetsController {
  constructor(private readonly assets: BrokerAssetsService) {}

  @Reads(BrokerAsset)
  @Get()
  @ApiOperation({ summary: 'List broker assets' })
  @ApiPageResponse(BrokerAsset)
  list(@Query() query: ListBrokerAssetsQuery): Promise<Page<BrokerAsset>> {
    return this.assets.list(query);
  }

  /** Inserts or updates every listed asset by symbol, all or nothing. */
  @Writes(BrokerAsset)
  @Post('bulk-upsert')
  @BulkBody()
  @ApiOperation({ summary: 'Insert or update broker assets in bulk' })
  @HttpCode(200)
  @Audited('upsert', 'broker_assets')
  @ApiBody({ type: BulkUpsertAssetsDto })
  @ApiOkResponse({ type: BulkUpsertResultDto })
  bulkUpsert(
    // Typed as a plain object so the global ValidationPipe leaves it to the compiled validator.
    @Body(new CompiledBodyPipe(validateBulkUpsertAssets)) dto: BulkUpsertAssetsBody,
  ): Promise<BulkUpsertResultDto> {
    return this.assets.bulkUpsert(dto);
  }
}
