-- UsernameCaseInsensitive1795596217754: the SQL its up() sends, recorded by `npm run generate` (do not edit).
-- Runs in one transaction, retried when its lock timeout runs out (src/database/migrate.ts).
-- squawk-ignore-file require-concurrent-index-creation
--   why: users holds one row per person (thousands at most): the index builds in milliseconds, and CONCURRENTLY cannot run inside the transaction of this migration, which also rewrites the names it indexes

SET statement_timeout = 0;
BEGIN;
SET LOCAL lock_timeout = 2000;
CREATE UNIQUE INDEX "users_username_lower_unique" ON "users" (lower("username"));
COMMIT;
