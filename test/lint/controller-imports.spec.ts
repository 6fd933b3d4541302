import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

interface LintResult {
  messages: Array<{ ruleId: string | null; message: string }>;
}

/** The rule of ARCHITECTURE.md, as `npm run lint` (the eslint CLI) applies it to a file. */
function restrictedImports(code: string, filePath: string): string[] {
  const run = spawnSync(
    join(root, 'node_modules', '.bin', 'eslint'),
    ['--stdin', '--stdin-filename', filePath, '--format', 'json'],
    { cwd: root, input: code, encoding: 'utf8' },
  );
  const [result] = JSON.parse(run.stdout) as LintResult[];
  return result.messages
    .filter((m) => m.ruleId === 'no-restricted-imports')
    .map((m) => m.message.split("'")[1]);
}

describe('the layering lint rule (eslint.config.mjs)', () => {
  const imports = [
    "import { Repository } from 'typeorm';",
    "import { InjectRepository } from '@nestjs/typeorm';",
    "import { Transactional } from '@nestjs-cls/transactional';",
    "import { TradesRepository } from './trades.repository';",
    "import { GenericRepository } from '../common/crud/generic.repository';",
    '',
  ].join('\n');

  it('fails a controller that imports TypeORM, the transaction library or a repository', () => {
    expect(restrictedImports(imports, 'src/trades/trades.controller.ts')).toEqual([
      'typeorm',
      '@nestjs/typeorm',
      '@nestjs-cls/transactional',
      './trades.repository',
      '../common/crud/generic.repository',
    ]);
  }, 120_000);

  it('lets services import them', () => {
    expect(restrictedImports(imports, 'src/trades/trades.service.ts')).toEqual([]);
  }, 120_000);
});
