-- HotPathIndexes1795595446614: the SQL its up() sends, recorded by `npm run generate` (do not edit).
-- Runs outside a transaction (transaction = false), without a lock timeout.
-- squawk-ignore-file require-lock-timeout
--   why: CREATE INDEX CONCURRENTLY takes no lock that blocks writers; a lock timeout could only leave an INVALID index behind (src/database/migrate.ts)

SET statement_timeout = 0;
CREATE INDEX CONCURRENTLY IF NOT EXISTS "idx_trades_strategy_id" ON "trades" ("strategy_id");
CREATE INDEX CONCURRENTLY IF NOT EXISTS "idx_trades_order_id" ON "trades" ("order_id");
CREATE INDEX CONCURRENTLY IF NOT EXISTS "idx_trades_symbol" ON "trades" ("symbol");
CREATE INDEX CONCURRENTLY IF NOT EXISTS "idx_trades_executed_at" ON "trades" ("executed_at");
CREATE INDEX CONCURRENTLY IF NOT EXISTS "idx_trades_status" ON "trades" ("status");
CREATE INDEX CONCURRENTLY IF NOT EXISTS "idx_trades_strategy_executed" ON "trades" ("strategy_id", "executed_at");
CREATE INDEX CONCURRENTLY IF NOT EXISTS "idx_positions_symbol" ON "positions" ("symbol");
CREATE INDEX CONCURRENTLY IF NOT EXISTS "idx_positions_strategy_id" ON "positions" ("strategy_id");
CREATE INDEX CONCURRENTLY IF NOT EXISTS "idx_positions_opened_at" ON "positions" ("opened_at");
CREATE INDEX CONCURRENTLY IF NOT EXISTS "idx_ai_decisions_strategy_id" ON "ai_decisions" ("strategy_id");
CREATE INDEX CONCURRENTLY IF NOT EXISTS "idx_ai_decisions_symbol" ON "ai_decisions" ("symbol");
CREATE INDEX CONCURRENTLY IF NOT EXISTS "idx_ai_decisions_status" ON "ai_decisions" ("status");
CREATE INDEX CONCURRENTLY IF NOT EXISTS "idx_ai_decisions_created_at" ON "ai_decisions" ("created_at");
CREATE INDEX CONCURRENTLY IF NOT EXISTS "idx_ai_decisions_status_created" ON "ai_decisions" ("status", "created_at");
CREATE INDEX CONCURRENTLY IF NOT EXISTS "idx_strategies_is_active" ON "strategies" ("is_active");
CREATE INDEX CONCURRENTLY IF NOT EXISTS "idx_strategies_type" ON "strategies" ("type");
