import { Brackets, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { ValidationError } from '../errors/domain-errors';
import { ListQueryDto } from './list-query.dto';
import { Page } from './page';

/**
 * How a list is ordered: newest first by a timestamp column with the id as tie-breaker, or by id
 * alone for tables without a timestamp. The cursor carries the timestamp as PostgreSQL's own text
 * form, so microseconds survive the round trip (a JS Date would truncate them and skip or repeat rows).
 */
export interface KeysetSpec {
  /** Query alias of the paged table. */
  alias: string;
  /** Column (database name) ordering the list, DESC; omit to order by id alone. */
  timeColumn?: string;
  /** The primary key's type: uuid (default) or an integer serial. */
  idType?: 'uuid' | 'int';
}

type CursorKey = { t?: string; id: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ORDER_VALUE = 'page_order_value';
const TOTAL = 'page_total';

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key.t === undefined ? [key.id] : [key.t, key.id])).toString(
    'base64url',
  );
}

const INT_ID = /^\d{1,18}$/;

export function decodeCursor(
  cursor: string,
  withTime: boolean,
  idType: 'uuid' | 'int' = 'uuid',
): CursorKey {
  const validId = (v: string) => (idType === 'int' ? INT_ID.test(v) : UUID.test(v));
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.every((v) => typeof v === 'string')) {
      const [a, b] = parsed as string[];
      if (withTime && parsed.length === 2 && !Number.isNaN(Date.parse(a)) && validId(b)) {
        return { t: a, id: b };
      }
      if (!withTime && parsed.length === 1 && validId(a)) return { id: a };
    }
  } catch {
    // fall through to the validation error
  }
  throw ValidationError.forField('cursor', 'cursor is not a cursor this API issued for this list');
}

/**
 * Runs a list query with the contract's paging in ONE statement: the page (its ids chosen by a
 * subquery, then enriched), plus the total as an uncorrelated scalar subquery that PostgreSQL
 * evaluates once. Only an empty page past the end (offset or cursor beyond the last row) needs a
 * second statement to learn the total. The caller's builder holds the filters; `enrich` adds
 * joins that keep one row per item.
 */
export async function paginate<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  spec: KeysetSpec,
  query: ListQueryDto,
  /** Joins that enrich each item (one row per item), applied to the page only, never to the count. */
  enrich: (page: SelectQueryBuilder<T>) => SelectQueryBuilder<T> = (page) => page,
): Promise<Page<T>> {
  const { alias, timeColumn } = spec;
  const idCast = spec.idType === 'int' ? 'bigint' : 'uuid';
  const countQb = qb.clone().select('COUNT(*)').orderBy();

  // The page's rows: filters, order, cursor or offset, limit.
  const window = qb.clone().limit(query.limit + 1);
  if (timeColumn) {
    window.orderBy(`${alias}.${timeColumn}`, 'DESC').addOrderBy(`${alias}.id`, 'DESC');
  } else {
    window.orderBy(`${alias}.id`, 'DESC');
  }
  if (query.cursor) {
    const key = decodeCursor(query.cursor, Boolean(timeColumn), spec.idType);
    window.andWhere(
      new Brackets((w) =>
        timeColumn
          ? w.where(
              `(${alias}.${timeColumn}, ${alias}.id) < (CAST(:cursorT AS timestamptz), CAST(:cursorId AS ${idCast}))`,
              { cursorT: key.t, cursorId: key.id },
            )
          : w.where(`${alias}.id < CAST(:cursorId AS ${idCast})`, { cursorId: key.id }),
      ),
    );
  } else if (query.offset) {
    window.offset(query.offset);
  }

  // Enrichment joins run for the page's rows only: the window picks the ids first (an index
  // scan, however deep the offset), then the joins see at most limit + 1 rows.
  const ids = window.clone().select(`${alias}.id`);
  const page = enrich(qb.clone())
    .andWhere(`${alias}.id IN (${ids.getQuery()})`)
    .setParameters(ids.getParameters())
    .addSelect(`(${countQb.getQuery()})`, TOTAL)
    .setParameters(countQb.getParameters());
  if (timeColumn) {
    page
      .addSelect(`${alias}.${timeColumn}::text`, ORDER_VALUE)
      .orderBy(`${alias}.${timeColumn}`, 'DESC')
      .addOrderBy(`${alias}.id`, 'DESC');
  } else {
    page.orderBy(`${alias}.id`, 'DESC');
  }

  const { entities, raw } = await page.getRawAndEntities();
  const rows = raw as Record<string, unknown>[];
  const hasMore = entities.length > query.limit;
  const items = hasMore ? entities.slice(0, query.limit) : entities;

  let total: number;
  if (rows.length > 0) total = Number(rows[0][TOTAL]);
  else if (!query.cursor && !query.offset) total = 0;
  else total = Number((await countQb.getRawOne<{ count: string }>())?.count ?? 0);

  let nextCursor: string | null = null;
  const last = items[items.length - 1] as (T & { id: string | number }) | undefined;
  if (hasMore && last) {
    const lastRaw = rows.find((r) => String(r[`${alias}_id`]) === String(last.id));
    nextCursor = encodeCursor({
      t: timeColumn ? String(lastRaw?.[ORDER_VALUE]) : undefined,
      id: String(last.id),
    });
  }

  return { items, total, limit: query.limit, offset: query.cursor ? 0 : query.offset, nextCursor };
}
