import { spawn, spawnSync, SpawnSyncReturns } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
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

export interface RunningServer {
  pid: number | undefined;
  port: number;
  url: string;
  output: () => string;
  /** Sends the signal and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  exited: Promise<number | null>;
}

const running = new Set<RunningServer>();

/** Kills every server a test started and did not stop (a failed assertion must not leave one behind). */
export async function stopAllBuilt(): Promise<void> {
  await Promise.all([...running].map((s) => s.stop('SIGKILL')));
}

/** Starts the built server and waits until `/api/health/ready` answers 200. */
export async function startBuilt(
  env: Record<string, string>,
  readyWithinMs = 60000,
): Promise<RunningServer> {
  assertBuilt();
  const port = Number(env.PORT);
  // No drain delay unless a test asks for one: there is no load balancer to wait for.
  const child = spawn(process.execPath, [MAIN], {
    env: childEnv({ LOG_LEVEL: 'warn', SHUTDOWN_DELAY_MS: '0', ...env }),
  });
  const pid = child.pid;
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + readyWithinMs;
  let gone = false;
  void exited.then(() => (gone = true));
  while (Date.now() < deadline && !gone) {
    try {
      const r = await fetch(`${url}/api/health/ready`);
      if (r.status === 200) {
        const server: RunningServer = {
          pid,
          port,
          url,
          output: () => out,
          exited,
          stop: (signal = 'SIGTERM') => {
            child.kill(signal);
            return exited;
          },
        };
        running.add(server);
        void exited.then(() => running.delete(server));
        return server;
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGKILL');
  throw new Error(`server not ready within ${readyWithinMs} ms:\n${out}`);
}

/** A TCP port that is free right now (good enough for tests on one machine). */
/**
 * A port for a server a test starts. Not the kernel's pick (listen on 0): that comes from the
 * ephemeral range, where the in-process apps of other test files (supertest) and every outgoing
 * connection also draw, so between this check and the server's own listen another process could
 * take the port and answer its readiness probe (seen: ready 200, then ECONNREFUSED). Ports below
 * the ephemeral range, in a block of this jest worker's own, are handed out by nobody else.
 */
export async function freePort(): Promise<number> {
  const low = ephemeralLow();
  const worker = Number(process.env.JEST_WORKER_ID ?? 1);
  const base = low - PORT_BLOCK * (worker + 1);
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = base + Math.floor(Math.random() * PORT_BLOCK);
    if (await canListen(port)) return port;
  }
  throw new Error(`no free port in ${base}..${base + PORT_BLOCK - 1}`);
}

const PORT_BLOCK = 1000;

/** The lowest port the kernel hands out for listen(0) and outgoing connections. */
function ephemeralLow(): number {
  try {
    const low = Number(
      readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').split(/\s+/)[0],
    );
    if (Number.isInteger(low) && low > 10000) return low;
  } catch {
    // not Linux: the IANA range starts at 49152
  }
  return 49152;
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}
