import { QueryFailedError } from 'typeorm';
import { mapDatabaseError } from '../../src/common/errors/postgres-error-map';
import { insertRow, metadataOf } from '../support/fixtures';
import { MigratedDatabase, startMigratedDatabase } from '../support/test-datasource';

interface UniqueIndex {
  table: string;
  index: string;
  def: string;
  predicate: string | null;
}

/**
 * `CREATE UNIQUE INDEX x ON t USING btree (a, lower(b)) WHERE ...` → [a, b] and which are lowered
 * (also `lower((b COLLATE "C"))`, the canonical username).
 */
function keyColumns(def: string): { columns: string[]; lowered: Set<string> } {
  const list = def.match(/USING btree \((.*?)\)(?: WHERE|$)/)?.[1] ?? '';
  const lowered = new Set<string>();
  const columns = list
    .split(',')
    .map((c) => c.trim())
    .map((c) => {
      const inner = c.match(/^lower\(\(?"?(\w+)"?(?: COLLATE "?\w+"?)?\)?(?:::\w+)?\)$/)?.[1];
      if (inner) lowered.add(inner);
      return (inner ?? c).replace(/^"|"$/g, '');
    })
    .filter((c) => /^\w+$/.test(c) && c !== 'true');
  return { columns, lowered };
}

const swapCase = (s: string) =>
  [...s].map((ch) => (ch === ch.toLowerCase() ? ch.toUpperCase() : ch.toLowerCase())).join('');

/**
 * Every unique key of the schema, violated for real: the 409 a client would get names the
 * key's fields and its constraint, never a value PostgreSQL reports (which may be the spelling
 * held by a row the caller cannot see, e.g. a username differing in case).
 */
describe('unique conflicts never echo the conflicting value', () => {
  let m: MigratedDatabase;
  let indexes: UniqueIndex[];
  beforeAll(async () => {
    m = await startMigratedDatabase('unique_conflicts');
    indexes = await m.dataSource.query(`
      SELECT c.relname AS "table", i.relname AS "index", pg_get_indexdef(x.indexrelid) AS def,
             pg_get_expr(x.indpred, x.indrelid) AS predicate
      FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class c ON c.oid = x.indrelid
      WHERE x.indisunique AND NOT x.indisprimary AND c.relnamespace = 'public'::regnamespace
      ORDER BY 1, 2`);
  }, 120_000);
  afterAll(async () => m?.close());

  it('covers the keys this change made per owner', () => {
    expect(indexes.map((i) => i.index)).toEqual(
      expect.arrayContaining([
        'orders_user_id_client_order_id_unique',
        'orders_user_id_broker_order_id_unique',
        'fills_owner_id_broker_fill_id_unique',
        'work_items_owner_id_idempotency_key_unique',
        'work_items_platform_idempotency_key_unique',
      ]),
    );
    expect(indexes.length).toBeGreaterThan(30);
  });

  it('maps each violation to 409 UNIQUE_VIOLATION with fields and constraint, without values', async () => {
    const ds = m.dataSource;
    const problems: string[] = [];
    for (const u of indexes) {
      const meta = metadataOf(ds, u.table);
      const { columns, lowered } = keyColumns(u.def);
      const prop = (column: string) => meta.findColumnWithDatabaseName(column)!.propertyName;
      // The first row: every key column filled (nullable ones too), inside the index's predicate.
      const first: Record<string, unknown> = {};
      for (const c of columns) {
        const col = meta.findColumnWithDatabaseName(c)!;
        if (col.isNullable && !col.relationMetadata && c !== 'owner_id') {
          first[prop(c)] = String(col.type) === 'uuid' ? crypto.randomUUID() : `K${Date.now()}x`;
        }
      }
      const isNull = u.predicate?.match(/^\((\w+) IS NULL\)$/)?.[1];
      const equals = u.predicate?.match(/^\((\w+) = '([^']*)'::text\)$/);
      if (isNull) first[prop(isNull)] = null;
      if (equals) first[prop(equals[1])] = equals[2];
      const needsParents = columns.includes('owner_id') || /IS NOT NULL/.test(u.predicate ?? '');

      let error: unknown;
      try {
        const r1 = await insertRow(ds.manager, meta, first, needsParents);
        // As text: a timestamp read into a JS Date would lose its microseconds.
        const [row]: Array<Record<string, unknown>> = await ds.query(
          `SELECT ${meta.columns.map((c) => `"${c.databaseName}"::text`).join(', ')} FROM "${u.table}" WHERE id = $1`,
          [r1.id],
        );
        // The second row: the same key (and parents, which an owner column comes from).
        const second: Record<string, unknown> = {};
        for (const fk of meta.foreignKeys) {
          const c = fk.columns[0].databaseName;
          if (row[c] !== null) second[fk.columns[0].propertyName] = row[c];
        }
        for (const c of columns) if (c !== 'owner_id') second[prop(c)] = row[c];
        if (isNull) second[prop(isNull)] = null;
        if (equals) second[prop(equals[1])] = equals[2];
        for (const c of lowered) second[prop(c)] = swapCase(String(row[c]));
        // Integers outside this key (a version number) must not collide on another key.
        for (const col of meta.columns) {
          if (String(col.type) === 'integer' && !columns.includes(col.databaseName)) {
            if (!col.isGenerated && !(col.propertyName in second))
              second[col.propertyName] = 2 + Math.floor(Math.random() * 1e9);
          }
        }
        await insertRow(ds.manager, meta, second);
        problems.push(`${u.index}: the duplicate was accepted`);
        continue;
      } catch (e) {
        error = e;
      }
      const code = ((error as QueryFailedError).driverError as { code?: string })?.code;
      if (code !== '23505') {
        problems.push(`${u.index}: ${code} ${(error as Error).message}`);
        continue;
      }
      const driver = (error as QueryFailedError).driverError as {
        constraint?: string;
        detail?: string;
      };
      const mapped = mapDatabaseError(error);
      const body = JSON.stringify({ message: mapped?.message, details: mapped?.details });
      const values = driver.detail?.match(/=\((.*)\) already exists/)?.[1] ?? '';
      const leaked = values
        .split(', ')
        .filter((v) => v.length > 1 && !/^(t|f|true|false)$/.test(v) && body.includes(v));
      if (mapped?.status !== 409 || mapped.code !== 'UNIQUE_VIOLATION')
        problems.push(`${u.index}: mapped to ${mapped?.status} ${mapped?.code}`);
      if (leaked.length > 0) problems.push(`${u.index}: ${body} shows ${leaked.join(', ')}`);
      if (driver.constraint !== u.index)
        problems.push(`${u.index}: violated ${driver.constraint} instead`);
      else if ((mapped?.details as { constraint?: string })?.constraint !== u.index)
        problems.push(`${u.index}: details do not name the constraint: ${body}`);
    }
    expect(problems).toEqual([]);
  }, 300_000);
});
