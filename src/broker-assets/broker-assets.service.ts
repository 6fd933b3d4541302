import { Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import { paginate } from '../common/pagination/keyset';
import { Page } from '../common/pagination/page';
import { assertNoDuplicates, upsertRows, UpsertSpec } from '../common/sql/bulk';
import type { Tx } from '../database/transaction';
import {
  BrokerAssetInputDto,
  BulkUpsertAssetsBody,
  BulkUpsertResultDto,
} from './dto/bulk-upsert.dto';
import { ListBrokerAssetsQuery } from './dto/list-broker-assets.query';
import { BrokerAsset } from './entities/broker-asset.entity';

const COLUMNS: Array<[column: string, cast: string]> = [
  ['alpaca_id', 'text'],
  ['symbol', 'text'],
  ['name', 'text'],
  ['asset_class', 'text'],
  ['exchange', 'text'],
  ['status', 'text'],
  ['tradable', 'boolean'],
  ['marginable', 'boolean'],
  ['shortable', 'boolean'],
  ['easy_to_borrow', 'boolean'],
  ['fractionable', 'boolean'],
  ['min_order_size', 'numeric'],
  ['min_trade_increment', 'numeric'],
  ['price_increment', 'numeric'],
];
const UPDATED = COLUMNS.filter(([c]) => c !== 'symbol').map(([c]) => `${c} = EXCLUDED.${c}`);

/** The upsert of a broker's asset list (exported for the bench, which times the same statement raw). */
export function assetUpsertSpec(assets: BrokerAssetInputDto[]): UpsertSpec {
  return {
    table: 'broker_assets',
    columns: COLUMNS,
    rows: assets.map((a) => [
      a.alpacaId,
      a.symbol,
      a.name,
      a.assetClass,
      a.exchange,
      a.status,
      a.tradable ?? false,
      a.marginable ?? false,
      a.shortable ?? false,
      a.easyToBorrow ?? false,
      a.fractionable ?? false,
      a.minOrderSize ?? null,
      a.minTradeIncrement ?? null,
      a.priceIncrement ?? null,
    ]),
    onConflict: `ON CONFLICT (symbol) DO UPDATE SET ${UPDATED.join(', ')}, updated_at = now(), last_synced_at = now()`,
  };
}

@Injectable()
export class BrokerAssetsService {
  constructor(@InjectTransactionHost() private readonly tx: Tx) {}

  list(query: ListBrokerAssetsQuery): Promise<Page<BrokerAsset>> {
    const qb = this.tx.tx.getRepository(BrokerAsset).createQueryBuilder('a');
    if (query.tradable !== undefined)
      qb.andWhere('a.tradable = :tradable', { tradable: query.tradable });
    if (query.assetClass)
      qb.andWhere('a.asset_class = :assetClass', { assetClass: query.assetClass });
    if (query.exchange) qb.andWhere('a.exchange = :exchange', { exchange: query.exchange });
    if (query.status) qb.andWhere('a.status = :status', { status: query.status });
    if (query.symbol) {
      // Symbols are stored upper-case (a CHECK enforces it), so the upper-cased prefix matches.
      qb.andWhere(`a.symbol LIKE :prefix`, {
        prefix: `${query.symbol.replace(/[%_\\]/g, '\\$&')}%`,
      });
    }
    return paginate(qb, { alias: 'a', timeColumn: 'created_at' }, query);
  }

  /** INSERT ... ON CONFLICT (symbol) DO UPDATE for every asset, chunked, in one transaction. */
  async bulkUpsert(dto: BulkUpsertAssetsBody): Promise<BulkUpsertResultDto> {
    assertNoDuplicates('assets', [
      ['symbols', dto.assets.map((a) => a.symbol)],
      ['alpacaIds', dto.assets.map((a) => a.alpacaId)],
    ]);
    return this.tx.withTransaction(() => upsertRows(this.tx.tx, assetUpsertSpec(dto.assets)));
  }
}
