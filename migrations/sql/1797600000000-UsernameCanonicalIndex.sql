-- UsernameCanonicalIndex1797600000000: the SQL its up() sends, recorded by `npm run generate` (do not edit).
-- Runs outside a transaction (transaction = false), without a lock timeout.
-- squawk-ignore-file require-lock-timeout
--   why: CREATE INDEX CONCURRENTLY takes no lock that blocks writers; a lock timeout could only leave an INVALID index behind (src/database/migrate.ts)

SET statement_timeout = 0;
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "users_username_canonical_unique" ON "users" (lower("username" COLLATE "C"));
DROP INDEX CONCURRENTLY IF EXISTS "public"."users_username_lower_unique";
