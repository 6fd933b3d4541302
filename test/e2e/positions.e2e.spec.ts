import { Client } from 'pg';
import { SyncPositionsDto } from '../../src/positions/dto/sync-positions.dto';
import { normalised, referenceErrors } from '../support/reference-validation';
import { startTestApp, TestApp, TestUser } from '../support/test-app';
import { testServerUrl } from '../support/test-server';

interface Position {
  id: string;
  symbol: string;
  quantity: string;
  entryPrice: string;
  currentPrice: string;
  unrealizedPnl: string;
  side: string;
  openedAt: string;
}

const item = (symbol: string, qty = '10', side = 'long') => ({
  symbol,
  qty,
  avg_entry_price: '100.5',
  current_price: '101.25',
  unrealized_pl: '7.5',
  side,
});

describe('position sync (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('positions');
  });
  afterAll(async () => t?.close());

  const sync = (u: TestUser, positions: unknown[]) =>
    u.api.post('/api/positions/sync').send({ positions });
  const stored = async (u: TestUser): Promise<Position[]> =>
    (await u.api.get('/api/positions?limit=500').expect(200)).body.items.sort(
      (a: Position, b: Position) => a.symbol.localeCompare(b.symbol),
    );

  it('replaces the caller’s positions, keeping the id and opened_at of those that persist', async () => {
    const first = await sync(t.user, [item('aapl'), item('MSFT', '5', 'short')]).expect(200);
    expect(first.body).toMatchObject({ inserted: 2, updated: 0, deleted: 0 });
    const before = await stored(t.user);
    expect(
      before.map((p) => [
        p.symbol,
        p.quantity,
        p.entryPrice,
        p.currentPrice,
        p.unrealizedPnl,
        p.side,
      ]),
    ).toEqual([
      ['AAPL', '10', '100.5', '101.25', '7.5', 'long'],
      ['MSFT', '5', '100.5', '101.25', '7.5', 'short'],
    ]);

    const second = await sync(t.user, [item('AAPL', '12'), item('NVDA')]).expect(200);
    expect(second.body).toMatchObject({ inserted: 1, updated: 1, deleted: 1 });
    const after = await stored(t.user);
    expect(after.map((p) => p.symbol)).toEqual(['AAPL', 'NVDA']);
    const aapl = after.find((p) => p.symbol === 'AAPL')!;
    expect(aapl).toMatchObject({ id: before[0].id, openedAt: before[0].openedAt, quantity: '12' });
  });

  it('clears every position with an empty list', async () => {
    const u = await t.newUser('clear');
    await sync(u, [item('A'), item('B')]).expect(200);
    const r = await sync(u, []).expect(200);
    expect(r.body).toMatchObject({ items: [], inserted: 0, updated: 0, deleted: 2 });
    expect(await stored(u)).toEqual([]);
  });

  it.each([
    [[item('AAPL'), item('aapl')], 'positions', /duplicate symbols: AAPL/],
    [[{ ...item('AAPL'), qty: 'ten' }], 'positions[0].qty', /decimal/],
    [[{ ...item('AAPL'), qty: '-1' }], 'positions[0].qty', /greater than 0/],
    [[{ ...item('AAPL'), side: 'flat' }], 'positions[0].side', /long or short/],
    [[item('AAPL'), { ...item('X'), symbol: '9X' }], 'positions[1].symbol', /symbol/],
    [[{ ...item('AAPL'), extra: 1 }], 'positions[0].extra', /should not exist/],
  ])('refuses a bad list before writing anything (%#)', async (positions, field, message) => {
    const u = await t.newUser('bad');
    await sync(u, [item('KEEP')]).expect(200);
    const r = await sync(u, positions).expect(400);
    const detail = r.body.details.find((d: { field: string }) => d.field === field);
    expect(detail?.messages.join(' ')).toMatch(message);
    expect((await stored(u)).map((p) => p.symbol)).toEqual(['KEEP']);
  });

  it.each([
    ['an empty item', [{}]],
    [
      'wrong types',
      [{ ...item('AAPL'), qty: true, avg_entry_price: '0', unrealized_pl: 'x', side: 1 }],
    ],
    ['nulls', [{ ...item('AAPL'), symbol: null, current_price: null }]],
    ['non-objects', [1, null, item('AAPL')]],
    ['unknown properties', [{ ...item('AAPL'), extra: 1 }]],
  ])('answers %s with the same fields and messages as the DTO rules', async (_, positions) => {
    const u = await t.newUser('ref');
    const r = await sync(u, positions).expect(400);
    expect(normalised(r.body.details)).toEqual(
      normalised(referenceErrors(SyncPositionsDto, { positions })),
    );
  });

  it('keeps the old positions when the database fails on row 500 of 1,000', async () => {
    const u = await t.newUser('midway');
    await sync(u, [item('OLD1'), item('OLD2')]).expect(200);
    const before = await stored(u);
    await t.dataSource.query(`
      CREATE FUNCTION fail_row_500() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.symbol = 'S500' THEN PERFORM 1e10::numeric(3,0); END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER fail_row_500 BEFORE INSERT ON positions FOR EACH ROW EXECUTE FUNCTION fail_row_500();`);
    try {
      const list = Array.from({ length: 1000 }, (_, i) => item(`S${i + 1}`));
      const r = await sync(u, list).expect(400);
      expect(r.body.code).toBe('NUMERIC_OUT_OF_RANGE');
      expect(await stored(u)).toEqual(before);
    } finally {
      await t.dataSource.query(
        'DROP TRIGGER fail_row_500 ON positions; DROP FUNCTION fail_row_500()',
      );
    }
  });

  it('keeps the old positions when the connection is killed mid-transaction, answers 503, then recovers', async () => {
    const u = await t.newUser('killed');
    await sync(u, [item('OLD1')]).expect(200);
    await t.dataSource.query(`
      CREATE FUNCTION slow_sync() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.symbol = 'SLOW' THEN PERFORM pg_sleep(5); END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER slow_sync BEFORE INSERT ON positions FOR EACH ROW EXECUTE FUNCTION slow_sync();`);
    const admin = new Client({ connectionString: testServerUrl() });
    await admin.connect();
    try {
      const pending = sync(u, [item('NEW1'), item('SLOW')]);
      const request = pending.then((r) => r);
      // Wait until the insert sleeps inside the trigger, then kill that backend.
      let killed = 0;
      for (let i = 0; i < 50 && killed === 0; i++) {
        await new Promise((r) => setTimeout(r, 100));
        const res = await admin.query(
          `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
           WHERE datname = $1 AND query LIKE 'INSERT INTO positions%' AND state = 'active'`,
          [t.db.name],
        );
        killed = res.rowCount ?? 0;
      }
      expect(killed).toBe(1);
      const r = await request;
      expect(r.status).toBe(503);
      expect(r.body.code).toBe('DATABASE_UNAVAILABLE');
    } finally {
      await admin.end();
      await t.dataSource.query('DROP TRIGGER slow_sync ON positions; DROP FUNCTION slow_sync()');
    }
    expect((await stored(u)).map((p) => p.symbol)).toEqual(['OLD1']);
    await sync(u, [item('NEW1')]).expect(200);
    expect((await stored(u)).map((p) => p.symbol)).toEqual(['NEW1']);
  });

  it('serializes 10 concurrent syncs: the end state is exactly one of them', async () => {
    const u = await t.newUser('race');
    const lists = Array.from({ length: 10 }, (_, k) =>
      Array.from({ length: 20 + k }, (_, i) => item(`R${k}X${i}`, String(k + 1))),
    );
    const results = await Promise.all(lists.map((l) => sync(u, l)));
    expect(results.map((r) => r.status)).toEqual(Array(10).fill(200));
    const end = (await stored(u)).map((p) => `${p.symbol}:${p.quantity}`).sort();
    const candidates = lists.map((l) => l.map((p) => `${p.symbol}:${p.qty}`).sort());
    expect(candidates.filter((c) => JSON.stringify(c) === JSON.stringify(end))).toHaveLength(1);
  });

  it('never shows one user’s positions to another', async () => {
    const a = await t.newUser('owner');
    const b = await t.newUser('stranger');
    await sync(a, [item('MINE')]).expect(200);
    await sync(b, []).expect(200);
    expect((await stored(a)).map((p) => p.symbol)).toEqual(['MINE']);
    expect(await stored(b)).toEqual([]);
  });
});
