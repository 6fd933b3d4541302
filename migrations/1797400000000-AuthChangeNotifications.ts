import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every app instance keeps the callers of recently seen session tokens in memory (see
 * src/auth/session-cache.ts), so an authenticated request does not pay a statement for its
 * session. What may make such an entry wrong is announced here, by the database itself, to every
 * instance listening on `ledgerline_auth`: a session deleted or changed (logout, expiry moved,
 * an operator's DELETE) as `s:<session id>`, a user deleted or renamed or given or stripped of
 * admin rights as `u:<user id>`, a TRUNCATE of either table as `*` (forget everything). Triggers rather than the app's own code, so that changes made
 * with plain SQL, another instance or a migration are announced too. Deleting a session that has
 * already expired (the maintenance purge) announces nothing: no instance may still use it.
 */
export class AuthChangeNotifications1797400000000 implements MigrationInterface {
  name = 'AuthChangeNotifications1797400000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION ledgerline_session_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' AND OLD.expires_at <= now() THEN
          RETURN NULL;
        END IF;
        PERFORM pg_notify('ledgerline_auth', 's:' || OLD.id);
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER sessions_announce_change AFTER UPDATE OR DELETE ON sessions
      FOR EACH ROW EXECUTE FUNCTION ledgerline_session_changed()`);
    await queryRunner.query(`
      CREATE FUNCTION ledgerline_user_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('ledgerline_auth', 'u:' || OLD.id);
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER users_announce_change AFTER UPDATE OF id, username, is_admin OR DELETE ON users
      FOR EACH ROW EXECUTE FUNCTION ledgerline_user_changed()`);
    // Row triggers do not fire on TRUNCATE, the natural "log everybody out" of an incident.
    await queryRunner.query(`
      CREATE FUNCTION ledgerline_auth_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('ledgerline_auth', '*');
        RETURN NULL;
      END $$`);
    for (const table of ['sessions', 'users']) {
      await queryRunner.query(`
        CREATE TRIGGER ${table}_announce_truncate AFTER TRUNCATE ON ${table}
        FOR EACH STATEMENT EXECUTE FUNCTION ledgerline_auth_truncated()`);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER users_announce_truncate ON users`);
    await queryRunner.query(`DROP TRIGGER sessions_announce_truncate ON sessions`);
    await queryRunner.query(`DROP FUNCTION ledgerline_auth_truncated()`);
    await queryRunner.query(`DROP TRIGGER users_announce_change ON users`);
    await queryRunner.query(`DROP FUNCTION ledgerline_user_changed()`);
    await queryRunner.query(`DROP TRIGGER sessions_announce_change ON sessions`);
    await queryRunner.query(`DROP FUNCTION ledgerline_session_changed()`);
  }
}
