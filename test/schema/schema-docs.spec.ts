import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadEntityMetadata, renderSchemaDoc } from '../../src/database/schema-docs';

describe('docs/SCHEMA.md', () => {
  it('is current with the entities (run `npm run schema:docs` after changing them)', async () => {
    const committed = readFileSync(join(__dirname, '..', '..', 'docs', 'SCHEMA.md'), 'utf8');
    expect(committed).toBe(renderSchemaDoc(await loadEntityMetadata()));
  });
});
