-- AccessPolicyIndexes1795612705507: the SQL its up() sends, recorded by `npm run generate` (do not edit).
-- Runs outside a transaction (transaction = false), without a lock timeout.
-- squawk-ignore-file require-lock-timeout
--   why: CREATE INDEX CONCURRENTLY takes no lock that blocks writers; a lock timeout could only leave an INVALID index behind (src/database/migrate.ts)

SET statement_timeout = 0;
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "strategy_versions_one_active" ON "strategy_versions" ("strategy_id") WHERE status = 'active';
