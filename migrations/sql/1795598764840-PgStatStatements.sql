-- PgStatStatements1795598764840: the SQL its up() sends, recorded by `npm run generate` (do not edit).
-- Runs in one transaction, retried when its lock timeout runs out (src/database/migrate.ts).

SET statement_timeout = 0;
BEGIN;
SET LOCAL lock_timeout = 2000;
DO $$
      BEGIN
        CREATE EXTENSION IF NOT EXISTS pg_stat_statements;
      EXCEPTION WHEN OTHERS THEN
        RAISE NOTICE 'pg_stat_statements not installed: %', SQLERRM;
      END
      $$;
COMMIT;
