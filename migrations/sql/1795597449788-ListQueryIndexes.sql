-- ListQueryIndexes1795597449788: the SQL its up() sends, recorded by `npm run generate` (do not edit).
-- Runs outside a transaction (transaction = false), without a lock timeout.
-- squawk-ignore-file require-lock-timeout
--   why: CREATE INDEX CONCURRENTLY takes no lock that blocks writers; a lock timeout could only leave an INVALID index behind (src/database/migrate.ts)

SET statement_timeout = 0;
CREATE INDEX CONCURRENTLY IF NOT EXISTS "idx_trades_user_executed" ON "trades" ("user_id", "executed_at", "id");
CREATE INDEX CONCURRENTLY IF NOT EXISTS "idx_ai_decisions_user_created" ON "ai_decisions" ("user_id", "created_at", "id");
CREATE INDEX CONCURRENTLY IF NOT EXISTS "idx_ai_decisions_executed_trade" ON "ai_decisions" ("executed_trade_id", "created_at", "id");
DROP INDEX CONCURRENTLY IF EXISTS "public"."ai_decisions_executed_trade_id_idx";
