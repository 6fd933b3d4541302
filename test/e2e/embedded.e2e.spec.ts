import { execSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startBuilt, stopAllBuilt } from '../support/built-app';

/** `npm start` with no DATABASE_URL: embedded PostgreSQL, data kept across restarts. */
describe('embedded PostgreSQL (built process)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ledgerline-embedded-'));
  afterAll(async () => {
    await stopAllBuilt();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const postmasterRunning = () =>
    execSync('ps -eo args', { encoding: 'utf8' }).includes(`-D ${join(dataDir, 'pg')}`);

  it('initialises, serves, stops its server on SIGTERM, and finds its data on the next start', async () => {
    const env = {
      DATA_DIR: dataDir,
      EMBEDDED_PG_PORT: String(await freePort()),
      PORT: String(await freePort()),
      ADMIN_USERNAME: 'root',
      ADMIN_PASSWORD: 'embedded admin password',
    };
    const authHeader = async (url: string) => {
      const r = await fetch(`${url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: env.ADMIN_USERNAME, password: env.ADMIN_PASSWORD }),
      });
      expect(r.status).toBe(200);
      return { authorization: `Bearer ${((await r.json()) as { token: string }).token}` };
    };

    const first = await startBuilt(env);
    const created = await fetch(`${first.url}/api/strategies`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await authHeader(first.url)) },
      body: JSON.stringify({ name: 'kept', type: 'momentum' }),
    });
    expect(created.status).toBe(201);
    expect(await first.stop('SIGTERM')).toBe(0);
    expect(postmasterRunning()).toBe(false);

    const second = await startBuilt(env);
    const listed = await fetch(`${second.url}/api/strategies`, {
      headers: await authHeader(second.url),
    });
    const list = (await listed.json()) as { items: Array<{ name: string }> };
    expect(list.items.map((s) => s.name)).toEqual(['kept']);
    expect(await second.stop('SIGINT')).toBe(0);
    expect(postmasterRunning()).toBe(false);
  });
});
