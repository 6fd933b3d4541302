-- CacheEntriesStaleIndex1797100000001: the SQL its up() sends, recorded by `npm run generate` (do not edit).
-- Runs outside a transaction (transaction = false), without a lock timeout.
-- squawk-ignore-file require-lock-timeout
--   why: CREATE INDEX CONCURRENTLY takes no lock that blocks writers; a lock timeout could only leave an INVALID index behind (src/database/migrate.ts)

SET statement_timeout = 0;
CREATE INDEX CONCURRENTLY IF NOT EXISTS "external_api_cache_entries_stale_until_at_idx" ON "external_api_cache_entries" ("stale_until_at");
