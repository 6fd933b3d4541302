import { MigrationInterface, QueryRunner } from 'typeorm';

/** Usernames are unique regardless of case ("Alice" and "alice" are one account). */
export class UsernameCaseInsensitive1795596217754 implements MigrationInterface {
  name = 'UsernameCaseInsensitive1795596217754';
  /** squawk findings of this migration (migrations/sql), excused with the reason: it has shipped. */
  static squawkIgnore = {
    'require-concurrent-index-creation':
      'users holds one row per person (thousands at most): the index builds in milliseconds, and CONCURRENTLY cannot run inside the transaction of this migration, which also rewrites the names it indexes',
  };

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE UNIQUE INDEX "users_username_lower_unique" ON "users" (lower("username"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."users_username_lower_unique"`);
  }
}
