import { execSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startBuilt } from '../support/built-app';

/** `npm start` with no DATABASE_URL: embedded PostgreSQL, data kept across restarts. */
describe('embedded PostgreSQL (built process)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ledgerline-embedded-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  const postmasterRunning = () => {
    try {
      return execSync('ps -eo args', { encoding: 'utf8' }).includes(`-D ${join(dataDir, 'pg')}`);
    } catch {
      return false;
    }
  };

  it('initialises, serves, stops its server on SIGTERM, and finds its data on the next start', async () => {
    const env = {
      DATA_DIR: dataDir,
      EMBEDDED_PG_PORT: String(await freePort()),
      PORT: String(await freePort()),
    };

    const first = await startBuilt(env);
    const created = await fetch(`${first.url}/api/strategies`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'kept', type: 'momentum' }),
    });
    expect(created.status).toBe(201);
    expect(await first.stop('SIGTERM')).toBe(0);
    expect(postmasterRunning()).toBe(false);

    const second = await startBuilt(env);
    const list = (await (await fetch(`${second.url}/api/strategies`)).json()) as {
      items: Array<{ name: string }>;
    };
    expect(list.items.map((s) => s.name)).toEqual(['kept']);
    expect(await second.stop('SIGINT')).toBe(0);
    expect(postmasterRunning()).toBe(false);
  });
});
