import { MigrationInterface, QueryRunner } from 'typeorm';

export class PositionsUniquePerUser1795595586732 implements MigrationInterface {
  name = 'PositionsUniquePerUser1795595586732';

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
