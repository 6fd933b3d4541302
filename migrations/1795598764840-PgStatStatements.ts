import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Installs pg_stat_statements for GET /api/admin/db/slow-queries and db:doctor, where the server
 * allows it (it must be available, and in shared_preload_libraries to collect anything). Where it
 * cannot be installed the migration still succeeds: the endpoint then says it is unavailable.
 */
export class PgStatStatements1795598764840 implements MigrationInterface {
  name = 'PgStatStatements1795598764840';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DO $$
      BEGIN
        CREATE EXTENSION IF NOT EXISTS pg_stat_statements;
      EXCEPTION WHEN OTHERS THEN
        RAISE NOTICE 'pg_stat_statements not installed: %', SQLERRM;
      END
      $$`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP EXTENSION IF EXISTS pg_stat_statements');
  }
}
