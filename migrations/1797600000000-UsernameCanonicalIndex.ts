import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Login looks accounts up by `lower(username COLLATE "C")` (ASCII letters folded only, the SQL
 * twin of canonicalUsername() in src/auth/username.ts), the same form the login throttle keys
 * on; the older `lower(username)` index cannot serve that expression. Unique, because one
 * canonical name must be one account: usernames are ASCII (the signup alphabet), and two ASCII
 * names equal under this fold are equal under lower() too, which users_username_lower_unique
 * already forbids, so existing rows cannot violate it. CONCURRENTLY: logins and signups go on
 * while it builds; IF NOT EXISTS: a rerun after an interruption is safe.
 */
export class UsernameCanonicalIndex1797600000000 implements MigrationInterface {
  name = 'UsernameCanonicalIndex1797600000000';
  transaction = false as const;

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "users_username_canonical_unique" ON "users" (lower("username" COLLATE "C"))`,
    );
  }

  // TypeORM reverts inside a transaction, so the down step cannot use CONCURRENTLY.
  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX IF EXISTS "public"."users_username_canonical_unique"`);
  }
}
