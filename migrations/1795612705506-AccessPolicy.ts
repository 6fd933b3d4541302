import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The access policy's schema: service API keys, shared login throttling (UNLOGGED: counters
 * are worth nothing after a crash), the audit log's key columns, an owner for conversations
 * (existing ones go to the first admin), at most one active version per strategy (extra ones
 * archived first; the index itself is built CONCURRENTLY by AccessPolicyIndexes), and the
 * agent-status row created once here instead of on a read.
 */

export class AccessPolicy1795612705506 implements MigrationInterface {
  name = 'AccessPolicy1795612705506';
  /** squawk findings of this migration (migrations/sql), excused with the reason: it has shipped. */
  static squawkIgnore = {
    'prefer-bigint-over-int':
      'login_attempts.failures counts failed logins within a lockout window, capped far below the integer range',
    'adding-not-nullable-field':
      'conversations.user_id is set for every row by the statement before it, in the same transaction; conversations was a small table when this shipped',
    'require-concurrent-index-creation':
      'the two indexes cover columns this same migration adds (audit_logs.api_key_id, conversations.user_id), in its transaction; CONCURRENTLY cannot run there',
    'constraint-missing-not-valid':
      'conversations.user_id was filled by this migration; the check scan ran once, when the table was small',
    'adding-foreign-key-constraint': 'same foreign key: added with the column it constrains',
  };

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "api_keys" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "name" text NOT NULL,
                "key_hash" text NOT NULL,
                "prefix" text NOT NULL,
                "scopes" text array NOT NULL DEFAULT '{}',
                "created_by" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "last_used_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "api_keys_key_hash_unique" UNIQUE ("key_hash"),
                CONSTRAINT "api_keys_name_unique" UNIQUE ("name"),
                CONSTRAINT "api_keys_pkey" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "api_keys_created_by_idx" ON "api_keys" ("created_by")
        `);
    await queryRunner.query(`
            CREATE UNLOGGED TABLE "login_attempts" (
                "key" text NOT NULL,
                "failures" integer NOT NULL DEFAULT '0',
                "window_started_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "locked_until" TIMESTAMP WITH TIME ZONE,
                "last_audited_at" TIMESTAMP WITH TIME ZONE,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "login_attempts_pkey" PRIMARY KEY ("key")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "login_attempts_updated_at_idx" ON "login_attempts" ("updated_at")
        `);
    await queryRunner.query(`
            ALTER TABLE "audit_logs"
            ADD "api_key_id" uuid
        `);
    await queryRunner.query(`
            ALTER TABLE "audit_logs"
            ADD "api_key_name" text
        `);
    await queryRunner.query(`
            ALTER TABLE "conversations"
            ADD "user_id" uuid
        `);
    // Conversations had no owner: they go to the first admin (by username). A database with
    // conversations and no admin stops here with a message saying how to go on.
    await queryRunner.query(`
            DO $$
            DECLARE first_admin uuid;
            BEGIN
              IF EXISTS (SELECT 1 FROM conversations) THEN
                SELECT id INTO first_admin FROM users WHERE is_admin ORDER BY username LIMIT 1;
                IF first_admin IS NULL THEN
                  RAISE EXCEPTION 'conversations need an owner: create an admin first (npm run user:create -- --admin NAME), then run the migrations again';
                END IF;
                UPDATE conversations SET user_id = first_admin;
              END IF;
            END $$
        `);
    await queryRunner.query(`
            ALTER TABLE "conversations"
            ALTER COLUMN "user_id" SET NOT NULL
        `);
    // Keep the most recently activated version of each strategy active; archive the rest.
    await queryRunner.query(`
            UPDATE strategy_versions v SET status = 'archived'
            WHERE v.status = 'active' AND v.id <> (
              SELECT a.id FROM strategy_versions a
              WHERE a.strategy_id = v.strategy_id AND a.status = 'active'
              ORDER BY a.activated_at DESC NULLS LAST, a.created_at DESC, a.id DESC LIMIT 1)
        `);
    await queryRunner.query(`INSERT INTO agent_status DEFAULT VALUES ON CONFLICT DO NOTHING`);
    await queryRunner.query(`
            CREATE INDEX "audit_logs_api_key_id_idx" ON "audit_logs" ("api_key_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "conversations_user_id_idx" ON "conversations" ("user_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "api_keys"
            ADD CONSTRAINT "api_keys_created_by_fkey" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE CASCADE
        `);
    await queryRunner.query(`
            ALTER TABLE "conversations"
            ADD CONSTRAINT "conversations_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "conversations" DROP CONSTRAINT "conversations_user_id_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "api_keys" DROP CONSTRAINT "api_keys_created_by_fkey"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."conversations_user_id_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."audit_logs_api_key_id_idx"
        `);
    await queryRunner.query(`
            ALTER TABLE "conversations" DROP COLUMN "user_id"
        `);
    await queryRunner.query(`
            ALTER TABLE "audit_logs" DROP COLUMN "api_key_name"
        `);
    await queryRunner.query(`
            ALTER TABLE "audit_logs" DROP COLUMN "api_key_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."login_attempts_updated_at_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "login_attempts"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."api_keys_created_by_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "api_keys"
        `);
  }
}
