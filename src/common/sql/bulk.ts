/** PostgreSQL accepts at most 65,535 bind parameters per statement. */
export const MAX_BIND_PARAMETERS = 65_535;

/** Splits rows so that each multi-row statement stays under the bind-parameter limit. */
export function chunksFor<T>(rows: T[], columnsPerRow: number, maxRows = 1000): T[][] {
  const size = Math.max(1, Math.min(maxRows, Math.floor(MAX_BIND_PARAMETERS / columnsPerRow)));
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/**
 * `($1, $2), ($3, $4)` for rows of values, each cast to its column's type, plus the flat
 * parameter list: one parameterised multi-row VALUES list, never string-built values.
 */
export function valuesList(rows: unknown[][], casts: string[]): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const tuples = rows.map((row) => {
    const cells = row.map((value, i) => {
      params.push(value);
      return `$${params.length}::${casts[i]}`;
    });
    return `(${cells.join(', ')})`;
  });
  return { sql: tuples.join(', '), params };
}

/** Values that appear more than once, compared with `key` (e.g. case-insensitively). */
export function duplicatesOf(values: string[], key: (v: string) => string = (v) => v): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const v of values) {
    const k = key(v);
    if (seen.has(k)) dup.add(k);
    seen.add(k);
  }
  return [...dup].sort();
}
