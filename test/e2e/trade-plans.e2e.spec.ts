import { QueryCounter, Statement } from '../../bench/query-counter';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * The plans PostgreSQL picks for the list endpoint at 200k trades (200 users, the measured one
 * owning 50k, 100 strategies, 100k decisions): no sequential scan on trades for any filter, and the decision join uses its
 * index. The statements are captured from real requests and EXPLAINed with their parameters.
 */
describe('trade list plans at 200k trades (e2e)', () => {
  let t: TestApp;
  const counter = new QueryCounter();
  let strategyId: string;

  beforeAll(async () => {
    t = await startTestApp('plans');
    counter.install();
    await t.dataSource.query(`
      INSERT INTO users (username, password) SELECT 'seed' || g, 'x' FROM generate_series(1, 199) g;
      INSERT INTO strategies (name, type) SELECT 'strategy ' || g, 'momentum' FROM generate_series(1, 100) g;`);
    await t.dataSource.query(
      `WITH u AS (SELECT array_agg(id ORDER BY id) AS a FROM users WHERE username LIKE 'seed%'),
            s AS (SELECT array_agg(id ORDER BY id) AS a FROM strategies)
       INSERT INTO trades (user_id, strategy_id, symbol, side, quantity, price, executed_at, pnl)
       SELECT CASE WHEN g % 4 = 0 THEN $1::uuid ELSE u.a[1 + g % 199] END,
              s.a[1 + (g / 4) % 100], 'SYM' || (g % 500), CASE WHEN g % 2 = 0 THEN 'buy' ELSE 'sell' END,
              1 + g % 10, 100 + g % 50, timestamptz '2026-01-01' - (g || ' minutes')::interval, (g % 21) - 10
       FROM generate_series(1, 200000) g, u, s`,
      [t.user.id],
    );
    await t.dataSource.query(
      `INSERT INTO ai_decisions (user_id, symbol, action, executed_trade_id, created_at)
       SELECT user_id, symbol, 'buy', id, executed_at FROM trades WHERE random() < 0.5`,
    );
    await t.dataSource.query('ANALYZE');
    strategyId = (
      await t.dataSource.query(`SELECT strategy_id FROM trades WHERE user_id = $1 LIMIT 1`, [
        t.user.id,
      ])
    )[0].strategy_id;
  }, 180000);
  afterAll(async () => {
    counter.uninstall();
    await t?.close();
  });

  async function plansOf(url: string): Promise<string[]> {
    const { statements } = await counter.during(() => t.api.get(url).expect(200));
    const data = statements.filter((s: Statement) => /FROM "?trades"? /.test(s.text));
    expect(data.length).toBeGreaterThan(0);
    const plans: string[] = [];
    for (const s of data) {
      const rows: Array<{ 'QUERY PLAN': string }> = await t.dataSource.query(
        `EXPLAIN ${s.text}`,
        s.values,
      );
      plans.push(rows.map((r) => r['QUERY PLAN']).join('\n'));
      if (process.env.SHOW_PLANS) console.log(url, plans[plans.length - 1]);
    }
    return plans;
  }

  it.each([
    ['default order', '/api/trades?limit=100'],
    ['symbol', '/api/trades?symbol=SYM200&limit=100'],
    ['strategy', `/api/trades?strategyId=STRATEGY&limit=100`],
    ['date range', '/api/trades?startDate=2025-12-01&endDate=2025-12-15&limit=100'],
    ['pnl direction', '/api/trades?pnlDirection=loss&limit=100'],
    ['deep offset', '/api/trades?offset=900&limit=50'],
  ])('%s: no sequential scan on trades', async (_, url) => {
    const plans = await plansOf(url.replace('STRATEGY', strategyId));
    for (const plan of plans) {
      expect(plan).not.toMatch(/Seq Scan on trades/);
      expect(plan).toMatch(/Index (Only )?Scan|Bitmap Index Scan/);
    }
  });

  interface PlanNode {
    'Node Type': string;
    'Relation Name'?: string;
    'Actual Rows': number;
    'Actual Loops': number;
    'Rows Removed by Filter'?: number;
    Plans?: PlanNode[];
  }

  /** Rows PostgreSQL read from `table` to answer the list statement of `url` (EXPLAIN ANALYZE). */
  async function rowsRead(
    url: string,
    table: string,
  ): Promise<{ read: number; plan: string; pageRows: number | undefined }> {
    const { statements } = await counter.during(() => t.api.get(url).expect(200));
    const s = statements.find((x: Statement) => /FROM "?trades"? /.test(x.text))!;
    const [{ 'QUERY PLAN': json }] = await t.dataSource.query(
      `EXPLAIN (ANALYZE, FORMAT JSON) ${s.text}`,
      s.values,
    );
    let read = 0;
    const walk = (n: PlanNode) => {
      if (n['Relation Name'] === table)
        read += (n['Actual Rows'] + (n['Rows Removed by Filter'] ?? 0)) * n['Actual Loops'];
      n.Plans?.forEach(walk);
    };
    const root = (json as Array<{ Plan: PlanNode }>)[0].Plan;
    if (process.env.SHOW_PLANS) console.log(url, JSON.stringify(root, null, 1));
    walk(root);
    // The root assembles the page (one row of JSON text); whatever it reads is the page's window.
    expect(root['Node Type']).toBe('Aggregate');
    return { read, plan: JSON.stringify(root.Plans), pageRows: root.Plans?.[0]['Actual Rows'] };
  }

  // The planner may walk a less selective index in the list's order and filter (the measured user
  // owns a quarter of the table, so ~4 rows per row shown), but never the user's whole history.
  it.each([
    ['default order', '/api/trades?limit=100'],
    ['symbol', '/api/trades?symbol=SYM200&limit=100'],
    ['strategy', '/api/trades?strategyId=STRATEGY&limit=100'],
    ['date range', '/api/trades?startDate=2025-12-01&endDate=2025-12-15&limit=100'],
    ['pnl direction', '/api/trades?pnlDirection=loss&limit=100'],
    ['cursor page', '/api/trades?limit=100&cursor=CURSOR'],
  ])(
    '%s: reads a few pages of trades at most, never the history, and counts nothing',
    async (_, url) => {
      const cursor = (await t.api.get('/api/trades?limit=100&offset=20000').expect(200)).body
        .nextCursor as string;
      const { read, plan, pageRows } = await rowsRead(
        url.replace('STRATEGY', strategyId).replace('CURSOR', cursor),
        'trades',
      );
      expect(read).toBeGreaterThanOrEqual(101);
      expect(read).toBeLessThanOrEqual(1000);
      expect(pageRows).toBe(101);
      expect(plan).not.toMatch(/"Aggregate"/);
    },
  );

  it('with includeTotal, counts once (an uncorrelated subquery), still one statement', async () => {
    const { statements } = await counter.during(() =>
      t.api.get('/api/trades?limit=100&includeTotal=true').expect(200),
    );
    const data = statements.filter((x: Statement) => /FROM "?trades"? /.test(x.text));
    expect(data).toHaveLength(1);
    expect(data[0].text).toMatch(/count\(\*\)/i);
  });

  it('joins the latest decision through its index, not a scan of ai_decisions', async () => {
    const [plan] = await plansOf('/api/trades?limit=100');
    expect(plan).toMatch(/idx_ai_decisions_executed_trade/);
    expect(plan).not.toMatch(/Seq Scan on ai_decisions/);
  });
});
