import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadEntityMetadata, renderSchemaDoc } from '../src/database/schema-docs';

/** `npm run schema:docs`: regenerates docs/SCHEMA.md from the entities. */
async function main(): Promise<void> {
  const target = join(__dirname, '..', '..', 'docs', 'SCHEMA.md');
  writeFileSync(target, renderSchemaDoc(await loadEntityMetadata()));
  process.stdout.write(`wrote ${target}\n`);
}

void main();
