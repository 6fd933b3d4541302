import fc from 'fast-check';
import { operationsOf, Operation } from '../support/openapi';
import { SPECS, validBodyFor } from '../support/resource-specs';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Bad-input fuzzing generated from the OpenAPI document, so every route is covered without
 * listing them: wrong types, huge and odd strings (NUL bytes, SQL and JSON meta-characters),
 * huge/negative/non-finite numbers, malformed UUIDs and dates, deep nesting, unknown fields.
 * Properties: never a 5xx; the body follows the error contract; a rejected request changes no
 * row. Bounded (FUZZ_RUNS per operation, default 6) and reproducible (fast-check prints the seed).
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 6);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;

const nasty = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    'null',
    "'; DROP TABLE trades; --",
    '" OR 1=1 --',
    '\u0000',
    'a\u0000b',
    '{"$gt": ""}',
    '../../etc/passwd',
    'not-a-uuid',
    '2026-13-45T25:61:00Z',
    '9999999-01-01',
    '1e309',
    'NaN',
    '-0',
    '\ud800',
    '😀'.repeat(200),
    'x'.repeat(100_000),
  ),
  fc.string({ maxLength: 50 }),
);
const number = fc.oneof(
  fc.constantFrom(
    0,
    -1,
    -1e308,
    1e308,
    2 ** 63,
    -(2 ** 31) - 1,
    2 ** 31,
    0.1 + 0.2,
    Number.MAX_SAFE_INTEGER + 2,
  ),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
);
const deep = (depth: number): unknown => (depth === 0 ? 'leaf' : { a: deep(depth - 1) });
const value: fc.Arbitrary<unknown> = fc.oneof(
  nasty,
  number,
  fc.boolean(),
  fc.constant(null),
  fc.constant([]),
  fc.constant({}),
  fc.constant(deep(200)),
  fc.array(nasty, { maxLength: 5 }),
);
const FIELD_NAMES = [
  'symbol',
  'name',
  'type',
  'quantity',
  'price',
  'qty',
  'side',
  'status',
  'id',
  'userId',
  'strategyId',
  'executedAt',
  'isActive',
  'assets',
  'positions',
  'value',
  'limit',
  'cursor',
  'username',
  'password',
  '__proto__',
  'constructor',
];
const body = fc.oneof(fc.dictionary(fc.constantFrom(...FIELD_NAMES), value, { maxKeys: 6 }), value);

describe('bad-input fuzzing of every operation (e2e, fast-check)', () => {
  let t: TestApp;
  let ops: Operation[];
  beforeAll(async () => {
    t = await startTestApp('fuzz');
    ops = await operationsOf(t);
  });
  afterAll(async () => t?.close());

  async function rowCounts(): Promise<string> {
    const tables = t.dataSource.entityMetadatas
      .map((m) => m.tableName)
      .filter((n) => n !== 'audit_logs' && n !== 'sessions');
    const rows: Array<{ t: string; n: number }> = await t.dataSource.query(
      tables.map((n) => `SELECT '${n}' AS t, count(*)::int AS n FROM "${n}"`).join(' UNION ALL '),
    );
    return JSON.stringify(rows.sort((a, b) => a.t.localeCompare(b.t)));
  }

  function expectContract(
    op: Operation,
    status: number,
    b: Record<string, unknown>,
    sent: unknown,
  ): void {
    const where = `${op.method.toUpperCase()} ${op.path} with ${JSON.stringify(sent)?.slice(0, 300)}`;
    expect({ where, status: status < 500 }).toEqual({ where, status: true });
    if (status >= 400) {
      expect({
        where,
        keys: ['code', 'error', 'message', 'requestId', 'statusCode'].every((k) => k in b),
      }).toEqual({ where, keys: true });
      expect(JSON.stringify(b)).not.toMatch(/\bSELECT\b|\bINSERT\b|node_modules|QueryFailedError/);
    }
  }

  it('never answers 5xx, always in the contract, and a rejected request writes nothing', async () => {
    const writes = ops.filter((o) => o.method !== 'get' && o.path !== '/api/auth/logout');
    const reads = ops.filter(
      (o) => o.method === 'get' && o.path !== '/metrics' && !o.path.startsWith('/docs'),
    );
    expect(writes.length).toBeGreaterThan(40);
    let cases = 0;
    for (const op of writes) {
      await fc.assert(
        fc.asyncProperty(body, fc.boolean(), async (sent, asText) => {
          const before = await rowCounts();
          const req = t.admin.api[op.method](op.url);
          const r = await req
            .set('content-type', asText ? 'text/plain' : 'application/json')
            .send(JSON.stringify(sent) ?? 'null');
          cases++;
          expectContract(op, r.status, r.body as Record<string, unknown>, sent);
          if (r.status >= 400) expect(await rowCounts()).toBe(before);
        }),
        { numRuns: RUNS, seed: SEED },
      );
    }
    for (const op of reads) {
      await fc.assert(
        fc.asyncProperty(
          fc.dictionary(fc.constantFrom(...FIELD_NAMES, 'offset', 'startDate', 'dryRun'), nasty, {
            maxKeys: 4,
          }),
          async (query) => {
            const qs = new URLSearchParams(query as Record<string, string>).toString();
            const r = await t.admin.api.get(`${op.url}?${qs}`);
            cases++;
            expectContract(op, r.status, r.body as Record<string, unknown>, query);
          },
        ),
        { numRuns: RUNS, seed: SEED },
      );
    }
    // Malformed ids in every path with one.
    for (const op of ops.filter((o) => o.path.includes('{'))) {
      const r = await t.admin.api[op.method](op.path.replace(/\{[^}]+\}/g, "1' OR '1'='1")).send(
        {},
      );
      cases++;
      expectContract(op, r.status, r.body as Record<string, unknown>, 'malformed id');
      expect(r.status).toBeLessThan(500);
    }
    expect(cases).toBeGreaterThan(0);
    process.stdout.write(`fuzz: ${cases} requests over ${ops.length} operations\n`);
  }, 300_000);

  it('survives valid bodies with one field made hostile (these reach the database)', async () => {
    let cases = 0;
    for (const spec of SPECS) {
      const url = `/api/${spec.path}`;
      const op: Operation = { method: 'post', path: url, url };
      const base = await validBodyFor(t, spec);
      const fields = Object.keys(new (spec.createDto as new () => object)()).concat(
        Object.keys(base),
      );
      const meta = t.dataSource.getMetadata(spec.entity);
      const columns = meta.columns
        .filter((c) => !c.isPrimary && !c.isCreateDate && !c.isUpdateDate)
        .map((c) => c.propertyName);
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...new Set([...fields, ...columns])),
          value,
          async (field, hostile) => {
            const sent = { ...base, [field]: hostile };
            const before = await rowCounts();
            const r = await t.admin.api.post(url).send(sent);
            cases++;
            expectContract(op, r.status, r.body as Record<string, unknown>, sent);
            if (r.status >= 400) expect(await rowCounts()).toBe(before);
            else await t.admin.api.delete(`${url}/${r.body.id}`).expect(204);
          },
        ),
        { numRuns: RUNS * 2, seed: SEED },
      );
    }
    expect(cases).toBeGreaterThan(0);
    process.stdout.write(
      `fuzz (hostile fields): ${cases} requests over ${SPECS.length} resources\n`,
    );
  }, 300_000);
});
