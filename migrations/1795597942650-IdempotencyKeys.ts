import { MigrationInterface, QueryRunner } from 'typeorm';

export class IdempotencyKeys1795597942650 implements MigrationInterface {
  name = 'IdempotencyKeys1795597942650';
  /** squawk findings of this migration (migrations/sql), excused with the reason: it has shipped. */
  static squawkIgnore = {
    'prefer-bigint-over-int': 'response_status holds an HTTP status code (100-599), not a key',
  };

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "idempotency_keys" (
                "user_id" uuid NOT NULL,
                "key" text NOT NULL,
                "request_hash" text NOT NULL,
                "response_status" integer,
                "response_body" jsonb,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "idempotency_keys_pkey" PRIMARY KEY ("user_id", "key")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idempotency_keys_expires_at_idx" ON "idempotency_keys" ("expires_at")
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."idempotency_keys_expires_at_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "idempotency_keys"
        `);
  }
}
