import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes the list endpoints' plans need (checked with EXPLAIN at 200k trades in the tests):
 * each user's trades and decisions newest first, and a trade's latest decision for the trade
 * list's join. The composite on executed_trade_id replaces its single-column FK index (it leads
 * with the same column), built first so the key is never without an index. CONCURRENTLY, so
 * writers are not blocked; generated with the CLI, then rewritten for that.
 */
export class ListQueryIndexes1795597449788 implements MigrationInterface {
  name = 'ListQueryIndexes1795597449788';
  transaction = false as const;

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE INDEX CONCURRENTLY IF NOT EXISTS "idx_trades_user_executed" ON "trades" ("user_id", "executed_at", "id")',
    );
    await queryRunner.query(
      'CREATE INDEX CONCURRENTLY IF NOT EXISTS "idx_ai_decisions_user_created" ON "ai_decisions" ("user_id", "created_at", "id")',
    );
    await queryRunner.query(
      'CREATE INDEX CONCURRENTLY IF NOT EXISTS "idx_ai_decisions_executed_trade" ON "ai_decisions" ("executed_trade_id", "created_at", "id")',
    );
    await queryRunner.query(
      'DROP INDEX CONCURRENTLY IF EXISTS "public"."ai_decisions_executed_trade_id_idx"',
    );
  }

  // TypeORM reverts inside a transaction, so the down step cannot use CONCURRENTLY.
  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE INDEX IF NOT EXISTS "ai_decisions_executed_trade_id_idx" ON "ai_decisions" ("executed_trade_id")',
    );
    await queryRunner.query('DROP INDEX IF EXISTS "public"."idx_ai_decisions_executed_trade"');
    await queryRunner.query('DROP INDEX IF EXISTS "public"."idx_ai_decisions_user_created"');
    await queryRunner.query('DROP INDEX IF EXISTS "public"."idx_trades_user_executed"');
  }
}
