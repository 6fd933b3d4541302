import { execFileSync } from 'node:child_process';
import { appendFileSync, chownSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PgCluster } from './pg-cluster';

export const PGBACKREST = '/usr/bin/pgbackrest';
export const STANZA = 'ledgerline';

/**
 * A pgBackRest repository of the test's own, set up as docs/OPERATIONS.md tells an operator to
 * set up one server with a local repository: WAL archived by `archive-push`, an encrypted
 * repository, full and differential backups, restores to a time or a named restore point.
 * Everything runs as the `postgres` OS user, like the server whose files it reads and writes.
 */
export class BackupRepo {
  readonly dir = mkdtempSync(join(tmpdir(), 'ledgerline-pgbackrest-'));
  readonly config = join(this.dir, 'pgbackrest.conf');

  /** Debian's `pgbackrest` package; .ci/run installs it. */
  static available(): boolean {
    return existsSync(PGBACKREST);
  }

  constructor(private readonly cluster: PgCluster) {
    if (process.getuid?.() === 0) {
      const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres']).toString());
      chownSync(this.dir, id('-u'), id('-g'));
    }
    const socketDir = cluster.dir;
    writeFileSync(
      this.config,
      [
        '[global]',
        `repo1-path=${join(this.dir, 'repo')}`,
        // The repository is encrypted: a copied backup is useless without this passphrase.
        'repo1-cipher-type=aes-256-cbc',
        'repo1-cipher-pass=test-only-passphrase-not-a-secret',
        'repo1-retention-full=2',
        'compress-type=lz4',
        'start-fast=y',
        `lock-path=${join(this.dir, 'lock')}`,
        `log-path=${join(this.dir, 'log')}`,
        `spool-path=${join(this.dir, 'spool')}`,
        'log-level-console=warn',
        'log-level-file=info',
        '',
        `[${STANZA}]`,
        `pg1-path=${cluster.dataDir}`,
        `pg1-port=${cluster.port}`,
        `pg1-socket-path=${socketDir}`,
        '',
      ].join('\n'),
      { mode: 0o644 },
    );
    if (process.getuid?.() === 0) {
      const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres']).toString());
      chownSync(this.config, id('-u'), id('-g'));
    }
  }

  /**
   * Server settings that archive every WAL segment into the repository (appended to the
   * cluster's postgresql.conf after initdb, before the first start).
   */
  configureArchiving(): void {
    appendFileSync(
      join(this.cluster.dataDir, 'postgresql.conf'),
      [
        '',
        '# pgBackRest (test/support/pgbackrest.ts)',
        'wal_level = replica',
        'archive_mode = on',
        `archive_command = '${PGBACKREST} --config=${this.config} --stanza=${STANZA} archive-push %p'`,
        'archive_timeout = 60',
        `unix_socket_directories = '${this.cluster.dir}'`,
        '',
      ].join('\n'),
    );
  }

  /** Runs `pgbackrest <command>` with this repository's configuration; returns its output. */
  run(command: string, ...options: string[]): string {
    return this.cluster.exec(PGBACKREST, [
      `--config=${this.config}`,
      `--stanza=${STANZA}`,
      ...options,
      command,
    ]);
  }

  /**
   * Restores the repository's newest backup into `target`'s (empty) data directory, replaying
   * archived WAL up to `recoveryTarget`, then promoting; `target` is started afterwards by the
   * caller, with archiving off so it never pushes its new timeline into this repository.
   */
  restoreInto(target: PgCluster, recoveryTarget: { type: 'time' | 'name'; target: string }): void {
    target.prepareDir();
    this.run(
      'restore',
      `--pg1-path=${target.dataDir}`,
      `--type=${recoveryTarget.type}`,
      `--target=${recoveryTarget.target}`,
      '--target-action=promote',
    );
  }

  destroy(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
