import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Type as ClassType } from '@nestjs/common';
import { renderAccessTable } from '../../src/auth/policy/access-docs';
import { hasAccessRule } from '../../src/auth/policy/table-access';
import { ENTITIES } from '../../src/database/entities';
import { loadEntityMetadata } from '../../src/database/schema-docs';

describe('access policy declarations', () => {
  it('gives every entity exactly one access class (declared next to its @Entity)', () => {
    const missing = ENTITIES.filter((e) => !hasAccessRule(e as ClassType<unknown>)).map(
      (e) => e.name,
    );
    expect(missing).toEqual([]);
  });

  it('is listed in README.md as generated (run `npm run generate` after changing it)', async () => {
    const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
    expect(readme).toContain(renderAccessTable(await loadEntityMetadata()));
  });
});
