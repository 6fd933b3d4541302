#!/usr/bin/env node
// Operator commands (db:maintain, db:doctor, user:create, migration:run/show/revert) run the code
// that `npm run build` produced and never build: a build deletes and rewrites dist/, and a server
// started from dist/ beside them would load half-written modules (seen: a reset connection).
// Usage: node bin/run-built.cjs <script, relative to the project> [args...]
'use strict';
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const { spawnSync } = require('node:child_process');

const root = join(__dirname, '..');
const built = join(root, 'dist', 'ormconfig.js');
if (!existsSync(built)) {
  process.stderr.write(
    `${built} is missing: run \`npm run build\` first (operator commands never build)\n`,
  );
  process.exit(2);
}
const [script, ...args] = process.argv.slice(2);
const result = spawnSync(process.execPath, [join(root, script), ...args], {
  stdio: 'inherit',
  cwd: root,
});
process.exit(result.status ?? 1);
