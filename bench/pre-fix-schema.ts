import type { Client } from 'pg';
import { withTemplateCopy } from './template-copy';

/**
 * The indexes the fix plan and the list work added: the 16 hot-path indexes, the per-user list
 * orders, the trade's-latest-decision index and the per-user filter indexes.
 */
export const PLAN_INDEXES = [
  'idx_trades_strategy_id',
  'idx_trades_order_id',
  'idx_trades_symbol',
  'idx_trades_executed_at',
  'idx_trades_status',
  'idx_trades_strategy_executed',
  'idx_positions_symbol',
  'idx_positions_strategy_id',
  'idx_positions_opened_at',
  'idx_ai_decisions_strategy_id',
  'idx_ai_decisions_symbol',
  'idx_ai_decisions_status',
  'idx_ai_decisions_created_at',
  'idx_ai_decisions_status_created',
  'idx_strategies_is_active',
  'idx_strategies_type',
  'idx_trades_user_executed',
  'idx_ai_decisions_user_created',
  'idx_ai_decisions_executed_trade',
  'idx_trades_user_symbol_executed',
  'idx_trades_user_strategy_executed',
  'idx_ai_decisions_user_symbol_created',
];

/**
 * The same data in the schema as it was before the fix plan: a copy of the seeded database
 * without the plan's indexes and without any index on ai_decisions.executed_trade_id, which is
 * what made the old N+1 list scan the decisions table once per trade. Returns the indexes left on trades and ai_decisions, as measured.
 */
export async function createPreFixCopy(
  admin: Client,
  source: string,
  target: string,
  targetUrl: string,
): Promise<string[]> {
  return withTemplateCopy(admin, source, target, targetUrl, async (c) => {
    for (const name of PLAN_INDEXES) await c.query(`DROP INDEX IF EXISTS "${name}"`);
    const decisionIndexes = (await c.query(
      `SELECT i.relname AS name FROM pg_index x
       JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
       JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = x.indkey[0]
       WHERE t.relname = 'ai_decisions' AND a.attname = 'executed_trade_id'`,
    )) as { rows: Array<{ name: string }> };
    for (const { name } of decisionIndexes.rows) await c.query(`DROP INDEX "${name}"`);
    const left = (await c.query(
      `SELECT indexname FROM pg_indexes WHERE tablename IN ('trades', 'ai_decisions') ORDER BY 1`,
    )) as { rows: Array<{ indexname: string }> };
    return left.rows.map((r) => r.indexname);
  });
}
