import { ORDER_VALUE, pageFrom, TOTAL } from '../common/pagination/keyset';
import type { ListQueryDto } from '../common/pagination/list-query.dto';
import { JsonText } from '../common/http/json-text';
import type { Page } from '../common/pagination/page';
import type { Statement } from '../common/sql/params';
import type { Tx } from './transaction';

/**
 * A hand-written read. Inside a transaction it runs there; outside one it asks for a "slave"
 * connection, as TypeORM's own query builders do, so with replicas configured it is routed like
 * every other plain read (the replica chosen for the request, or the primary). A raw
 * `manager.query` would always take the primary.
 */
export async function readQuery<T>(tx: Tx, sql: string, params: unknown[]): Promise<T[]> {
  if (tx.isTransactionActive()) return (await tx.tx.query(sql, params)) as T[];
  const runner = tx.tx.connection.createQueryRunner('slave');
  try {
    return (await runner.query(sql, params)) as T[];
  } finally {
    await runner.release();
  }
}

/** What a hand-written page statement returns per row: the id, the ordering value, the total. */
export interface PageRow {
  id: string;
  [ORDER_VALUE]: string;
  [TOTAL]?: string;
}

/**
 * A page read with hand-written statements: `page` carries the order value (and the total when
 * asked); `count` runs only for an empty page past the end. Both are reads, routed as such.
 */
export async function readPage<R extends PageRow, I>(
  tx: Tx,
  query: ListQueryDto,
  page: Statement,
  count: () => Statement,
  item: (row: R) => I,
): Promise<Page<I>> {
  const rows = await readQuery<R>(tx, page.sql, page.params);
  return pageFrom(rows, query, {
    item,
    key: (r) => ({ t: r[ORDER_VALUE], id: r.id }),
    total: (r) => Number(r[TOTAL]),
    count: async () => {
      const { sql, params } = count();
      const [row] = await readQuery<{ count: string }>(tx, sql, params);
      return Number(row.count);
    },
  });
}

/** What a page statement that builds its items in SQL returns per row (see json-object.ts). */
export interface JsonPageRow extends PageRow {
  item: string;
}

/**
 * `readPage` for statements whose rows carry their response item as JSON text: the envelope
 * is written around the items without parsing them.
 */
export async function readJsonPage(
  tx: Tx,
  query: ListQueryDto,
  page: Statement,
  count: () => Statement,
): Promise<JsonText> {
  const { items, ...meta } = await readPage<JsonPageRow, string>(
    tx,
    query,
    page,
    count,
    (r) => r.item,
  );
  return new JsonText(`{"items":[${items.join(',')}],${JSON.stringify(meta).slice(1)}`);
}

/** The item a single-row statement builds in SQL (see json-object.ts), or undefined for no row. */
export async function readJsonItem(tx: Tx, statement: Statement): Promise<JsonText | undefined> {
  const [row] = await readQuery<{ item: string }>(tx, statement.sql, statement.params);
  return row ? new JsonText(row.item) : undefined;
}
