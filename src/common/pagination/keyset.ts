import { Brackets, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { ValidationError } from '../errors/domain-errors';
import { ListQueryDto } from './list-query.dto';
import { Page } from './page';

/**
 * Newest-first keyset paging over (timestamp column, id). The cursor carries the timestamp as
 * PostgreSQL's own text form, so microseconds survive the round trip (a JS Date would truncate
 * them and skip or repeat rows).
 */
export interface KeysetSpec {
  /** Query alias of the paged table. */
  alias: string;
  /** Column (database name) of the timestamp that orders the list. */
  timeColumn: string;
}

interface CursorKey {
  t: string;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CURSOR_ALIAS = 'keyset_t';

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify([key.t, key.id])).toString('base64url');
}

export function decodeCursor(cursor: string): CursorKey {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      typeof parsed[0] === 'string' &&
      !Number.isNaN(Date.parse(parsed[0])) &&
      typeof parsed[1] === 'string' &&
      UUID.test(parsed[1])
    ) {
      return { t: parsed[0], id: parsed[1] };
    }
  } catch {
    // fall through to the validation error
  }
  throw ValidationError.forField('cursor', 'cursor is not a cursor this API issued');
}

/**
 * Runs a list query with the contract's paging: one COUNT statement and one page statement.
 * The caller's builder holds the filters (and any joins that give one row per item).
 */
export async function paginate<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  spec: KeysetSpec,
  query: ListQueryDto,
): Promise<Page<T>> {
  const { alias, timeColumn } = spec;
  const total = await qb.clone().getCount();

  const page = qb
    .clone()
    .addSelect(`${alias}.${timeColumn}::text`, CURSOR_ALIAS)
    .orderBy(`${alias}.${timeColumn}`, 'DESC')
    .addOrderBy(`${alias}.id`, 'DESC')
    .limit(query.limit + 1);

  if (query.cursor) {
    const key = decodeCursor(query.cursor);
    page.andWhere(
      new Brackets((w) =>
        w.where(
          `(${alias}.${timeColumn}, ${alias}.id) < (CAST(:keysetT AS timestamptz), CAST(:keysetId AS uuid))`,
          {
            keysetT: key.t,
            keysetId: key.id,
          },
        ),
      ),
    );
  } else if (query.offset) {
    page.offset(query.offset);
  }

  const { entities, raw } = await page.getRawAndEntities();
  const hasMore = entities.length > query.limit;
  const items = hasMore ? entities.slice(0, query.limit) : entities;
  const last = items[items.length - 1] as (T & { id: string }) | undefined;
  const lastRaw = last
    ? (raw as Record<string, unknown>[]).find((r) => r[`${alias}_id`] === last.id)
    : undefined;
  const nextCursor =
    hasMore && last && lastRaw
      ? encodeCursor({ t: String(lastRaw[CURSOR_ALIAS]), id: last.id })
      : null;

  return { items, total, limit: query.limit, offset: query.cursor ? 0 : query.offset, nextCursor };
}
