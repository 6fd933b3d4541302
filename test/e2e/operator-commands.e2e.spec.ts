import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  freePort,
  MAIN,
  ROOT,
  startBuilt,
  stopAllBuilt,
  RunningServer,
} from '../support/built-app';
import { createTestDatabase, TestDatabase } from '../support/test-database';

/**
 * An operator runs `npm run db:maintain`, `db:doctor`, `migration:show` and `user:create` on the
 * machine where the server runs, from the same checkout. They must run the built code and leave
 * the server's files alone: a command that rebuilt dist/ (as these once did) deleted the modules
 * a running server loads lazily, and its next request failed with a reset connection.
 */
function npmRun(
  script: string,
  args: string[],
  env: Record<string, string>,
  stdin = '',
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      'npm',
      ['run', '--silent', script, '--', ...args],
      { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 120_000 },
      (_e, stdout, stderr) => resolve({ code: child.exitCode ?? -1, stdout, stderr }),
    );
    child.stdin?.end(stdin);
  });
}

describe('operator commands beside a running server (e2e)', () => {
  let db: TestDatabase;
  let server: RunningServer;

  beforeAll(async () => {
    db = await createTestDatabase('operator_commands');
    server = await startBuilt({
      PORT: String(await freePort()),
      DATABASE_URL: db.url,
      MAINTENANCE_INTERVAL_MINUTES: '0',
    });
  }, 120_000);

  afterAll(async () => {
    await stopAllBuilt();
    await db?.drop();
  });

  it('never rebuild dist/ and never disturb the server: every request during them answers', async () => {
    const before = statSync(MAIN);
    const statuses: number[] = [];
    const failures: string[] = [];
    let running = true;
    // A client that keeps calling the server while the commands run, one request at a time.
    const client = (async () => {
      while (running) {
        try {
          // The OpenAPI JSON loads nothing lazily; a 404 route does: both must keep working.
          for (const path of ['/api/health/ready', '/docs-json', '/api/nope']) {
            statuses.push((await fetch(`${server.url}${path}`)).status);
          }
        } catch (e) {
          failures.push(String((e as Error).cause ?? e));
        }
      }
    })();

    const env = { DATABASE_URL: db.url, LOG_LEVEL: 'warn' };
    const results = [
      await npmRun('db:maintain', ['--json'], env),
      await npmRun('db:doctor', ['--json'], env),
      await npmRun('migration:show', [], env),
      await npmRun('user:create', ['--admin', 'opsadmin'], env, 'an operator password\n'),
    ];
    running = false;
    await client;

    expect(results.map((r) => r.code)).toEqual([0, 0, 0, 0]);
    expect(failures).toEqual([]);
    expect(statuses.length).toBeGreaterThan(0);
    expect(statuses.filter((s) => s !== 200 && s !== 404)).toEqual([]);
    // The server's entry module is the very same file: not deleted and written again.
    const after = statSync(MAIN);
    expect({ ino: after.ino, mtime: after.mtimeMs }).toEqual({
      ino: before.ino,
      mtime: before.mtimeMs,
    });
    expect((await fetch(`${server.url}/api/health/ready`)).status).toBe(200);
  }, 300_000);

  it('tells the operator to build first when there is nothing built', async () => {
    // The launcher, copied into a checkout that was never built.
    const checkout = mkdtempSync(join(tmpdir(), 'ledgerline-unbuilt-'));
    mkdirSync(join(checkout, 'bin'));
    copyFileSync(join(ROOT, 'bin', 'run-built.cjs'), join(checkout, 'bin', 'run-built.cjs'));
    const r = await new Promise<{ code: number; stderr: string }>((resolve) => {
      const child = execFile(
        process.execPath,
        [join(checkout, 'bin', 'run-built.cjs'), 'dist/scripts/db-maintain.js'],
        { encoding: 'utf8' },
        (_e, _stdout, stderr) => resolve({ code: child.exitCode ?? -1, stderr }),
      );
    });
    rmSync(checkout, { recursive: true, force: true });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('run `npm run build` first');
  });
});
