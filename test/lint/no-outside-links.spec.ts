import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';

const root = join(__dirname, '..', '..');

/** The repository's Markdown and TypeScript files: committed ones and new ones not ignored. */
function repoFiles(): string[] {
  return execFileSync(
    'git',
    ['ls-files', '--cached', '--others', '--exclude-standard', '--', '*.md', '*.ts'],
    { cwd: root, encoding: 'utf8' },
  )
    .split('\n')
    .filter((f) => f !== '')
    .filter((f) => !f.endsWith('.d.ts'));
}

// Spelled in parts so that this file does not match itself.
const SHARED = ['..', 'shared'].join('/');
const SHARED_ABSOLUTE = ['', 'work', 'shared'].join('/');

const escapes = (file: string, target: string): boolean => {
  const path = target.split('#')[0].split('?')[0];
  if (path === '' || /^[a-z][a-z0-9+.-]*:/i.test(path) || path.startsWith('/')) return false;
  const rel = relative(root, resolve(root, dirname(file), path));
  return rel.startsWith('..') || isAbsolute(rel);
};

/** Link targets of a Markdown file: inline links and images, and reference definitions. */
function markdownTargets(text: string): string[] {
  const inline = [...text.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1]);
  const defined = [...text.matchAll(/^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/gm)].map((m) => m[1]);
  return [...inline, ...defined];
}

/** Module specifiers of a TypeScript file: import/export ... from, require(), import(). */
function moduleSpecifiers(text: string): string[] {
  return [
    ...text.matchAll(/\bfrom\s+['"]([^'"]+)['"]/g),
    ...text.matchAll(/\b(?:require|import)\(\s*['"]([^'"]+)['"]\s*\)/g),
    ...text.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm),
  ].map((m) => m[1]);
}

/** Every place a file points outside the repository. */
export function outsideLinks(file: string, text: string): string[] {
  const found: string[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.includes(SHARED) || line.includes(SHARED_ABSOLUTE))
      found.push(`${file}:${i + 1}: ${line.trim()}`);
  });
  const targets = file.endsWith('.md') ? markdownTargets(text) : moduleSpecifiers(text);
  for (const target of targets)
    if (escapes(file, target)) found.push(`${file}: ${target} leaves the repository`);
  return found;
}

describe('nothing in the repository links outside it', () => {
  it('catches what it must (the check itself works)', () => {
    expect(outsideLinks('README.md', `see \`${SHARED}/api-contract.md\``)).toHaveLength(1);
    expect(outsideLinks('docs/API.md', 'the [contract](../../notes/contract.md)')).toHaveLength(1);
    expect(outsideLinks('docs/API.md', '[ops]: ../../../ops.md')).toHaveLength(1);
    // Concatenated, so that this file's own scan does not see an import here.
    expect(outsideLinks('src/a/b.ts', "import { x } from '" + "../../../outside';")).toHaveLength(
      1,
    );
    expect(
      outsideLinks(
        'docs/API.md',
        '[schema](SCHEMA.md) [readme](../README.md#api) [web](https://example.com/x)',
      ),
    ).toEqual([]);
    expect(outsideLinks('test/lint/x.spec.ts', "import { y } from '../../src/y';")).toEqual([]);
  });

  it('no committed Markdown or TypeScript file links outside the repository', () => {
    const files = repoFiles();
    expect(files).toEqual(expect.arrayContaining(['README.md', 'docs/API.md']));
    const found = files.flatMap((f) => outsideLinks(f, readFileSync(join(root, f), 'utf8')));
    expect(found).toEqual([]);
  });
});
