import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { EmbeddedDatabase } from '../src/database/embedded-postgres';

const LOCAL = 'postgres://postgres@127.0.0.1:5432/postgres';

async function answers(url: string): Promise<boolean> {
  const c = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => undefined);
  }
}

export async function admin(url: string, sql: string): Promise<void> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

/** A server to generate on: GENERATE_DATABASE_URL, TEST_DATABASE_URL, the local one, or embedded. */
export async function server(): Promise<{ url: string; stop(): Promise<void> }> {
  const given = process.env.GENERATE_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (given) return { url: given, stop: async () => undefined };
  if (await answers(LOCAL)) return { url: LOCAL, stop: async () => undefined };
  const dataDir = join(tmpdir(), `ledgerline-generate-pg-${process.pid}`);
  const embedded = await EmbeddedDatabase.start({
    dataDir,
    port: 56000 + (process.pid % 5000),
    database: 'postgres',
    log: () => undefined,
  });
  return {
    url: embedded.url,
    stop: async () => {
      await embedded.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Runs `fn` with the URL of a fresh, empty database named `label_<pid>`, dropped afterwards. */
export async function withScratchDatabase<T>(
  label: string,
  fn: (url: string) => Promise<T>,
): Promise<T> {
  const srv = await server();
  const name = `ll_${label}_${process.pid}`;
  const url = new URL(srv.url);
  url.pathname = `/${name}`;
  await admin(srv.url, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin(srv.url, `CREATE DATABASE "${name}"`);
  try {
    return await fn(url.toString());
  } finally {
    await admin(srv.url, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await srv.stop();
  }
}
