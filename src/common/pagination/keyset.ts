import { Brackets, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { ValidationError } from '../errors/domain-errors';
import { currentCursorContext } from './cursor-context';
import { SqlParams } from '../sql/params';
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

export type CursorKey = { t?: string; id: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Output columns the page statements add: the order value as text (for the cursor), the count. */
export const ORDER_VALUE = 'page_order_value';
export const TOTAL = 'page_total';
/** The row's place in the page (1, 2, ...), for statements whose page PostgreSQL assembles. */
export const PAGE_ROW = 'page_row';

const UNISSUED = 'cursor is not one this API issued for this list, its filters and this caller';

/**
 * The cursor after `key`, signed for this request's list and caller (cursor-context.ts): only
 * the API can make a cursor that decodeCursor accepts, and only for the list it came from.
 */
export function encodeCursor(key: CursorKey): string {
  const context = currentCursorContext();
  // Every list is served inside a request; a page built elsewhere has nobody to hand a cursor to.
  if (!context) throw new Error('a list cursor can only be issued while serving a request');
  const payload = Buffer.from(
    JSON.stringify(key.t === undefined ? [key.id] : [key.t, key.id]),
  ).toString('base64url');
  return context.signer.sign(context.binding, payload);
}

const INT_ID = /^\d{1,18}$/;

/**
 * The key a cursor resumes after, once its signature proves the API issued it for this list,
 * these filters and this caller. Anything else (forged, altered, another list's or caller's, an
 * unsigned cursor of an earlier release, one signed with a retired key) is a 400 before any
 * value of it reaches PostgreSQL. The shape is still checked: a signature says who made the
 * cursor, not that its content suits the list it is used on.
 */
export function decodeCursor(
  cursor: string,
  withTime: boolean,
  idType: 'uuid' | 'int' = 'uuid',
): CursorKey {
  const validId = (v: string) => (idType === 'int' ? INT_ID.test(v) : UUID.test(v));
  const context = currentCursorContext();
  const payload = context ? context.signer.verify(context.binding, cursor) : null;
  if (payload === null) throw ValidationError.forField('cursor', UNISSUED);
  try {
    const parsed: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
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
  throw ValidationError.forField('cursor', UNISSUED);
}

/**
 * The page part of a hand-written list statement, appended to its own filters: the keyset
 * condition (when a cursor is given), the order, and `LIMIT limit + 1` (the extra row only says
 * whether a next page exists) with the offset when there is no cursor. The order matches the
 * lists' indexes (filter columns, then time DESC, id DESC), so PostgreSQL walks an index and
 * stops after the page.
 */
export function keysetSql(
  spec: KeysetSpec,
  query: ListQueryDto,
  params: SqlParams,
): { condition: string | null; orderBy: string; limit: string } {
  const { alias: a, timeColumn } = spec;
  const idCast = spec.idType === 'int' ? 'bigint' : 'uuid';
  const orderBy = timeColumn ? `${a}.${timeColumn} DESC, ${a}.id DESC` : `${a}.id DESC`;
  let condition: string | null = null;
  let limit = `LIMIT ${params.add(query.limit + 1)}`;
  if (query.cursor) {
    const key = decodeCursor(query.cursor, Boolean(timeColumn), spec.idType);
    condition = timeColumn
      ? `(${a}.${timeColumn}, ${a}.id) < (${params.add(key.t)}::timestamptz, ${params.add(key.id)}::${idCast})`
      : `${a}.id < ${params.add(key.id)}::${idCast}`;
  } else if (query.offset) {
    limit += ` OFFSET ${params.add(query.offset)}`;
  }
  return { condition, orderBy, limit };
}

/** What a page statement's window held, enough to write the envelope around its items. */
export interface PageWindow {
  /** Rows the window returned: limit + 1 of them at most, the extra one only says "more". */
  rows: number;
  /** The cursor key of the page's last item (of row `limit` when there is more). */
  lastKey: CursorKey | undefined;
  /** The total the statement carried (includeTotal), undefined for an empty window. */
  total: number | undefined;
}

export type PageMeta = Omit<Page<never>, 'items'>;

/**
 * The envelope of a page, but its items. When the client asked for the total, the statement
 * carried it (a scalar subquery evaluated once); only an empty page past the end (offset or
 * cursor beyond the last row) needs `count` to learn it.
 */
export async function pageMeta(
  window: PageWindow,
  query: ListQueryDto,
  count: () => Promise<number>,
): Promise<PageMeta> {
  const hasMore = window.rows > query.limit;
  let total: number | null = null;
  if (query.includeTotal) {
    if (window.total !== undefined) total = window.total;
    else if (!query.cursor && !query.offset) total = 0;
    else total = await count();
  }
  return {
    total,
    limit: query.limit,
    offset: query.cursor ? 0 : query.offset,
    nextCursor: hasMore && window.lastKey ? encodeCursor(window.lastKey) : null,
    hasMore,
  };
}

/** The envelope of a page from its rows (limit + 1 of them at most). */
export async function pageFrom<R, I>(
  rows: R[],
  query: ListQueryDto,
  of: {
    item: (row: R) => I;
    key: (row: R) => CursorKey;
    total: (row: R) => number;
    count: () => Promise<number>;
  },
): Promise<Page<I>> {
  const pageRows = rows.length > query.limit ? rows.slice(0, query.limit) : rows;
  const last = pageRows[pageRows.length - 1];
  const meta = await pageMeta(
    {
      rows: rows.length,
      lastKey: last === undefined ? undefined : of.key(last),
      total: query.includeTotal && rows.length > 0 ? of.total(rows[0]) : undefined,
    },
    query,
    of.count,
  );
  return { items: pageRows.map(of.item), ...meta };
}

/**
 * Runs a list query with the contract's paging in ONE statement: filters, order, cursor or
 * offset and `LIMIT limit + 1` on the paged table itself, with `enrich`'s joins (one row per
 * item) in the same statement, so the page's rows are read once, never chosen and then looked up
 * again. The total is counted only when the client asks (`includeTotal`), as an uncorrelated
 * scalar subquery that PostgreSQL evaluates once.
 */
export async function paginate<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  spec: KeysetSpec,
  query: ListQueryDto,
  /** Joins that enrich each item (one row per item); never part of the count. */
  enrich: (page: SelectQueryBuilder<T>) => SelectQueryBuilder<T> = (page) => page,
): Promise<Page<T>> {
  const { alias, timeColumn } = spec;
  const idCast = spec.idType === 'int' ? 'bigint' : 'uuid';
  const countQb = qb.clone().select('COUNT(*)').orderBy();

  const page = enrich(qb.clone()).limit(query.limit + 1);
  if (timeColumn) {
    page
      .addSelect(`${alias}.${timeColumn}::text`, ORDER_VALUE)
      .orderBy(`${alias}.${timeColumn}`, 'DESC')
      .addOrderBy(`${alias}.id`, 'DESC');
  } else {
    page.orderBy(`${alias}.id`, 'DESC');
  }
  if (query.cursor) {
    const key = decodeCursor(query.cursor, Boolean(timeColumn), spec.idType);
    page.andWhere(
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
    page.offset(query.offset);
  }
  if (query.includeTotal) {
    page.addSelect(`(${countQb.getQuery()})`, TOTAL).setParameters(countQb.getParameters());
  }

  const { entities, raw } = await page.getRawAndEntities();
  const rawById = new Map<string, Record<string, unknown>>();
  for (const r of raw as Record<string, unknown>[]) rawById.set(String(r[`${alias}_id`]), r);
  const idOf = (entity: T) => String((entity as unknown as { id: string | number }).id);
  return pageFrom(entities, query, {
    item: (entity) => entity,
    key: (entity) => ({
      t: timeColumn ? String(rawById.get(idOf(entity))?.[ORDER_VALUE]) : undefined,
      id: idOf(entity),
    }),
    total: (entity) => Number(rawById.get(idOf(entity))?.[TOTAL]),
    count: async () => Number((await countQb.getRawOne<{ count: string }>())?.count ?? 0),
  });
}
