import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serverAnswers } from './test-server';

export const PGBOUNCER_BIN = '/usr/sbin/pgbouncer';
const TEMPLATE = join(__dirname, '..', 'pgbouncer', 'pgbouncer.ini');

/**
 * A PgBouncer in transaction pooling in front of a PostgreSQL server (Debian's package; .ci/run
 * installs it). It refuses to run as root, so as root it runs as the `postgres` OS user, with
 * its files in a folder that user can read.
 */
export class PgBouncer {
  private constructor(
    readonly port: number,
    readonly dir: string,
  ) {}

  static available(): boolean {
    return existsSync(PGBOUNCER_BIN);
  }

  static async start(target: string, port: number): Promise<PgBouncer> {
    const dir = mkdtempSync(join(tmpdir(), 'ledgerline-pgbouncer-'));
    chmodSync(dir, 0o755);
    const u = new URL(target);
    const ini = readFileSync(TEMPLATE, 'utf8')
      .replaceAll('@TARGET_HOST@', u.hostname)
      .replaceAll('@TARGET_PORT@', u.port || '5432')
      .replaceAll('@PORT@', String(port))
      .replaceAll('@DIR@', dir);
    writeFileSync(join(dir, 'pgbouncer.ini'), ini);
    writeFileSync(
      join(dir, 'userlist.txt'),
      `"${decodeURIComponent(u.username || 'postgres')}" ""\n`,
    );
    const asRoot = process.getuid?.() === 0;
    if (asRoot) {
      const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
      const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
      chownSync(dir, uid, gid);
    }
    const args = ['-d', join(dir, 'pgbouncer.ini')];
    const [file, argv] = asRoot
      ? ['runuser', ['-u', 'postgres', '--', PGBOUNCER_BIN, ...args]]
      : [PGBOUNCER_BIN, args];
    execFileSync(file, argv, { stdio: 'pipe', timeout: 30_000 });
    const bouncer = new PgBouncer(port, dir);
    const deadline = Date.now() + 30_000;
    while (!(await serverAnswers(bouncer.url('postgres')))) {
      if (Date.now() > deadline) {
        bouncer.stop();
        throw new Error(`PgBouncer did not answer on port ${port}: see ${dir}/pgbouncer.log`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    return bouncer;
  }

  url(database: string): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  stop(): void {
    try {
      const pid = Number(readFileSync(join(this.dir, 'pgbouncer.pid'), 'utf8').trim());
      if (pid > 0) process.kill(pid, 'SIGINT');
    } catch {
      // not running
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}
