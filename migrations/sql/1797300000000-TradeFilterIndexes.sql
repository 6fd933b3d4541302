-- TradeFilterIndexes1797300000000: the SQL its up() sends, recorded by `npm run generate` (do not edit).
-- Runs outside a transaction (transaction = false), without a lock timeout.
-- squawk-ignore-file require-lock-timeout
--   why: CREATE INDEX CONCURRENTLY takes no lock that blocks writers; a lock timeout could only leave an INVALID index behind (src/database/migrate.ts)

SET statement_timeout = 0;
CREATE INDEX CONCURRENTLY IF NOT EXISTS "idx_trades_user_symbol_executed" ON "trades" ("user_id", "symbol", "executed_at", "id");
CREATE INDEX CONCURRENTLY IF NOT EXISTS "idx_trades_user_strategy_executed" ON "trades" ("user_id", "strategy_id", "executed_at", "id");
CREATE INDEX CONCURRENTLY IF NOT EXISTS "idx_ai_decisions_user_symbol_created" ON "ai_decisions" ("user_id", "symbol", "created_at", "id");
