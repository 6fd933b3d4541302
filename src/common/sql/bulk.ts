import { ValidationError } from '../errors/domain-errors';

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

export interface UpsertSpec {
  table: string;
  /** Column names and their PostgreSQL types, in the order of each row's values. */
  columns: Array<[column: string, cast: string]>;
  rows: unknown[][];
  /** The `ON CONFLICT ...` clause. */
  onConflict: string;
}

/**
 * A multi-row INSERT ... ON CONFLICT in chunks under the bind-parameter limit, run on the given
 * manager (so inside the caller's transaction). Counts are exact: a row is "inserted" when the
 * statement created it (xmax = 0), else "updated".
 */
export async function upsertRows(
  manager: { query(sql: string, params: unknown[]): Promise<unknown> },
  spec: UpsertSpec,
): Promise<{ inserted: number; updated: number }> {
  let inserted = 0;
  let updated = 0;
  const names = spec.columns.map(([c]) => c).join(', ');
  const casts = spec.columns.map(([, cast]) => cast);
  for (const chunk of chunksFor(spec.rows, spec.columns.length)) {
    const { sql, params } = valuesList(chunk, casts);
    const result = (await manager.query(
      `INSERT INTO ${spec.table} (${names}) VALUES ${sql} ${spec.onConflict} RETURNING (xmax = 0) AS inserted`,
      params,
    )) as Array<{ inserted: boolean }>;
    for (const r of result) {
      if (r.inserted) inserted++;
      else updated++;
    }
  }
  return { inserted, updated };
}

/**
 * Refuses a batch that names the same key twice (e.g. a symbol), before anything is written:
 * a 400 on `field` listing every duplicate of every check.
 */
export function assertNoDuplicates(
  field: string,
  checks: Array<[label: string, values: string[]]>,
): void {
  const messages = checks
    .map(([label, values]) => [label, duplicatesOf(values)] as const)
    .filter(([, dup]) => dup.length > 0)
    .map(([label, dup]) => `duplicate ${label}: ${dup.join(', ')}`);
  if (messages.length > 0) throw new ValidationError(messages.join('; '), [{ field, messages }]);
}
