/**
 * Bind parameters of a hand-written statement: `add` returns the placeholder (`$n`) of a value,
 * so a query can be assembled clause by clause without ever putting a value into its text.
 */
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** A hand-written statement and its bind parameters. */
export interface Statement {
  sql: string;
  params: unknown[];
}

/**
 * The condition that limits a hand-written statement to the rows the caller may see, for the
 * table aliased `alias`; its values go through `params`. Services build it from the caller.
 */
export type ScopeSql = (alias: string, params: SqlParams) => string;
