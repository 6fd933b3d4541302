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

/** Rows per upsert statement: one statement per chunk, its arrays bounded in size. */
export const UPSERT_CHUNK_ROWS = 10_000;

/**
 * INSERT ... SELECT FROM unnest(one array per column) ... ON CONFLICT, in chunks of
 * UPSERT_CHUNK_ROWS, run on the given manager (so inside the caller's transaction). One bind
 * parameter per column instead of one per value: measured at 20,000 broker assets, about half
 * the time of multi-row VALUES lists (whose parsing and planning grow with the parameter count).
 * Counts are exact: a row is "inserted" when the statement created it (xmax = 0), else "updated".
 */
export async function upsertRows(
  manager: { query(sql: string, params: unknown[]): Promise<unknown> },
  spec: UpsertSpec,
): Promise<{ inserted: number; updated: number }> {
  let inserted = 0;
  let updated = 0;
  const names = spec.columns.map(([c]) => c).join(', ');
  const arrays = spec.columns.map(([, cast], i) => `$${i + 1}::${cast}[]`).join(', ');
  const sql = `INSERT INTO ${spec.table} (${names}) SELECT * FROM unnest(${arrays}) ${spec.onConflict} RETURNING (xmax = 0) AS inserted`;
  for (let start = 0; start < spec.rows.length; start += UPSERT_CHUNK_ROWS) {
    const chunk = spec.rows.slice(start, start + UPSERT_CHUNK_ROWS);
    const params = spec.columns.map((_, i) => chunk.map((row) => row[i]));
    const result = (await manager.query(sql, params)) as Array<{ inserted: boolean }>;
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
