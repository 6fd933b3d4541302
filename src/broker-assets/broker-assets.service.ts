import { Injectable } from '@nestjs/common';
import { Transactional } from '@nestjs-cls/transactional';
import { Page } from '../common/pagination/page';
import { assertNoDuplicates } from '../common/sql/bulk';
import { BrokerAssetsRepository } from './broker-assets.repository';
import { BulkUpsertAssetsBody, BulkUpsertResultDto } from './dto/bulk-upsert.dto';
import { ListBrokerAssetsQuery } from './dto/list-broker-assets.query';
import { BrokerAsset } from './entities/broker-asset.entity';

@Injectable()
export class BrokerAssetsService {
  constructor(private readonly assets: BrokerAssetsRepository) {}

  list(query: ListBrokerAssetsQuery): Promise<Page<BrokerAsset>> {
    return this.assets.list(query);
  }

  /** Every asset inserted or updated by symbol, all or nothing; duplicates in the list are a 400. */
  @Transactional()
  bulkUpsert(dto: BulkUpsertAssetsBody): Promise<BulkUpsertResultDto> {
    assertNoDuplicates('assets', [
      ['symbols', dto.assets.map((a) => a.symbol)],
      ['alpacaIds', dto.assets.map((a) => a.alpacaId)],
    ]);
    return this.assets.upsert(dto.assets);
  }
}
