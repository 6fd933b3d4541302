-- IdempotencyKeys1795597942650: the SQL its up() sends, recorded by `npm run generate` (do not edit).
-- Runs in one transaction, retried when its lock timeout runs out (src/database/migrate.ts).
-- squawk-ignore-file prefer-bigint-over-int
--   why: response_status holds an HTTP status code (100-599), not a key

SET statement_timeout = 0;
BEGIN;
SET LOCAL lock_timeout = 2000;
CREATE TABLE "idempotency_keys" (
                "user_id" uuid NOT NULL,
                "key" text NOT NULL,
                "request_hash" text NOT NULL,
                "response_status" integer,
                "response_body" jsonb,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "idempotency_keys_pkey" PRIMARY KEY ("user_id", "key")
            );
CREATE INDEX "idempotency_keys_expires_at_idx" ON "idempotency_keys" ("expires_at");
COMMIT;
