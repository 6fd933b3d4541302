import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Lets the maintenance purge find expired cache entries without a sequential scan. Built
 * CONCURRENTLY (outside a transaction) like the hot-path indexes: the table is live.
 */
export class CacheEntriesStaleIndex1797100000001 implements MigrationInterface {
  name = 'CacheEntriesStaleIndex1797100000001';
  transaction = false as const;

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX CONCURRENTLY IF NOT EXISTS "external_api_cache_entries_stale_until_at_idx" ON "external_api_cache_entries" ("stale_until_at")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DROP INDEX IF EXISTS "public"."external_api_cache_entries_stale_until_at_idx"`,
    );
  }
}
