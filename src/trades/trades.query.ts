import { keysetSql, ORDER_VALUE, PAGE_ROW, TOTAL } from '../common/pagination/keyset';
import { jsonObjectSql } from '../common/sql/json-object';
import { ScopeSql, SqlParams, Statement } from '../common/sql/params';
import { timeRangeSql } from '../common/validation/date-range';
import type { JsonPageStatement } from '../database/read-query';
import type { CreateTradeDto } from './dto/create-trade.dto';
import { ListTradesQuery } from './dto/list-trades.query';

const TRADE_COLUMNS =
  't.id, t.user_id, t.strategy_id, t.order_id, t.symbol, t.side, t.quantity, t.price, ' +
  't.executed_at, t.pnl, t.status, t.notes, t.trace_id';

/**
 * Strategy name and the latest AI decision of each trade in `trades t`. The LATERAL subquery is
 * one bounded walk of ai_decisions (executed_trade_id, created_at, id) per trade of the page, so
 * a trade appears exactly once however many decisions point at it.
 */
const ENRICH = `
  LEFT JOIN strategies s ON s.id = t.strategy_id
  LEFT JOIN LATERAL (
    SELECT d.id, d.symbol, d.action, d.confidence, d.reasoning, d.status, d.created_at
    FROM ai_decisions d WHERE d.executed_trade_id = t.id
    ORDER BY d.created_at DESC, d.id DESC LIMIT 1) d ON true`;

/** The EnrichedTradeDto of `t`, `s` and `d` (see ENRICH), built by PostgreSQL. */
const ENRICHED_ITEM = jsonObjectSql([
  ['id', 't.id'],
  ['userId', 't.user_id'],
  ['strategyId', 't.strategy_id'],
  ['orderId', 't.order_id'],
  ['symbol', 't.symbol'],
  ['side', 't.side'],
  ['quantity', 't.quantity', 'decimal'],
  ['price', 't.price', 'decimal'],
  ['executedAt', 't.executed_at', 'time'],
  ['pnl', 't.pnl', 'decimal'],
  ['status', 't.status'],
  ['notes', 't.notes'],
  ['traceId', 't.trace_id'],
  ['strategyName', 's.name'],
  [
    'aiDecision',
    `CASE WHEN d.id IS NULL THEN NULL ELSE ${jsonObjectSql(
      [
        ['id', 'd.id'],
        ['symbol', 'd.symbol'],
        ['action', 'd.action'],
        ['confidence', 'd.confidence', 'decimal'],
        ['reasoning', 'd.reasoning'],
        ['status', 'd.status'],
        ['createdAt', 'd.created_at', 'time'],
      ],
      'decision',
    )} END`,
  ],
]);

const ENRICHED_SELECT = `t.id, t.executed_at::text AS ${ORDER_VALUE}, ${ENRICHED_ITEM}::text AS item`;

/** The trades the caller may see (`scope`, the first condition) that match the list's filters. */
function filtersOf(scope: ScopeSql, query: ListTradesQuery, params: SqlParams): string[] {
  const where = [scope('t', params)];
  where.push(...timeRangeSql('t.executed_at', query.startDate, query.endDate, params));
  if (query.symbol) where.push(`t.symbol = ${params.add(query.symbol)}`);
  if (query.strategyId) where.push(`t.strategy_id = ${params.add(query.strategyId)}`);
  if (query.pnlDirection === 'profit') where.push('t.pnl >= 0');
  if (query.pnlDirection === 'loss') where.push('t.pnl < 0');
  return where;
}

/**
 * One page in one statement: the window (filters, keyset or offset, limit + 1) reads the page's
 * trades straight off the (user_id, [filter column,] executed_at, id) index, and only those
 * rows are enriched, so neither a deep offset nor a long history reaches the joins. The count
 * runs only when asked for.
 */
export function tradePageStatement(scope: ScopeSql, query: ListTradesQuery): JsonPageStatement {
  const params = new SqlParams();
  const filters = filtersOf(scope, query, params).join(' AND ');
  const page = keysetSql({ alias: 't', timeColumn: 'executed_at' }, query, params);
  const total = query.includeTotal
    ? `, (SELECT count(*) FROM trades t WHERE ${filters}) AS ${TOTAL}`
    : '';
  const sql = `SELECT ${ENRICHED_SELECT}, row_number() OVER (ORDER BY ${page.orderBy}) AS ${PAGE_ROW}${total}
    FROM (SELECT ${TRADE_COLUMNS} FROM trades t
          WHERE ${filters}${page.condition ? ` AND ${page.condition}` : ''}
          ORDER BY ${page.orderBy} ${page.limit}) t ${ENRICH}`;
  return { sql, params: params.values, withTotal: query.includeTotal === true };
}

/** The count of every trade the list's filters match (for an empty page past the end). */
export function tradeCountStatement(scope: ScopeSql, query: ListTradesQuery): Statement {
  const params = new SqlParams();
  const filters = filtersOf(scope, query, params).join(' AND ');
  return { sql: `SELECT count(*) FROM trades t WHERE ${filters}`, params: params.values };
}

/** One of the caller's trades, enriched. */
export function tradeStatement(scope: ScopeSql, id: string): Statement {
  const params = new SqlParams();
  const where = `${scope('t', params)} AND t.id = ${params.add(id)}`;
  return {
    sql: `SELECT ${ENRICHED_SELECT} FROM trades t ${ENRICH} WHERE ${where}`,
    params: params.values,
  };
}

/** The columns a new trade takes from its request, in CreateTradeDto's names. */
const INSERTED: ReadonlyArray<readonly [keyof CreateTradeDto, string]> = [
  ['strategyId', 'strategy_id'],
  ['orderId', 'order_id'],
  ['symbol', 'symbol'],
  ['side', 'side'],
  ['quantity', 'quantity'],
  ['price', 'price'],
  ['executedAt', 'executed_at'],
  ['pnl', 'pnl'],
  ['status', 'status'],
  ['notes', 'notes'],
  ['traceId', 'trace_id'],
];

/**
 * Inserts a trade and answers it enriched, in one statement: the inserted row (RETURNING) goes
 * through the same joins as a read. A write then costs one round trip instead of an INSERT and
 * a SELECT of what was just written. Fields left out of the request take the column defaults.
 */
export function tradeInsertStatement(dto: CreateTradeDto, userId: string): Statement {
  const params = new SqlParams();
  const columns = ['user_id'];
  const values = [params.add(userId)];
  for (const [field, column] of INSERTED) {
    const value = dto[field];
    if (value === undefined) continue;
    columns.push(column);
    values.push(params.add(value));
  }
  return {
    sql: `WITH t AS (INSERT INTO trades (${columns.join(', ')}) VALUES (${values.join(', ')})
            RETURNING ${TRADE_COLUMNS.replace(/t\./g, '')})
          SELECT ${ENRICHED_SELECT} FROM t ${ENRICH}`,
    params: params.values,
  };
}
