/**
 * A response object built by PostgreSQL, as JSON text. Lists of a hundred rows spent most of
 * their Node time turning columns into JS values (dates parsed, then formatted again) and the
 * objects back into JSON; built in the statement, a row arrives as one string that goes into
 * the response unchanged.
 *
 * `row_to_json` of a one-row subquery rather than `json_build_object`: it writes compact JSON
 * (no spaces around `:`) and costs PostgreSQL less per row.
 *
 * Kinds keep the API's formats: `decimal` (numeric) crosses as a decimal string, never a float;
 * `time` (timestamptz) as ISO 8601 in UTC with milliseconds, exactly what `Date#toISOString`
 * writes (PostgreSQL's own JSON form would be `+00:00` and microseconds); anything else as
 * PostgreSQL's JSON form of the value (uuid and text as strings, boolean, null, and a nested
 * jsonObjectSql as an object).
 */
export type JsonField = readonly [key: string, expression: string, kind?: 'decimal' | 'time'];

const ISO_8601_UTC = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;

function valueSql([, expression, kind]: JsonField): string {
  if (kind === 'decimal') return `${expression}::text`;
  if (kind === 'time') return `to_char(${expression} AT TIME ZONE 'UTC', ${ISO_8601_UTC})`;
  return expression;
}

/** `alias` names the subquery; nested objects need their own. */
export function jsonObjectSql(fields: readonly JsonField[], alias = 'o'): string {
  // Keys and the alias go into the statement's text, quoted: plain identifiers only.
  for (const name of [alias, ...fields.map((f) => f[0])]) {
    if (!/^[A-Za-z][A-Za-z0-9]*$/.test(name)) throw new Error(`not a JSON key for SQL: ${name}`);
  }
  const columns = fields.map((f) => `${valueSql(f)} AS "${f[0]}"`).join(', ');
  return `(SELECT row_to_json(${alias}) FROM (SELECT ${columns}) ${alias})`;
}
