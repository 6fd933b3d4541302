import { MigrationInterface, QueryRunner } from 'typeorm';

/** At most one active version per strategy, built without blocking writers. */
export class AccessPolicyIndexes1795612705507 implements MigrationInterface {
  name = 'AccessPolicyIndexes1795612705507';
  transaction = false as const;

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "strategy_versions_one_active" ON "strategy_versions" ("strategy_id") WHERE status = 'active'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // Reverts run inside a transaction, where CONCURRENTLY is not allowed.
    await queryRunner.query(`DROP INDEX IF EXISTS "strategy_versions_one_active"`);
  }
}
