import { keysetSql, ORDER_VALUE, PAGE_ROW, TOTAL } from '../common/pagination/keyset';
import { jsonObjectSql } from '../common/sql/json-object';
import { ScopeSql, SqlParams, Statement } from '../common/sql/params';
import { timeRangeSql } from '../common/validation/date-range';
import type { JsonPageStatement } from '../database/read-query';
import { ListAiDecisionsQuery } from './dto/list-ai-decisions.query';

/** The AiDecision of `d` as the API returns it, built by PostgreSQL (see json-object.ts). */
const ITEM = jsonObjectSql([
  ['id', 'd.id'],
  ['userId', 'd.user_id'],
  ['strategyId', 'd.strategy_id'],
  ['symbol', 'd.symbol'],
  ['action', 'd.action'],
  ['confidence', 'd.confidence', 'decimal'],
  ['reasoning', 'd.reasoning'],
  ['marketContext', 'd.market_context'],
  ['createdAt', 'd.created_at', 'time'],
  ['executedTradeId', 'd.executed_trade_id'],
  ['status', 'd.status'],
  ['stopLoss', 'd.stop_loss', 'decimal'],
  ['takeProfit', 'd.take_profit', 'decimal'],
  ['entryPrice', 'd.entry_price', 'decimal'],
  ['filledPrice', 'd.filled_price', 'decimal'],
  ['filledAt', 'd.filled_at', 'time'],
  ['skipReason', 'd.skip_reason'],
  ['traceId', 'd.trace_id'],
  ['metadata', 'd.metadata'],
]);

const COLUMNS = `d.id, d.created_at::text AS ${ORDER_VALUE}, ${ITEM}::text AS item`;

/** The decisions the caller may see (`scope`, the first condition) that match the list's filters. */
function filtersOf(scope: ScopeSql, query: ListAiDecisionsQuery, params: SqlParams): string[] {
  const where = [scope('d', params)];
  where.push(...timeRangeSql('d.created_at', query.startDate, query.endDate, params));
  if (query.status) where.push(`d.status = ${params.add(query.status)}`);
  if (query.symbol) where.push(`d.symbol = ${params.add(query.symbol)}`);
  if (query.strategyId) where.push(`d.strategy_id = ${params.add(query.strategyId)}`);
  return where;
}

/** One page in one statement, off the (user_id, created_at, id) index; the count only when asked. */
export function decisionPageStatement(
  scope: ScopeSql,
  query: ListAiDecisionsQuery,
): JsonPageStatement {
  const params = new SqlParams();
  const filters = filtersOf(scope, query, params).join(' AND ');
  const page = keysetSql({ alias: 'd', timeColumn: 'created_at' }, query, params);
  const total = query.includeTotal
    ? `, (SELECT count(*) FROM ai_decisions d WHERE ${filters}) AS ${TOTAL}`
    : '';
  // Rows are numbered after the window is cut (an inner query), so an offset page counts 1, 2, ...
  // too: numbered at the level of its LIMIT/OFFSET, they would count from the first skipped row.
  return {
    sql: `SELECT d.id, d.${ORDER_VALUE}, d.item,
        row_number() OVER (ORDER BY ${page.orderBy}) AS ${PAGE_ROW}${total}
      FROM (SELECT ${COLUMNS}, d.created_at FROM ai_decisions d
            WHERE ${filters}${page.condition ? ` AND ${page.condition}` : ''}
            ORDER BY ${page.orderBy} ${page.limit}) d`,
    params: params.values,
    withTotal: query.includeTotal === true,
  };
}

export function decisionCountStatement(scope: ScopeSql, query: ListAiDecisionsQuery): Statement {
  const params = new SqlParams();
  const filters = filtersOf(scope, query, params).join(' AND ');
  return { sql: `SELECT count(*) FROM ai_decisions d WHERE ${filters}`, params: params.values };
}

export function decisionStatement(scope: ScopeSql, id: string): Statement {
  const params = new SqlParams();
  const where = `${scope('d', params)} AND d.id = ${params.add(id)}`;
  return { sql: `SELECT ${COLUMNS} FROM ai_decisions d WHERE ${where}`, params: params.values };
}
