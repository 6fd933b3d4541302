import { spawn, spawnSync, SpawnSyncReturns } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');
export const MAIN = join(ROOT, 'dist', 'src', 'main.js');

/** The built server (`npm test` builds first through `pretest`). */
export function assertBuilt(): void {
  if (!existsSync(MAIN))
    throw new Error(`${MAIN} is missing: run \`npm run build\` (npm test does it in pretest)`);
}

/** Environment for a child process: ours minus every variable the app reads, plus `env`. */
export function childEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const base = { ...process.env };
  for (const key of Object.keys(base)) {
    if (
      /^(DATABASE_URL|PORT|DB_|MIGRATIONS_RUN|BODY_LIMIT|LOG_LEVEL|DATA_DIR|EMBEDDED_PG_PORT)/.test(
        key,
      )
    ) {
      delete base[key];
    }
  }
  return { ...base, ...env };
}

/** Runs the built server to completion (for start-up failures). */
export function runBuiltSync(
  env: Record<string, string>,
  timeoutMs = 20000,
): SpawnSyncReturns<string> {
  assertBuilt();
  return spawnSync(process.execPath, [MAIN], {
    env: childEnv(env),
    encoding: 'utf8',
    timeout: timeoutMs,
  });
}

export { spawn };
