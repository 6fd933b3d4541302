import { rmSync } from 'node:fs';

export default async function globalTeardown(): Promise<void> {
  globalThis.__LEDGERLINE_PGBOUNCER__?.stop();
  const embedded = globalThis.__LEDGERLINE_EMBEDDED__;
  if (embedded) {
    await embedded.stop();
    const dir = process.env.LEDGERLINE_TEST_EMBEDDED_DIR;
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}
