import { keysetSql, ORDER_VALUE, TOTAL } from '../common/pagination/keyset';
import { ScopeSql, SqlParams, Statement } from '../common/sql/params';
import { timeRangeSql } from '../common/validation/date-range';
import { ListAiDecisionsQuery } from './dto/list-ai-decisions.query';
import type { AiDecision } from './entities/ai-decision.entity';

/** One ai_decisions row as node-postgres returns it (numerics as strings, timestamps as Dates). */
export interface AiDecisionRow {
  id: string;
  user_id: string;
  strategy_id: string | null;
  symbol: string;
  action: string;
  confidence: string | null;
  reasoning: string | null;
  market_context: string | null;
  created_at: Date;
  executed_trade_id: string | null;
  status: string;
  stop_loss: string | null;
  take_profit: string | null;
  entry_price: string | null;
  filled_price: string | null;
  filled_at: Date | null;
  skip_reason: string | null;
  trace_id: string | null;
  metadata: string | null;
  [ORDER_VALUE]: string;
  [TOTAL]?: string;
}

const COLUMNS =
  'd.id, d.user_id, d.strategy_id, d.symbol, d.action, d.confidence, d.reasoning, ' +
  'd.market_context, d.created_at, d.executed_trade_id, d.status, d.stop_loss, d.take_profit, ' +
  `d.entry_price, d.filled_price, d.filled_at, d.skip_reason, d.trace_id, d.metadata, d.created_at::text AS ${ORDER_VALUE}`;

/** The response shape, straight from the row: no entity hydration, no class-transformer. */
export function decisionFromRow(r: AiDecisionRow): AiDecision {
  return {
    id: r.id,
    userId: r.user_id,
    strategyId: r.strategy_id,
    symbol: r.symbol,
    action: r.action,
    confidence: r.confidence,
    reasoning: r.reasoning,
    marketContext: r.market_context,
    createdAt: r.created_at,
    executedTradeId: r.executed_trade_id,
    status: r.status,
    stopLoss: r.stop_loss,
    takeProfit: r.take_profit,
    entryPrice: r.entry_price,
    filledPrice: r.filled_price,
    filledAt: r.filled_at,
    skipReason: r.skip_reason,
    traceId: r.trace_id,
    metadata: r.metadata,
  };
}

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
export function decisionPageStatement(scope: ScopeSql, query: ListAiDecisionsQuery): Statement {
  const params = new SqlParams();
  const filters = filtersOf(scope, query, params).join(' AND ');
  const page = keysetSql({ alias: 'd', timeColumn: 'created_at' }, query, params);
  const total = query.includeTotal
    ? `, (SELECT count(*) FROM ai_decisions d WHERE ${filters}) AS ${TOTAL}`
    : '';
  return {
    sql: `SELECT ${COLUMNS}${total} FROM ai_decisions d
      WHERE ${filters}${page.condition ? ` AND ${page.condition}` : ''}
      ORDER BY ${page.orderBy} ${page.limit}`,
    params: params.values,
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
