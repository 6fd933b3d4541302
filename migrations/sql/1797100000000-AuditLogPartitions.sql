-- AuditLogPartitions1797100000000: the SQL its up() sends, recorded by `npm run generate` (do not edit).
-- Runs in one transaction, retried when its lock timeout runs out (src/database/migrate.ts).
-- squawk-ignore-file ban-drop-table
--   why: the one-time conversion of audit_logs to a partitioned table: the old table is dropped after its rows were copied, in the same transaction (README, Data lifecycle)
-- squawk-ignore-file renaming-table
--   why: same conversion: the partitioned copy takes the old name, so no client sees a change
-- squawk-ignore-file constraint-missing-not-valid
--   why: same conversion: the constraints are added to the new table in the transaction that filled it
-- squawk-ignore-file adding-serial-primary-key-field
--   why: same conversion: the primary key of the new partitioned table, built before any other session can see it
-- squawk-ignore-file require-concurrent-index-creation
--   why: same conversion: indexes of a table created in this transaction (CONCURRENTLY is impossible there and nothing else can use the table yet)
-- squawk-ignore-file adding-foreign-key-constraint
--   why: same conversion: the foreign key of the new table

SET statement_timeout = 0;
BEGIN;
SET LOCAL lock_timeout = 2000;
LOCK TABLE "audit_logs" IN ACCESS EXCLUSIVE MODE;
SELECT c.relname AS name, pg_get_indexdef(i.indexrelid) AS def
    FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
    WHERE i.indrelid = 'audit_logs'::regclass AND NOT i.indisprimary
    ORDER BY c.relname;
SELECT conname AS name, pg_get_constraintdef(oid) AS def FROM pg_constraint
    WHERE conrelid = 'audit_logs'::regclass AND contype = 'f' AND conparentid = 0
    ORDER BY conname;
CREATE SCHEMA IF NOT EXISTS "partitions";
CREATE TABLE "audit_logs_partitioned"
        (LIKE "audit_logs" INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING COMMENTS INCLUDING STORAGE)
        PARTITION BY RANGE ("timestamp");
CREATE TABLE "partitions"."audit_logs_default" PARTITION OF "audit_logs_partitioned" DEFAULT;
SELECT to_char(min("timestamp") AT TIME ZONE 'UTC', 'YYYY-MM') AS first FROM "audit_logs";
CREATE TABLE "partitions"."audit_logs_y2026m12" PARTITION OF "audit_logs_partitioned"
         FOR VALUES FROM ('2026-12-01T00:00:00.000Z') TO ('2027-01-01T00:00:00.000Z');
CREATE TABLE "partitions"."audit_logs_y2027m01" PARTITION OF "audit_logs_partitioned"
         FOR VALUES FROM ('2027-01-01T00:00:00.000Z') TO ('2027-02-01T00:00:00.000Z');
CREATE TABLE "partitions"."audit_logs_y2027m02" PARTITION OF "audit_logs_partitioned"
         FOR VALUES FROM ('2027-02-01T00:00:00.000Z') TO ('2027-03-01T00:00:00.000Z');
INSERT INTO "audit_logs_partitioned" SELECT * FROM "audit_logs";
DROP TABLE "audit_logs";
ALTER TABLE "audit_logs_partitioned" RENAME TO "audit_logs";
ALTER TABLE "audit_logs" ADD CONSTRAINT "audit_logs_pkey" PRIMARY KEY ("id", "timestamp");
CREATE INDEX audit_logs_action_idx ON public.audit_logs USING btree (action);
CREATE INDEX audit_logs_api_key_id_idx ON public.audit_logs USING btree (api_key_id);
CREATE INDEX audit_logs_resource_idx ON public.audit_logs USING btree (resource);
CREATE INDEX audit_logs_timestamp_idx ON public.audit_logs USING btree ("timestamp");
CREATE INDEX audit_logs_user_id_idx ON public.audit_logs USING btree (user_id);
ALTER TABLE "audit_logs" ADD CONSTRAINT "audit_logs_user_id_fkey" FOREIGN KEY (user_id) REFERENCES users(id) ON UPDATE CASCADE ON DELETE SET NULL;
COMMIT;
