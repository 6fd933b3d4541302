import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** docs/BENCHMARKS.md (the benches run from dist/bench/). */
export const BENCHMARKS_PAGE = join(__dirname, '..', '..', 'docs', 'BENCHMARKS.md');

const marked = /<!-- ([a-z-]+):start -->[\s\S]*?<!-- \1:end -->/g;

/**
 * Several benches write one page: `npm run bench` the whole of it, bench:compare and
 * bench:tracing a section each between `<!-- name:start -->` and `<!-- name:end -->`. A section
 * replaces its earlier version, or is appended; `section` must carry its own markers.
 */
export function writeSection(name: string, section: string, path = BENCHMARKS_PAGE): void {
  const doc = existsSync(path) ? readFileSync(path, 'utf8') : '';
  const own = new RegExp(`<!-- ${name}:start -->[\\s\\S]*?<!-- ${name}:end -->`);
  writeFileSync(
    path,
    own.test(doc) ? doc.replace(own, () => section) : `${doc.trimEnd()}\n\n${section}\n`,
  );
}

/** The marked sections of the page as it is: `npm run bench` keeps them when it rewrites the rest. */
export function markedSections(path = BENCHMARKS_PAGE): string[] {
  return existsSync(path) ? (readFileSync(path, 'utf8').match(marked) ?? []) : [];
}
