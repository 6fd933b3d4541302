import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { testServerUrl, withDatabase } from './test-server';

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

async function admin<T>(server: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: server });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A fresh, empty database for one test file; drop() removes it even with open connections. */
export async function createTestDatabase(
  label = 'test',
  server = testServerUrl(),
): Promise<TestDatabase> {
  const name = `ll_${label
    .replace(/[^a-z0-9]/gi, '_')
    .toLowerCase()
    .slice(0, 30)}_${randomBytes(4).toString('hex')}`;
  await admin(server, (c) => c.query(`CREATE DATABASE "${name}"`));
  return {
    name,
    url: withDatabase(server, name),
    drop: () =>
      admin(server, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(
        () => undefined,
      ),
  };
}
