import { Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import { ValidationError } from '../common/errors/domain-errors';
import { paginate } from '../common/pagination/keyset';
import { Page } from '../common/pagination/page';
import { chunksFor, duplicatesOf, valuesList } from '../common/sql/bulk';
import type { Tx } from '../database/transaction';
import { BulkUpsertAssetsDto, BulkUpsertResultDto } from './dto/bulk-upsert.dto';
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

  /**
   * INSERT ... ON CONFLICT (symbol) DO UPDATE for every asset, in one transaction, in chunks that
   * stay under PostgreSQL's bind-parameter limit. Counts are exact: a row is "inserted" when the
   * statement created it (xmax = 0), else "updated".
   */
  async bulkUpsert(dto: BulkUpsertAssetsDto): Promise<BulkUpsertResultDto> {
    const symbols = duplicatesOf(dto.assets.map((a) => a.symbol));
    const ids = duplicatesOf(dto.assets.map((a) => a.alpacaId));
    if (symbols.length > 0 || ids.length > 0) {
      const fields = [
        ...(symbols.length
          ? [{ field: 'assets', messages: [`duplicate symbols: ${symbols.join(', ')}`] }]
          : []),
        ...(ids.length
          ? [{ field: 'assets', messages: [`duplicate alpacaIds: ${ids.join(', ')}`] }]
          : []),
      ];
      throw new ValidationError(fields.map((f) => f.messages[0]).join('; '), fields);
    }
    return this.tx.withTransaction(async () => {
      let inserted = 0;
      let updated = 0;
      const rows = dto.assets.map((a) => [
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
      ]);
      for (const chunk of chunksFor(rows, COLUMNS.length)) {
        const { sql, params } = valuesList(
          chunk,
          COLUMNS.map(([, cast]) => cast),
        );
        const result: Array<{ inserted: boolean }> = await this.tx.tx.query(
          `INSERT INTO broker_assets (${COLUMNS.map(([c]) => c).join(', ')}) VALUES ${sql}
           ON CONFLICT (symbol) DO UPDATE SET ${UPDATED.join(', ')}, updated_at = now(), last_synced_at = now()
           RETURNING (xmax = 0) AS inserted`,
          params,
        );
        for (const r of result) {
          if (r.inserted) inserted++;
          else updated++;
        }
      }
      return { inserted, updated };
    });
  }
}
