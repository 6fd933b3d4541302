import { Client } from 'pg';

/** Where the harness may create databases; chosen once by global-setup for the whole run. */
export const SERVER_URL_ENV = 'LEDGERLINE_TEST_SERVER_URL';
/** Set by global-setup when TEST_VIA_PGBOUNCER=true: the port of PgBouncer in front of that server. */
export const PGBOUNCER_PORT_ENV = 'LEDGERLINE_TEST_PGBOUNCER_PORT';
export const LOCAL_SERVER_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export function testServerUrl(): string {
  const url = process.env[SERVER_URL_ENV];
  if (!url)
    throw new Error(
      `${SERVER_URL_ENV} is not set: run the tests through jest (global-setup picks a server)`,
    );
  return url;
}

export async function serverAnswers(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The URL of another database on the same server. */
export function withDatabase(serverUrl: string, database: string): string {
  const u = new URL(serverUrl);
  u.pathname = `/${database}`;
  return u.toString();
}
