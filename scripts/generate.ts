import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderAccessTable, withAccessTable } from '../src/auth/policy/access-docs';
import { loadEntityMetadata, renderSchemaDoc } from '../src/database/schema-docs';
import { writeSqlSnapshots } from './sql-snapshots';

/**
 * `npm run generate`: regenerates every committed artifact derived from the code: docs/SCHEMA.md,
 * the README's access-policy table and the SQL of every repository method (src/queries/). CI runs it and fails when `git diff` is not empty.
 */
async function main(): Promise<void> {
  const root = join(__dirname, '..', '..');
  const metas = await loadEntityMetadata();
  const schema = join(root, 'docs', 'SCHEMA.md');
  writeFileSync(schema, renderSchemaDoc(metas));
  const readmePath = join(root, 'README.md');
  const readme = readFileSync(readmePath, 'utf8');
  writeFileSync(readmePath, withAccessTable(readme, renderAccessTable(metas)));
  process.stdout.write(`wrote ${schema} and the access table of ${readmePath}\n`);
  const queries = await writeSqlSnapshots(root);
  process.stdout.write(`wrote ${queries.length} SQL snapshots under src/queries\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
