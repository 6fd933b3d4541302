import { MigrationInterface, QueryRunner } from 'typeorm';

/** Usernames are unique regardless of case ("Alice" and "alice" are one account). */
export class UsernameCaseInsensitive1795596217754 implements MigrationInterface {
  name = 'UsernameCaseInsensitive1795596217754';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE UNIQUE INDEX "users_username_lower_unique" ON "users" (lower("username"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."users_username_lower_unique"`);
  }
}
