import { MigrationInterface, QueryRunner } from 'typeorm';

export class PositionsUniquePerUser1795595586732 implements MigrationInterface {
  name = 'PositionsUniquePerUser1795595586732';
  /** squawk findings of this migration (migrations/sql), excused with the reason: it has shipped. */
  static squawkIgnore = {
    'constraint-missing-not-valid':
      'shipped in the release that created positions, on a table of one row per (user, symbol); a UNIQUE constraint has no NOT VALID form',
    'disallowed-unique-constraint':
      'same: the table was new and tiny when this ran; new unique keys are built CONCURRENTLY first (docs/OPERATIONS.md)',
  };

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "positions"
            ADD CONSTRAINT "positions_user_id_symbol_unique" UNIQUE ("user_id", "symbol")
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "positions" DROP CONSTRAINT "positions_user_id_symbol_unique"
        `);
  }
}
