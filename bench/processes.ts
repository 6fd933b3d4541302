import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

const DIST = join(__dirname, '..');

/**
 * The CPU time a process has used so far, in ms (utime + stime from /proc, 10 ms ticks). The
 * difference over a slice, divided by the requests answered, is the server's own cost per request:
 * unlike throughput on a shared 2-core machine it does not move with whatever else is running.
 */
export function cpuMsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

/** The built app in its own process (as production runs it), ready when /api/health/ready is 200. */
export async function startAppProcess(
  env: Record<string, string>,
): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  // BENCH_PROFILE_DIR=/some/dir writes a CPU profile of the app process there (see docs/BENCHMARKS.md).
  const profile = process.env.BENCH_PROFILE_DIR
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`]
    : [];
  const child = spawn(process.execPath, [...profile, join(DIST, 'src', 'main.js')], {
    env: { ...process.env, ...env, PORT: String(port), LOG_LEVEL: 'error' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`${url}/api/health/ready`)).ok) return { url, child };
    } catch {
      // not yet listening
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error('the app process did not become ready');
}

/** A bench helper (`dist/bench/<script>.js`) in its own process; resolves with the first line it prints. */
function startPrinting(
  script: string,
  args: string[],
  env: Record<string, string>,
): Promise<{ line: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [join(DIST, 'bench', script), ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.stdout?.once('data', (d: Buffer) => resolve({ line: d.toString().trim(), child }));
    child.once('exit', (code) => reject(new Error(`${script} exited ${code}`)));
  });
}

/** The N+1 baseline in its own process; resolves with its URL. */
export async function startNPlusOneProcess(
  env: Record<string, string>,
): Promise<{ url: string; child: ChildProcess }> {
  const { line, child } = await startPrinting('n-plus-one.js', [], env);
  return { url: line, child };
}

/** The bare reference server (bench/reference/server.ts) in its own process; resolves with its URL. */
export async function startReferenceProcess(
  env: Record<string, string>,
): Promise<{ url: string; child: ChildProcess }> {
  const { line, child } = await startPrinting(join('reference', 'server.js'), [], env);
  return { url: line, child };
}

/** The latency proxy in its own process (so its timers do not share the load generator's loop). */
export async function startProxyProcess(
  host: string,
  port: number,
  delayMs: number,
): Promise<{ port: number; child: ChildProcess }> {
  const { line, child } = await startPrinting(
    'latency-proxy.js',
    [host, String(port), String(delayMs)],
    {},
  );
  return { port: Number(line), child };
}
