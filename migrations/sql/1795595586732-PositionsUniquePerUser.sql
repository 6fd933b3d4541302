-- PositionsUniquePerUser1795595586732: the SQL its up() sends, recorded by `npm run generate` (do not edit).
-- Runs in one transaction, retried when its lock timeout runs out (src/database/migrate.ts).
-- squawk-ignore-file constraint-missing-not-valid
--   why: shipped in the release that created positions, on a table of one row per (user, symbol); a UNIQUE constraint has no NOT VALID form
-- squawk-ignore-file disallowed-unique-constraint
--   why: same: the table was new and tiny when this ran; new unique keys are built CONCURRENTLY first (docs/OPERATIONS.md)

SET statement_timeout = 0;
BEGIN;
SET LOCAL lock_timeout = 2000;
ALTER TABLE "positions"
            ADD CONSTRAINT "positions_user_id_symbol_unique" UNIQUE ("user_id", "symbol");
COMMIT;
