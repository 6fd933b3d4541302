import { QueryCounter } from '../../bench/query-counter';
import { startTestApp, TEST_PASSWORD, TestApp } from '../support/test-app';
import { JSON_CONTENT_TYPE, PAGE_KEYS } from '../support/json-page';
import { PGBOUNCER_PORT_ENV } from '../support/test-server';

interface EnrichedTrade {
  id: string;
  symbol: string;
  side: string;
  quantity: string;
  price: string;
  pnl: string | null;
  executedAt: string;
  strategyId: string | null;
  strategyName: string | null;
  aiDecision: { id: string; action: string; confidence: string | null; status: string } | null;
}

describe('trades (e2e)', () => {
  let t: TestApp;
  const counter = new QueryCounter();
  let momentum: string;
  let meanRev: string;
  const trades: Record<string, EnrichedTrade> = {};

  const post = async (body: Record<string, unknown>) => {
    const r = await t.api.post('/api/trades').send(body);
    if (r.status !== 201) throw new Error(`${r.status} ${JSON.stringify(r.body)}`);
    return r.body as EnrichedTrade;
  };

  beforeAll(async () => {
    t = await startTestApp('trades', { AUTH_CACHE_SECONDS: '3600' });
    counter.install();
    momentum = (
      await t.admin.api
        .post('/api/strategies')
        .send({ name: 'Momentum', type: 'momentum' })
        .expect(201)
    ).body.id;
    meanRev = (
      await t.admin.api
        .post('/api/strategies')
        .send({ name: 'MeanRev', type: 'mean_reversion' })
        .expect(201)
    ).body.id;
    // 12 trades over 12 days: AAPL/MSFT alternating, pnl from -3 to 8, two strategies and none.
    for (let i = 0; i < 12; i++) {
      const tr = await post({
        symbol: i % 2 ? 'msft' : 'AAPL',
        side: i % 3 ? 'buy' : 'sell',
        quantity: i + 1,
        price: '100.50',
        pnl: String(i - 3),
        strategyId: i % 3 === 0 ? momentum : i % 3 === 1 ? meanRev : undefined,
        executedAt: new Date(Date.UTC(2026, 0, 1 + i, 12)).toISOString(),
      });
      trades[`t${i}`] = tr;
    }
    // A trade without pnl.
    trades.nopnl = await post({
      symbol: 'NVDA',
      side: 'buy',
      quantity: '0.5',
      price: 900,
      executedAt: '2026-02-01T00:00:00Z',
    });
    // Two decisions on t5: the later one must win; one decision on t7.
    await t.api
      .post('/api/ai-decisions')
      .send({ symbol: 'MSFT', action: 'buy', confidence: 0.4, executedTradeId: trades.t5.id })
      .expect(201);
    await new Promise((r) => setTimeout(r, 5));
    await t.api
      .post('/api/ai-decisions')
      .send({
        symbol: 'MSFT',
        action: 'sell',
        confidence: '0.91',
        executedTradeId: trades.t5.id,
        status: 'executed',
      })
      .expect(201);
    await t.api
      .post('/api/ai-decisions')
      .send({ symbol: 'MSFT', action: 'hold', executedTradeId: trades.t7.id })
      .expect(201);
  });
  afterAll(async () => {
    counter.uninstall();
    await t?.close();
  });

  const list = async (qs: string) =>
    (await t.api.get(`/api/trades?${qs}`).expect(200)).body as {
      items: EnrichedTrade[];
      total: number | null;
      nextCursor: string | null;
      hasMore: boolean;
    };
  const symbolsOf = (items: EnrichedTrade[]) => items.map((i) => i.id);

  it('creates a trade and returns it enriched, decimals as exact strings', async () => {
    const tr = trades.t0;
    expect(tr).toMatchObject({
      symbol: 'AAPL',
      side: 'sell',
      quantity: '1',
      price: '100.50',
      pnl: '-3',
      strategyName: 'Momentum',
      aiDecision: null,
    });
    const precise = await post({
      symbol: 'BRK.B',
      side: 'buy',
      quantity: '0.000000000000000001',
      price: '123456789012345678.123456789',
    });
    expect(precise).toMatchObject({
      quantity: '0.000000000000000001',
      price: '123456789012345678.123456789',
      strategyName: null,
    });
    await t.api.delete(`/api/trades/${precise.id}`).expect(204);
  });

  it('lists newest first with strategy names, nulls, and exactly one (the latest) decision per trade', async () => {
    const page = await list('limit=50');
    expect(page).toMatchObject({ total: null, hasMore: false, nextCursor: null });
    expect(page.items.map((i) => i.id)).toEqual(
      [trades.nopnl, ...Array.from({ length: 12 }, (_, i) => trades[`t${11 - i}`])].map(
        (x) => x.id,
      ),
    );
    const t5 = page.items.find((i) => i.id === trades.t5.id)!;
    expect(t5.aiDecision).toMatchObject({ action: 'sell', confidence: '0.91', status: 'executed' });
    expect(page.items.find((i) => i.id === trades.t7.id)!.aiDecision).toMatchObject({
      action: 'hold',
      confidence: null,
    });
    expect(page.items.find((i) => i.id === trades.t2.id)!).toMatchObject({
      strategyName: null,
      aiDecision: null,
      strategyId: null,
    });
    expect(page.items.find((i) => i.id === trades.t1.id)!.strategyName).toBe('MeanRev');

    const single = await t.api.get(`/api/trades/${trades.t5.id}`).expect(200);
    expect(single.body.aiDecision.action).toBe('sell');
    expect(single.body.strategyName).toBeNull();
  });

  it('answers the list and the single read with the same JSON (built by PostgreSQL), in the API formats', async () => {
    const page = await t.api.get('/api/trades?limit=100').expect(200);
    expect(page.headers['content-type']).toBe(JSON_CONTENT_TYPE);
    expect(Object.keys(page.body)).toEqual(PAGE_KEYS);
    // What POST answered (parsed from the same statement) is what the list and GET /:id answer.
    for (const created of [trades.t0, trades.t5, trades.nopnl]) {
      const item = (page.body.items as EnrichedTrade[]).find((i) => i.id === created.id);
      const one = await t.api.get(`/api/trades/${created.id}`).expect(200);
      expect(one.headers['content-type']).toBe(JSON_CONTENT_TYPE);
      expect(item).toStrictEqual(one.body);
    }
    const t5 = (page.body.items as EnrichedTrade[]).find((i) => i.id === trades.t5.id)!;
    expect(Object.keys(t5.aiDecision ?? {})).toEqual([
      'id',
      'symbol',
      'action',
      'confidence',
      'reasoning',
      'status',
      'createdAt',
    ]);
    expect(t5.aiDecision?.confidence).toBe('0.91');

    // Microseconds cut to milliseconds as a JS Date would, UTC with a Z; decimals exact; text as written.
    try {
      const notes = 'quotes " and \\ backslash,\nnew line, ünïcödé, emoji 📈';
      await t.dataSource.query(
        `UPDATE trades SET executed_at = '2025-12-31 23:59:59.999999-05', quantity = 12345678901234567890.123456789, notes = $2 WHERE id = $1`,
        [trades.nopnl.id, notes],
      );
      const edited = (await t.api.get(`/api/trades/${trades.nopnl.id}`).expect(200)).body;
      expect(edited).toMatchObject({
        executedAt: '2026-01-01T04:59:59.999Z',
        quantity: '12345678901234567890.123456789',
        pnl: null,
        notes,
        aiDecision: null,
      });
      const listed = (await t.api.get('/api/trades?limit=100').expect(200)).body.items.find(
        (i: EnrichedTrade) => i.id === trades.nopnl.id,
      );
      expect(listed).toStrictEqual(edited);
    } finally {
      // Later tests rely on this trade as it was created.
      await t.dataSource.query(
        `UPDATE trades SET executed_at = '2026-02-01T00:00:00Z', quantity = 0.5, notes = NULL WHERE id = $1`,
        [trades.nopnl.id],
      );
    }
  });

  it('filters by symbol, strategy, pnl direction and an inclusive date range, alone and combined', async () => {
    expect((await list('symbol=aapl&includeTotal=true')).total).toBe(6);
    expect((await list(`strategyId=${momentum}`)).items.map((i) => i.id)).toEqual(
      [trades.t9, trades.t6, trades.t3, trades.t0].map((x) => x.id),
    );
    const profit = await list('pnlDirection=profit&includeTotal=true');
    expect(profit.total).toBe(9); // pnl 0..8
    expect(profit.items.every((i) => Number(i.pnl) >= 0)).toBe(true);
    const loss = await list('pnlDirection=loss');
    expect(loss.items.map((i) => i.pnl).sort()).toEqual(['-1', '-2', '-3']);
    expect((await list('pnlDirection=all&includeTotal=true')).total).toBe(13);
    // Bounds are inclusive: exactly the trades of Jan 3 12:00 and Jan 5 12:00 and between.
    const range = await list('startDate=2026-01-03T12:00:00Z&endDate=2026-01-05T12:00:00Z');
    expect(symbolsOf(range.items)).toEqual([trades.t4, trades.t3, trades.t2].map((x) => x.id));
    const combined = await list(
      `symbol=MSFT&pnlDirection=profit&startDate=2026-01-01&endDate=2026-01-31`,
    );
    expect(symbolsOf(combined.items)).toEqual(
      [trades.t11, trades.t9, trades.t7, trades.t5, trades.t3].map((x) => x.id),
    );
    expect((await list(`strategyId=${meanRev}&symbol=AAPL`)).items.map((i) => i.id)).toEqual(
      [trades.t10, trades.t4].map((x) => x.id),
    );
  });

  it('pages with the cursor through every trade exactly once, and with offset', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof list>> = await list(
        `limit=5&includeTotal=true${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(page.total).toBe(13);
      expect(page.hasMore).toBe(page.nextCursor !== null);
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(13);
    expect(new Set(seen).size).toBe(13);
    expect(seen).toEqual((await list('limit=13')).items.map((i) => i.id));
    const byOffset = await list('limit=5&offset=10');
    expect(byOffset.items.map((i) => i.id)).toEqual(seen.slice(10));
    const past = await list('limit=5&offset=100&includeTotal=true');
    expect(past).toMatchObject({ items: [], total: 13, hasMore: false, nextCursor: null });
    expect(await list('limit=5&offset=100')).toMatchObject({ items: [], total: null });
  });

  it.each([
    ['pnlDirection=up', 'pnlDirection'],
    ['startDate=yesterday', 'startDate'],
    ['endDate=2026-13-01', 'endDate'],
    ['startDate=2026-02-01&endDate=2026-01-01', 'startDate'],
    ['limit=0', 'limit'],
    ['limit=501', 'limit'],
    ['strategyId=nope', 'strategyId'],
    ['symbol=$$$', 'symbol'],
  ])('rejects %s naming %s', async (qs, field) => {
    const r = await t.api.get(`/api/trades?${qs}`).expect(400);
    expect(r.body.code).toBe('VALIDATION_FAILED');
    expect(r.body.details.map((d: { field: string }) => d.field)).toContain(field);
  });

  it.each([
    [{ symbol: 'AAPL', side: 'buy', quantity: 0, price: 1 }, 'quantity'],
    [{ symbol: 'AAPL', side: 'buy', quantity: '-1', price: 1 }, 'quantity'],
    [{ symbol: 'AAPL', side: 'buy', quantity: 1, price: '0.0' }, 'price'],
    [{ symbol: 'AAPL', side: 'buy', quantity: 1, price: 'abc' }, 'price'],
    [{ symbol: 'AAPL', side: 'buy', quantity: true, price: 1 }, 'quantity'],
    [{ symbol: 'AAPL', side: 'short', quantity: 1, price: 1 }, 'side'],
    [{ symbol: '1ABC', side: 'buy', quantity: 1, price: 1 }, 'symbol'],
    [{ symbol: 'TOO-LONG-SYMBOL-X', side: 'buy', quantity: 1, price: 1 }, 'symbol'],
    [{ side: 'buy', quantity: 1, price: 1 }, 'symbol'],
  ])('refuses to create %j (field %s)', async (body, field) => {
    const r = await t.api.post('/api/trades').send(body).expect(400);
    expect(r.body.details.map((d: { field: string }) => d.field)).toContain(field);
  });

  it('refuses a trade on a strategy that does not exist with 422', async () => {
    const r = await t.api
      .post('/api/trades')
      .send({
        symbol: 'AAPL',
        side: 'buy',
        quantity: 1,
        price: 1,
        strategyId: '6f1c2a9e-7b4d-4e8f-9a6b-1c2d3e4f5a6b',
      })
      .expect(422);
    expect(r.body).toMatchObject({
      code: 'FOREIGN_KEY_VIOLATION',
      details: { field: 'strategyId' },
    });
  });

  describe('query budget', () => {
    it.each([1, 50, 100, 500])(
      'sends at most 2 statements for a page of limit=%i (session check included)',
      async (limit) => {
        const { result, statements } = await counter.during(() =>
          t.api.get(`/api/trades?limit=${limit}`).expect(200),
        );
        expect(result.body.items.length).toBe(Math.min(limit, 13));
        expect(statements.length).toBeLessThanOrEqual(2);
      },
    );

    it('sends at most 2 statements for a cursor page and a filtered page', async () => {
      const first = await list('limit=3');
      const cursorPage = await counter.during(() =>
        t.api.get(`/api/trades?limit=3&cursor=${first.nextCursor}`).expect(200),
      );
      expect(cursorPage.statements.length).toBeLessThanOrEqual(2);
      const filtered = await counter.during(() =>
        t.api.get(`/api/trades?symbol=MSFT&pnlDirection=profit&strategyId=${meanRev}`).expect(200),
      );
      expect(filtered.statements.length).toBeLessThanOrEqual(2);
    });

    it('says hasMore exactly: a full last page has none, one row more has one', async () => {
      expect(await list('limit=13')).toMatchObject({ hasMore: false, nextCursor: null });
      const twelve = await list('limit=12');
      expect(twelve.hasMore).toBe(true);
      expect(twelve.nextCursor).not.toBeNull();
      expect(await list(`limit=12&cursor=${twelve.nextCursor}`)).toMatchObject({
        hasMore: false,
        nextCursor: null,
      });
      expect(await list('limit=12&offset=1')).toMatchObject({ hasMore: false });
      expect(await list('limit=11&offset=1')).toMatchObject({ hasMore: true });
    });

    it('counts exactly with includeTotal at every depth, filtered or not, and never otherwise', async () => {
      const symbol = `symbol=MSFT&strategyId=${meanRev}`;
      for (const [qs, expected] of [
        ['', 13],
        ['pnlDirection=loss', 3],
        [symbol, 2],
        ['startDate=2026-01-03&endDate=2026-01-05', 3],
      ] as const) {
        let cursor: string | null = null;
        let pages = 0;
        do {
          const url = `/api/trades?limit=2&${qs}${cursor ? `&cursor=${cursor}` : ''}`;
          const withTotal = await counter.during(() => t.api.get(`${url}&includeTotal=true`));
          expect(withTotal.result.body.total).toBe(expected);
          expect(withTotal.statements.length).toBeLessThanOrEqual(2);
          const without = await counter.during(() => t.api.get(url).expect(200));
          expect(without.result.body.total).toBeNull();
          expect(without.statements.map((x) => x.text).join('\n')).not.toMatch(/count\(/i);
          cursor = without.result.body.nextCursor as string | null;
          pages++;
        } while (cursor);
        expect(pages).toBe(Math.max(1, Math.ceil(expected / 2)));
      }
    });

    it.each(['offset=0', 'offset=6', 'offset=12', 'offset=400', 'CURSOR'])(
      'sends at most 2 statements at depth %s, with or without the total',
      async (depth) => {
        const qs = depth === 'CURSOR' ? `cursor=${(await list('limit=11')).nextCursor}` : depth;
        for (const extra of ['', '&includeTotal=true']) {
          const { statements } = await counter.during(() =>
            t.api.get(`/api/trades?limit=5&${qs}${extra}`).expect(200),
          );
          // The session check and the page; only an empty page past the end with the total
          // asked for adds the count.
          const max = depth === 'offset=400' && extra ? 3 : 2;
          expect(statements.length).toBeLessThanOrEqual(max);
        }
      },
    );

    // Behind PgBouncer (transaction pooling) the session cache is off: every request checks.
    const cached = process.env[PGBOUNCER_PORT_ENV] ? it.skip : it;

    cached(
      'sends 1 statement for a single enriched trade once the session is known: the trade',
      async () => {
        await t.api.get('/api/auth/me').expect(200);
        const { statements } = await counter.during(() =>
          t.api.get(`/api/trades/${trades.t5.id}`).expect(200),
        );
        expect(statements).toHaveLength(1);
        expect(statements[0].text).toMatch(/ai_decisions/);
      },
    );

    cached(
      "sends the session check with a session's first request only (the instance remembers it)",
      async () => {
        const fresh = await t.login(t.user.username, TEST_PASSWORD);
        const first = await counter.during(() => fresh.api.get('/api/trades?limit=5').expect(200));
        expect(first.statements.map((s) => s.text)).toEqual([
          expect.stringMatching(/FROM sessions/),
          expect.stringMatching(/FROM trades/),
        ]);
        const second = await counter.during(() => fresh.api.get('/api/trades?limit=5').expect(200));
        expect(second.statements.map((s) => s.text)).toEqual([
          expect.stringMatching(/FROM trades/),
        ]);
      },
    );
  });
});
