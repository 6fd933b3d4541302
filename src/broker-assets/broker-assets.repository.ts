import { Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import { GenerateSql } from '../database/generate-sql';
import { paginate } from '../common/pagination/keyset';
import { Page } from '../common/pagination/page';
import { upsertRows, UpsertSpec } from '../common/sql/bulk';
import type { Tx } from '../database/transaction';
import { BrokerAssetInputDto, BulkUpsertResultDto } from './dto/bulk-upsert.dto';
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

const LIST = Object.assign(new ListBrokerAssetsQuery(), { limit: 50, offset: 0 });
const ASSET = {
  alpacaId: 'a-1',
  symbol: 'AAPL',
  name: 'Apple',
  assetClass: 'us_equity',
  exchange: 'NASDAQ',
  status: 'active',
} as BrokerAssetInputDto;

/** The broker's asset list (platform data). */
@Injectable()
export class BrokerAssetsRepository {
  constructor(@InjectTransactionHost() private readonly tx: Tx) {}

  @GenerateSql(
    { name: 'first page', params: [LIST] },
    { name: 'tradable by symbol prefix', params: [{ ...LIST, tradable: true, symbol: 'AA' }] },
  )
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

  /** INSERT ... ON CONFLICT (symbol) DO UPDATE for every asset, chunked; exact counts. */
  @GenerateSql({ params: [[ASSET]] })
  upsert(assets: BrokerAssetInputDto[]): Promise<BulkUpsertResultDto> {
    return upsertRows(this.tx.tx, assetUpsertSpec(assets));
  }
}
