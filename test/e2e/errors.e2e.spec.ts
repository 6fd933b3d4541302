import { startTestApp, TestApp } from '../support/test-app';

/**
 * Every error the foundation can produce, driven through HTTP. The database errors are real
 * PostgreSQL errors: this test's own database gets a unique index, a check and a trigger on
 * `strategies` that make an insert fail in the way the strategy's `type` names.
 */
const TRIGGER = `
CREATE FUNCTION fail_on_purpose() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  CASE NEW.type
    WHEN 'numeric_overflow' THEN PERFORM 1e10::numeric(3,0);
    WHEN 'bad_uuid' THEN PERFORM 'not-a-uuid'::uuid;
    WHEN 'date_overflow' THEN PERFORM '294277-01-01'::timestamptz;
    WHEN 'extended_year' THEN PERFORM '+275760-09-13T00:00:00.000Z'::timestamptz;
    WHEN 'unknown_zone' THEN PERFORM '2020-01-01 00:00:00 GMT+1400'::timestamptz;
    WHEN 'missing_parent' THEN
      INSERT INTO sessions (id, user_id, expires_at) VALUES ('s', '00000000-0000-4000-8000-000000000000', now());
    WHEN 'null_name' THEN NEW.name := NULL;
    WHEN 'serialization' THEN RAISE EXCEPTION 'could not serialize access' USING ERRCODE = '40001';
    WHEN 'deadlock' THEN RAISE EXCEPTION 'deadlock detected' USING ERRCODE = '40P01';
    WHEN 'slow' THEN PERFORM pg_sleep(5);
    WHEN 'terminate' THEN PERFORM pg_terminate_backend(pg_backend_pid());
    WHEN 'internal' THEN RAISE EXCEPTION 'internal detail: SELECT secret_column FROM hidden_table';
    ELSE NULL;
  END CASE;
  RETURN NEW;
END $$;
CREATE TRIGGER fail_on_purpose BEFORE INSERT ON strategies FOR EACH ROW EXECUTE FUNCTION fail_on_purpose();
CREATE UNIQUE INDEX strategies_name_test_unique ON strategies (name);
ALTER TABLE strategies ADD CONSTRAINT strategies_type_test_check CHECK (type <> 'forbidden');
`;

const LEAKS = /select|insert|secret|hidden_table|pg_|plpgsql|\bat \w+ \(|node_modules/i;

describe('error contract (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('errors', {
      DB_STATEMENT_TIMEOUT_MS: '300',
      BODY_LIMIT: '2kb',
      BULK_BODY_LIMIT: '64kb',
    });
    await t.dataSource.query(TRIGGER);
  });
  afterAll(async () => t?.close());

  const insert = (type: string, name = `n-${type}-${Math.random()}`) =>
    t.admin.api.post('/api/strategies').send({ name, type });

  function expectContract(body: Record<string, unknown>, status: number, code: string): void {
    expect(body).toMatchObject({ statusCode: status, code });
    expect(typeof body.error).toBe('string');
    expect(typeof body.message).toBe('string');
    expect(typeof body.requestId).toBe('string');
    expect(Object.keys(body).sort()).toEqual(
      [
        'code',
        'error',
        'message',
        'requestId',
        'statusCode',
        ...('details' in body ? ['details'] : []),
      ].sort(),
    );
    expect(JSON.stringify(body)).not.toMatch(LEAKS);
  }

  it.each([
    ['numeric_overflow', 400, 'NUMERIC_OUT_OF_RANGE'],
    ['bad_uuid', 400, 'INVALID_TEXT_REPRESENTATION'],
    // 22008, 22009 and 22023: what a forged list cursor's time could once reach PostgreSQL with.
    ['date_overflow', 400, 'INVALID_TEXT_REPRESENTATION'],
    ['extended_year', 400, 'INVALID_TEXT_REPRESENTATION'],
    ['unknown_zone', 400, 'INVALID_TEXT_REPRESENTATION'],
    ['missing_parent', 422, 'FOREIGN_KEY_VIOLATION'],
    ['null_name', 422, 'NOT_NULL_VIOLATION'],
    ['forbidden', 422, 'CHECK_VIOLATION'],
    ['serialization', 503, 'SERIALIZATION_FAILURE'],
    ['deadlock', 503, 'SERIALIZATION_FAILURE'],
    ['slow', 503, 'QUERY_TIMEOUT'],
    ['internal', 500, 'DATABASE_ERROR'],
  ])('maps a real %s failure to %i %s', async (type, status, code) => {
    const r = await insert(type).expect(status);
    expectContract(r.body, status, code);
    if (status === 503) expect(r.headers['retry-after']).toMatch(/^\d+$/);
  });

  it('keeps the statement timeout on every pooled connection, the one that ran the migrations too', async () => {
    // The migrations lift the timeout for their own connection; that connection then serves
    // requests. Hold every connection of the pool at once and ask each for its setting.
    const pool = (t.dataSource.driver as unknown as { master: { options: { max: number } } })
      .master;
    const rows = await Promise.all(
      Array.from({ length: pool.options.max }, () =>
        t.dataSource.query<Array<{ timeout: string; pid: number }>>(
          `SELECT current_setting('statement_timeout') AS timeout, pg_backend_pid() AS pid FROM pg_sleep(0.2)`,
        ),
      ),
    );
    const seen = rows.map((r) => r[0]);
    expect(new Set(seen.map((r) => r.pid)).size).toBe(pool.options.max);
    expect(seen.map((r) => r.timeout)).toEqual(seen.map(() => '300ms'));
  });

  it('names the field and the constraint where PostgreSQL says which', async () => {
    const fk = await insert('missing_parent').expect(422);
    expect(fk.body.details).toMatchObject({ constraint: 'sessions_user_id_fkey', field: 'userId' });
    expect(fk.body.message).toBe(
      'userId 00000000-0000-4000-8000-000000000000 refers to a user that does not exist',
    );

    const nn = await insert('null_name').expect(422);
    expect(nn.body.details).toEqual({ field: 'name' });

    const check = await insert('forbidden').expect(422);
    expect(check.body.details).toEqual({ constraint: 'strategies_type_test_check' });
  });

  it('maps a duplicate to 409 UNIQUE_VIOLATION naming the key and constraint, never the value', async () => {
    await insert('momentum', 'Twice').expect(201);
    const r = await insert('momentum', 'Twice').expect(409);
    expectContract(r.body, 409, 'UNIQUE_VIOLATION');
    expect(r.body.message).toBe('strategy with this name already exists');
    expect(JSON.stringify(r.body)).not.toContain('Twice');
    expect(r.body.details).toMatchObject({
      constraint: 'strategies_name_test_unique',
      fields: ['name'],
    });
  });

  it('answers 503 DATABASE_UNAVAILABLE when the connection dies mid-request, then recovers', async () => {
    const r = await insert('terminate').expect(503);
    expectContract(r.body, 503, 'DATABASE_UNAVAILABLE');
    await insert('momentum').expect(201);
    await t.http.get('/api/health/ready').expect(200);
  });

  it('lists every invalid field of a DTO', async () => {
    const r = await t.admin.api
      .post('/api/strategies')
      .send({ name: '', type: 7, isActive: 'yes', extra: 1 })
      .expect(400);
    expectContract(r.body, 400, 'VALIDATION_FAILED');
    const fields = (r.body.details as Array<{ field: string; messages: string[] }>)
      .map((d) => d.field)
      .sort();
    expect(fields).toEqual(['extra', 'isActive', 'name', 'type']);
    for (const d of r.body.details) expect(d.messages.length).toBeGreaterThan(0);
  });

  it('applies each list query its own rules and its shared ones, request after request', async () => {
    // The rules of a DTO class are looked up once and remembered (metadata-cache.ts): two
    // lists sharing a base class must keep their own fields apart on every repetition.
    const fieldsOf = (body: { details: Array<{ field: string }> }) =>
      body.details.map((d) => d.field).sort();
    for (let i = 0; i < 3; i++) {
      const trades = await t.api.get('/api/trades?limit=0&status=pending').expect(400);
      expect(fieldsOf(trades.body)).toEqual(['limit', 'status']);
      const decisions = await t.api.get('/api/ai-decisions?limit=0&pnlDirection=loss').expect(400);
      expect(fieldsOf(decisions.body)).toEqual(['limit', 'pnlDirection']);
      await t.api.get('/api/trades?limit=5&pnlDirection=loss').expect(200);
      await t.api.get('/api/ai-decisions?limit=5&status=pending').expect(200);
    }
  });

  it('rejects a malformed id with 400 and an unknown one with 404', async () => {
    const bad = await t.api.get('/api/strategies/not-a-uuid').expect(400);
    expectContract(bad.body, 400, 'VALIDATION_FAILED');
    expect(bad.body.details).toEqual([{ field: 'id', messages: ['id must be a UUID'] }]);
    const unknown = await t.api
      .get('/api/strategies/7d8e3f0a-2b7c-4c1e-9a51-0c9b2e6d4f10')
      .expect(404);
    expectContract(unknown.body, 404, 'NOT_FOUND');
  });

  it('answers malformed JSON with 400 MALFORMED_JSON', async () => {
    const r = await t.api
      .post('/api/strategies')
      .set('content-type', 'application/json')
      .send('{"name": "x",')
      .expect(400);
    expectContract(r.body, 400, 'MALFORMED_JSON');
  });

  it('answers an oversize body with 413 PAYLOAD_TOO_LARGE', async () => {
    const r = await t.api
      .post('/api/strategies')
      .send({ name: 'big', type: 'x', description: 'y'.repeat(5000) })
      .expect(413);
    expectContract(r.body, 413, 'PAYLOAD_TOO_LARGE');
  });

  it('gives only the bulk routes BULK_BODY_LIMIT: a body over BODY_LIMIT passes there, not elsewhere', async () => {
    const assets = (n: number) =>
      Array.from({ length: n }, (_, i) => ({
        alpacaId: `limit-${i}`,
        symbol: `LIM${i}`,
        name: 'x'.repeat(40),
        assetClass: 'us_equity',
        exchange: 'NYSE',
        status: 'active',
      }));
    const fiveKb = assets(40);
    expect(JSON.stringify({ assets: fiveKb }).length).toBeGreaterThan(4096);
    await t.admin.api.post('/api/broker-assets/bulk-upsert').send({ assets: fiveKb }).expect(200);
    // The same size on an ordinary route is over BODY_LIMIT.
    const r = await t.admin.api
      .post('/api/strategies')
      .send({ name: 'big', type: 'x', description: JSON.stringify(fiveKb) })
      .expect(413);
    expectContract(r.body, 413, 'PAYLOAD_TOO_LARGE');
    // And the bulk route has its own ceiling.
    const tooBig = await t.admin.api
      .post('/api/broker-assets/bulk-upsert')
      .send({ assets: assets(700) })
      .expect(413);
    expectContract(tooBig.body, 413, 'PAYLOAD_TOO_LARGE');
  });

  it('answers an unknown route with 404 in the same shape', async () => {
    const r = await t.api.get('/api/no-such-thing').expect(404);
    expectContract(r.body, 404, 'NOT_FOUND');
    const outside = await t.http.delete('/nowhere').expect(404);
    expectContract(outside.body, 404, 'NOT_FOUND');
  });

  it('echoes a sane x-request-id and issues one otherwise', async () => {
    const echoed = await t.http.get('/api/health').set('x-request-id', 'abc-123').expect(200);
    expect(echoed.headers['x-request-id']).toBe('abc-123');

    const issued = await t.api.get('/api/strategies/nope').expect(400);
    expect(issued.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(issued.body.requestId).toBe(issued.headers['x-request-id']);

    const forged = await t.http
      .get('/api/health')
      .set('x-request-id', 'bad id with spaces')
      .expect(200);
    expect(forged.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});
