-- AuthChangeNotifications1797400000000: the SQL its up() sends, recorded by `npm run generate` (do not edit).
-- Runs in one transaction, retried when its lock timeout runs out (src/database/migrate.ts).

SET statement_timeout = 0;
BEGIN;
SET LOCAL lock_timeout = 2000;
CREATE FUNCTION ledgerline_session_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' AND OLD.expires_at <= now() THEN
          RETURN NULL;
        END IF;
        PERFORM pg_notify('ledgerline_auth', 's:' || OLD.id);
        RETURN NULL;
      END $$;
CREATE TRIGGER sessions_announce_change AFTER UPDATE OR DELETE ON sessions
      FOR EACH ROW EXECUTE FUNCTION ledgerline_session_changed();
CREATE FUNCTION ledgerline_user_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('ledgerline_auth', 'u:' || OLD.id);
        RETURN NULL;
      END $$;
CREATE TRIGGER users_announce_change AFTER UPDATE OF id, username, is_admin OR DELETE ON users
      FOR EACH ROW EXECUTE FUNCTION ledgerline_user_changed();
CREATE FUNCTION ledgerline_auth_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('ledgerline_auth', '*');
        RETURN NULL;
      END $$;
CREATE TRIGGER sessions_announce_truncate AFTER TRUNCATE ON sessions
        FOR EACH STATEMENT EXECUTE FUNCTION ledgerline_auth_truncated();
CREATE TRIGGER users_announce_truncate AFTER TRUNCATE ON users
        FOR EACH STATEMENT EXECUTE FUNCTION ledgerline_auth_truncated();
COMMIT;
