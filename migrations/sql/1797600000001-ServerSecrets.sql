-- ServerSecrets1797600000001: the SQL its up() sends, recorded by `npm run generate` (do not edit).
-- Runs in one transaction, retried when its lock timeout runs out (src/database/migrate.ts).

SET statement_timeout = 0;
BEGIN;
SET LOCAL lock_timeout = 2000;
CREATE TABLE "server_secrets" (
                "name" text NOT NULL,
                "value" text NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "server_secrets_pkey" PRIMARY KEY ("name")
            );
COMMIT;
