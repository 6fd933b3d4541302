import { ORDER_VALUE, PAGE_ROW, pageMeta, TOTAL } from '../common/pagination/keyset';
import type { ListQueryDto } from '../common/pagination/list-query.dto';
import { JsonText } from '../common/http/json-text';
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

/**
 * A page statement whose rows carry their response item as JSON text (see json-object.ts) and
 * the page's own columns: `id`, the order value, the row's place in the page (1 for the page's
 * first row, whatever the offset: number the rows outside the query that applies LIMIT/OFFSET)
 * and, when asked, the total.
 */
export interface JsonPageStatement extends Statement {
  /** Whether the statement selects the total (includeTotal). */
  withTotal: boolean;
}

/**
 * The page statement wrapped so that PostgreSQL hands back the whole page as one row: the items
 * joined in page order, how many rows the window held (limit + 1 says there is more), the cursor
 * key of the page's last item and the total. A hundred rows sent, split and turned into strings
 * by the driver one by one cost the app more than the page's statement itself costs PostgreSQL.
 */
export function jsonPageSql(page: JsonPageStatement, limit: number): Statement {
  const last = `$${page.params.length + 1}`;
  const total = page.withTotal ? `, min(p.${TOTAL}) AS total` : '';
  return {
    sql: `SELECT coalesce(string_agg(p.item, ',' ORDER BY p.${PAGE_ROW}) FILTER (WHERE p.${PAGE_ROW} <= ${last}), '') AS items,
      coalesce(max(p.${PAGE_ROW}), 0)::int AS row_count,
      min(p.${ORDER_VALUE}) FILTER (WHERE p.${PAGE_ROW} = ${last}) AS last_order_value,
      min(p.id::text) FILTER (WHERE p.${PAGE_ROW} = ${last}) AS last_id${total}
    FROM (${page.sql}) p`,
    params: [...page.params, limit],
  };
}

interface JsonPageRow {
  items: string;
  row_count: number;
  last_order_value: string | null;
  last_id: string | null;
  total?: string | null;
}

/**
 * One page read as one statement and one row (see jsonPageSql); the envelope is written around
 * the items without parsing them. `count` runs only for an empty page past the end when the
 * client asked for the total.
 */
export async function readJsonPage(
  tx: Tx,
  query: ListQueryDto,
  page: JsonPageStatement,
  count: () => Statement,
): Promise<JsonText> {
  const { sql, params } = jsonPageSql(page, query.limit);
  const [row] = await readQuery<JsonPageRow>(tx, sql, params);
  const meta = await pageMeta(
    {
      rows: row.row_count,
      lastKey:
        row.last_id === null
          ? undefined
          : { t: row.last_order_value ?? undefined, id: row.last_id },
      total: row.total === null || row.total === undefined ? undefined : Number(row.total),
    },
    query,
    async () => {
      const c = count();
      const [counted] = await readQuery<{ count: string }>(tx, c.sql, c.params);
      return Number(counted.count);
    },
  );
  return new JsonText(`{"items":[${row.items}],${JSON.stringify(meta).slice(1)}`);
}

/** The item a single-row statement builds in SQL (see json-object.ts), or undefined for no row. */
export async function readJsonItem(tx: Tx, statement: Statement): Promise<JsonText | undefined> {
  const [row] = await readQuery<{ item: string }>(tx, statement.sql, statement.params);
  return row ? new JsonText(row.item) : undefined;
}
