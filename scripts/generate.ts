import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createOpenApiDocument } from '../src/app.factory';
import { renderAccessTable, withAccessTable } from '../src/auth/policy/access-docs';
import { loadConfig } from '../src/config/app-config';
import { loadEntityMetadata, renderSchemaDoc } from '../src/database/schema-docs';
import { writeMigrationSql } from './migration-sql';
import { writeSqlSnapshots } from './sql-snapshots';

/**
 * `npm run generate`: regenerates every committed artifact derived from the code: docs/SCHEMA.md,
 * the README's access-policy table, the OpenAPI document (openapi/ledgerline.openapi.json) and
 * the types of the typed client (clients/typescript/ledgerline.d.ts, from that document) and
 * the SQL of every repository method (src/queries/) and of every migration (migrations/sql/). CI runs it and fails when `git diff` is not empty.
 */
async function main(): Promise<void> {
  const root = join(__dirname, '..', '..');
  const metas = await loadEntityMetadata();
  const schema = join(root, 'docs', 'SCHEMA.md');
  writeFileSync(schema, renderSchemaDoc(metas));
  const readmePath = join(root, 'README.md');
  const readme = readFileSync(readmePath, 'utf8');
  writeFileSync(readmePath, withAccessTable(readme, renderAccessTable(metas)));
  const openapi = join(root, 'openapi', 'ledgerline.openapi.json');
  mkdirSync(join(root, 'openapi'), { recursive: true });
  // The environment must not change the document: built from the defaults, test routes off.
  const document = await createOpenApiDocument(loadConfig({}));
  writeFileSync(openapi, `${JSON.stringify(document, null, 2)}\n`);
  process.stdout.write(`wrote ${schema}, ${openapi} and the access table of ${readmePath}\n`);
  // The client's types come from the document just written, with the options package.json's
  // `openapi:types` gives openapi-typescript (output path: redocly.yaml's x-openapi-ts).
  execFileSync('npm', ['run', 'openapi:types', '--silent'], { cwd: root, stdio: 'inherit' });
  const queries = await writeSqlSnapshots(root);
  process.stdout.write(`wrote ${queries.length} SQL snapshots under src/queries\n`);
  const migrations = await writeMigrationSql(root);
  process.stdout.write(`wrote the SQL of ${migrations.length} migrations under migrations/sql\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
