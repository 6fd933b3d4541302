import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedDatabase } from '../../src/database/embedded-postgres';
import { freePort } from './built-app';
import { PgBouncer } from './pgbouncer';
import { LOCAL_SERVER_URL, PGBOUNCER_PORT_ENV, SERVER_URL_ENV, serverAnswers } from './test-server';

declare global {
  var __LEDGERLINE_EMBEDDED__: EmbeddedDatabase | undefined;
  var __LEDGERLINE_PGBOUNCER__: PgBouncer | undefined;
}

/**
 * Picks the PostgreSQL server every test file creates its own database on:
 * TEST_DATABASE_URL, else the machine's local server when it answers, else an embedded one.
 */
export default async function globalSetup(): Promise<void> {
  await pickServer();
  if (process.env.TEST_VIA_PGBOUNCER === 'true') await startPgBouncer();
}

/** TEST_VIA_PGBOUNCER=true: the apps under test reach their databases through PgBouncer. */
async function startPgBouncer(): Promise<void> {
  if (!PgBouncer.available())
    throw new Error(
      'TEST_VIA_PGBOUNCER=true needs /usr/sbin/pgbouncer (apt-get install pgbouncer)',
    );
  const bouncer = await PgBouncer.start(process.env[SERVER_URL_ENV] as string, await freePort());
  globalThis.__LEDGERLINE_PGBOUNCER__ = bouncer;
  process.env[PGBOUNCER_PORT_ENV] = String(bouncer.port);
  process.stderr.write(
    `the apps connect through PgBouncer (transaction pooling) on port ${bouncer.port}\n`,
  );
}

async function pickServer(): Promise<void> {
  const explicit = process.env.TEST_DATABASE_URL;
  if (explicit) {
    process.env[SERVER_URL_ENV] = explicit;
    announce('TEST_DATABASE_URL');
    return;
  }
  if (process.env.TEST_FORCE_EMBEDDED !== 'true' && (await serverAnswers(LOCAL_SERVER_URL))) {
    process.env[SERVER_URL_ENV] = LOCAL_SERVER_URL;
    announce('the local server at 127.0.0.1:5432');
    return;
  }
  const dataDir = join(tmpdir(), `ledgerline-test-pg-${process.pid}`);
  rmSync(dataDir, { recursive: true, force: true });
  const embedded = await EmbeddedDatabase.start({
    dataDir,
    port: 55000 + (process.pid % 5000),
    database: 'postgres',
    log: () => undefined,
  });
  globalThis.__LEDGERLINE_EMBEDDED__ = embedded;
  process.env[SERVER_URL_ENV] = embedded.url;
  process.env.LEDGERLINE_TEST_EMBEDDED_DIR = dataDir;
  announce(`an embedded PostgreSQL in ${dataDir}`);
}

function announce(where: string): void {
  process.stderr.write(`\ntest databases: one per test file, on ${where}\n`);
}
