import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One canonical form of a username, for uniqueness and for the login lookup alike:
 * `lower(username COLLATE "C")` folds ASCII letters only (the SQL twin of canonicalUsername() in
 * src/auth/username.ts, which the login throttle keys on), whatever the database's locale.
 * It replaces the unique index on `lower(username)`, whose fold follows the locale and cannot
 * serve the lookup's expression. No existing row can violate the new index: usernames are ASCII
 * (the signup alphabet), and two ASCII names equal under this fold are equal under lower() too,
 * which the old index forbade. The new index is built before the old one goes, so uniqueness
 * holds throughout. CONCURRENTLY: logins and signups go on meanwhile; IF [NOT] EXISTS: a rerun
 * after an interruption is safe.
 */
export class UsernameCanonicalIndex1797600000000 implements MigrationInterface {
  name = 'UsernameCanonicalIndex1797600000000';
  transaction = false as const;

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "users_username_canonical_unique" ON "users" (lower("username" COLLATE "C"))`,
    );
    await queryRunner.query(
      `DROP INDEX CONCURRENTLY IF EXISTS "public"."users_username_lower_unique"`,
    );
  }

  // TypeORM reverts inside a transaction, so the down step cannot use CONCURRENTLY.
  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE UNIQUE INDEX IF NOT EXISTS "users_username_lower_unique" ON "users" (lower("username"))`,
    );
    await queryRunner.query(`DROP INDEX IF EXISTS "public"."users_username_canonical_unique"`);
  }
}
