import { BulkUpsertAssetsDto } from '../../src/broker-assets/dto/bulk-upsert.dto';
import { normalised, referenceErrors } from '../support/reference-validation';
import { startTestApp, TestApp } from '../support/test-app';

const asset = (i: number, over: Record<string, unknown> = {}) => ({
  alpacaId: `id-${i}`,
  symbol: `a${i}`,
  name: `Asset ${i}`,
  assetClass: i % 2 ? 'us_equity' : 'crypto',
  exchange: i % 3 ? 'NASDAQ' : 'NYSE',
  status: 'active',
  tradable: i % 2 === 0,
  fractionable: true,
  minOrderSize: '0.01',
  ...over,
});

describe('broker assets bulk upsert (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    // The default configuration: a broker's whole list must fit in BULK_BODY_LIMIT's default.
    t = await startTestApp('assets');
  });
  afterAll(async () => t?.close());

  const upsert = (assets: unknown[]) =>
    t.admin.api.post('/api/broker-assets/bulk-upsert').send({ assets });
  const rows = async () =>
    (await t.dataSource.query('SELECT * FROM broker_assets ORDER BY alpaca_id')) as Array<
      Record<string, unknown>
    >;

  it('inserts 20,000 assets in one request, then updates them with exact counts', async () => {
    const first = Array.from({ length: 20000 }, (_, i) => asset(i));
    const r1 = await upsert(first).expect(200);
    expect(r1.body).toEqual({ inserted: 20000, updated: 0 });
    const stored = await rows();
    expect(stored).toHaveLength(20000);
    expect(stored.every((r) => r.symbol === String(r.symbol).toUpperCase())).toBe(true);
    const a7 = stored.find((r) => r.alpaca_id === 'id-7')!;
    expect(a7).toMatchObject({
      symbol: 'A7',
      name: 'Asset 7',
      asset_class: 'us_equity',
      exchange: 'NASDAQ',
      tradable: false,
      min_order_size: '0.01',
    });
    const syncedBefore = a7.last_synced_at as Date;

    // Half of them change, plus 500 new ones.
    const second = [
      ...Array.from({ length: 10000 }, (_, i) =>
        asset(i, { name: `Renamed ${i}`, tradable: true, priceIncrement: '0.0001' }),
      ),
      ...Array.from({ length: 500 }, (_, i) => asset(20000 + i)),
    ];
    const r2 = await upsert(second).expect(200);
    expect(r2.body).toEqual({ inserted: 500, updated: 10000 });
    const after = await rows();
    expect(after).toHaveLength(20500);
    const renamed = after.find((r) => r.alpaca_id === 'id-7')!;
    expect(renamed).toMatchObject({
      name: 'Renamed 7',
      tradable: true,
      price_increment: '0.0001',
      id: a7.id,
    });
    expect((renamed.last_synced_at as Date).getTime()).toBeGreaterThan(syncedBefore.getTime());
    expect((renamed.updated_at as Date).getTime()).toBeGreaterThan(
      (a7.updated_at as Date).getTime(),
    );
    expect(after.find((r) => r.alpaca_id === 'id-15000')!.name).toBe('Asset 15000');
  }, 120000);

  it('refuses a batch with duplicate symbols (any case) and writes nothing', async () => {
    const before = (await rows()).length;
    const r = await upsert([
      asset(90001, { symbol: 'dup' }),
      asset(90002),
      asset(90003, { symbol: 'DUP' }),
    ]).expect(400);
    expect(r.body.code).toBe('VALIDATION_FAILED');
    expect(r.body.details[0].messages.join(' ')).toMatch(/duplicate symbols: DUP/);
    expect((await rows()).length).toBe(before);
  });

  it('rolls back the whole batch when one row conflicts in the database', async () => {
    const before = (await rows()).length;
    // id-1 already belongs to A1: a new symbol with that alpaca id violates its unique key.
    const r = await upsert([asset(90010), asset(90011, { alpacaId: 'id-1' })]).expect(409);
    expect(r.body).toMatchObject({
      code: 'UNIQUE_VIOLATION',
      details: { constraint: 'broker_assets_alpaca_id_unique' },
    });
    expect((await rows()).length).toBe(before);
  });

  it.each([
    ['an empty item', { assets: [{}] }],
    [
      'wrong types and bounds',
      {
        assets: [
          asset(1, {
            alpacaId: 5,
            symbol: '1ABC',
            name: 'x'.repeat(501),
            assetClass: '',
            tradable: 'yes',
            minOrderSize: '-1',
            priceIncrement: 'abc',
            minTradeIncrement: true,
          }),
        ],
      },
    ],
    ['an unknown item property', { assets: [asset(1), asset(2, { extra: 1 })] }],
    ['an unknown top-level property', { assets: [asset(1)], foo: 1 }],
    ['a list that is not an array', { assets: 'AAPL' }],
    ['a list of non-objects', { assets: [1, 'x', null, asset(1)] }],
    ['a null list', { assets: null }],
    ['no list at all', {}],
    ['nulls where allowed and not', { assets: [asset(1, { tradable: null, symbol: null })] }],
    [
      'numbers as decimals, bad exponent',
      { assets: [asset(1, { minOrderSize: 1e-7, priceIncrement: '1e5' })] },
    ],
  ])('answers %s with the same fields and messages as the DTO rules', async (_, body) => {
    const r = await t.admin.api.post('/api/broker-assets/bulk-upsert').send(body);
    const expected = referenceErrors(BulkUpsertAssetsDto, body);
    if (expected.length === 0) {
      expect(r.status).toBe(200);
      return;
    }
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('VALIDATION_FAILED');
    expect(normalised(r.body.details)).toEqual(normalised(expected));
  });

  it('lists with filters and a symbol prefix', async () => {
    const page = await t.api.get('/api/broker-assets?symbol=a1999&limit=500').expect(200);
    expect(page.body.items.map((a: { symbol: string }) => a.symbol).sort()).toEqual(
      ['A1999', ...Array.from({ length: 10 }, (_, i) => `A1999${i}`)].sort(),
    );
    const filtered = await t.api
      .get('/api/broker-assets?tradable=true&assetClass=crypto&exchange=NYSE&status=active&limit=1')
      .expect(200);
    expect(filtered.body.items).toHaveLength(1);
    expect(filtered.body.items[0]).toMatchObject({
      tradable: true,
      assetClass: 'crypto',
      exchange: 'NYSE',
    });
    await t.api.get('/api/broker-assets?tradable=yes').expect(400);
    await t.api.get('/api/broker-assets?symbol=%25').expect(400);
  });
});
