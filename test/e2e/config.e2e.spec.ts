import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, runBuiltSync, startBuilt, stopAllBuilt } from '../support/built-app';

/** A bad variable stops the real process with one clear line naming it, exit 1, no stack. */
describe('configuration errors (built process)', () => {
  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['DB_POOL_MAX', '0'],
    ['DB_CONNECT_TIMEOUT_MS', 'soon'],
    ['DB_IDLE_TIMEOUT_MS', '-5'],
    ['DB_STATEMENT_TIMEOUT_MS', '1.5'],
    ['MIGRATIONS_RUN', 'maybe'],
    ['BODY_LIMIT', 'huge'],
    ['BULK_BODY_LIMIT', '32 MB'],
    ['LOG_LEVEL', 'loud'],
    ['EMBEDDED_PG_PORT', '80'],
    ['DATABASE_URL', 'mysql://root:hunter2@db/app'],
  ])('%s=%s', (name, value) => {
    const r = runBuiltSync({ DATABASE_URL: 'postgres://127.0.0.1:1/never', [name]: value });
    expect(r.status).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^Invalid configuration: ${name} `));
    expect(r.stderr).not.toMatch(/\n\s+at /);
    // Never echo a connection string: it may carry a password.
    expect(r.stderr).not.toContain('hunter2');
    expect(r.stdout).toBe('');
  });

  it('reports every bad variable in that one line', () => {
    const r = runBuiltSync({
      PORT: 'x',
      DB_POOL_MAX: 'y',
      DATABASE_URL: 'postgres://127.0.0.1:1/never',
    });
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('PORT');
    expect(r.stderr).toContain('DB_POOL_MAX');
  });
});

/** Production never falls back to a database on the container's own disk by accident. */
describe('NODE_ENV=production (built process)', () => {
  jest.setTimeout(180000);
  let dataDir: string;
  beforeEach(() => (dataDir = mkdtempSync(join(tmpdir(), 'ledgerline-prod-'))));
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));
  afterAll(() => stopAllBuilt());

  it('exits 1 with one line naming DATABASE_URL when it is not set, starting nothing', async () => {
    const r = runBuiltSync({
      NODE_ENV: 'production',
      DATA_DIR: dataDir,
      EMBEDDED_PG_PORT: String(await freePort()),
    });
    expect(r.status).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^Invalid configuration: DATABASE_URL must be set when NODE_ENV=production/,
    );
    expect(r.stdout).toBe('');
    expect(existsSync(join(dataDir, 'pg'))).toBe(false);
  });

  it('refuses ENABLE_TEST_ROUTES=true: exit 1, one line naming both variables, nothing started', () => {
    // DATABASE_URL points nowhere: had the check let it through, the process would fail later
    // with a connection error instead of this line.
    const r = runBuiltSync({
      NODE_ENV: 'production',
      ENABLE_TEST_ROUTES: 'true',
      DATABASE_URL: 'postgres://127.0.0.1:1/never',
      DATA_DIR: dataDir,
    });
    expect(r.status).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^Invalid configuration: ENABLE_TEST_ROUTES=true .*NODE_ENV=production/,
    );
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toBe('');
  });

  it('starts the embedded PostgreSQL when EMBEDDED_POSTGRES=true says so', async () => {
    const server = await startBuilt({
      NODE_ENV: 'production',
      EMBEDDED_POSTGRES: 'true',
      DATA_DIR: dataDir,
      EMBEDDED_PG_PORT: String(await freePort()),
      PORT: String(await freePort()),
      SHUTDOWN_DELAY_MS: '0',
    });
    expect(existsSync(join(dataDir, 'pg'))).toBe(true);
    expect(await server.stop('SIGTERM')).toBe(0);
  });
});
