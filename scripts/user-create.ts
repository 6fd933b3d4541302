import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { USERNAME_PATTERN } from '../src/auth/username';
import { loadConfig } from '../src/config/app-config';
import { buildDataSourceOptions } from '../src/database/data-source-options';
import { User } from '../src/users/entities/user.entity';
import { hashPassword } from '../src/users/password';

const USAGE =
  'usage: npm run user:create -- [--admin] USERNAME   (password on stdin, at least 8 characters)';

function readStdin(): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = '';
    process.stdin.setEncoding('utf8');
    process.stdin.on('data', (chunk) => (data += chunk));
    process.stdin.on('end', () => resolve(data));
    process.stdin.on('error', reject);
  });
}

/** `npm run user:create -- --admin NAME`: creates a user (admin with --admin) on DATABASE_URL. */
async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const admin = args.includes('--admin');
  const names = args.filter((a) => a !== '--admin');
  if (names.length !== 1 || !USERNAME_PATTERN.test(names[0])) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const password = (await readStdin()).split(/\r?\n/)[0] ?? '';
  if (password.length < 8 || password.length > 1024) {
    process.stderr.write('the password (first line of stdin) must be 8..1024 characters\n');
    return 2;
  }
  const config = loadConfig(process.env);
  if (!config.databaseUrl) {
    process.stderr.write('DATABASE_URL is not set\n');
    return 2;
  }
  const dataSource = new DataSource(
    buildDataSourceOptions({
      url: config.databaseUrl,
      ...config.db,
      migrationsRun: false,
      applicationName: 'ledgerline-cli',
    }),
  );
  await dataSource.initialize();
  try {
    const repo = dataSource.getRepository(User);
    const user = await repo.save(
      repo.create({ username: names[0], password: await hashPassword(password), isAdmin: admin }),
    );
    process.stdout.write(`created ${admin ? 'admin' : 'user'} ${user.username} (${user.id})\n`);
    return 0;
  } catch (e) {
    const code = (e as { driverError?: { code?: string } }).driverError?.code;
    process.stderr.write(
      code === '23505' ? `user ${names[0]} already exists\n` : `failed: ${(e as Error).message}\n`,
    );
    return 1;
  } finally {
    await dataSource.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  },
);
