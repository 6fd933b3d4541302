import { createServer, Server } from 'node:http';
import { Pool } from 'pg';

/**
 * The old platform's trade list, kept here as the baseline and never in the app: one query for
 * the page, then, per trade, one for its AI decision and one for its strategy. Served over plain
 * node:http with the same JSON shape, so only the query strategy differs.
 */
export function startNPlusOneServer(
  databaseUrl: string,
  userId: string,
): Promise<{ server: Server; url: string; pool: Pool }> {
  const pool = new Pool({ connectionString: databaseUrl, max: 20 });
  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://x');
      const limit = Number(url.searchParams.get('limit') ?? 50);
      const page = await pool.query(
        `SELECT * FROM trades WHERE user_id = $1 ORDER BY executed_at DESC, id DESC LIMIT $2`,
        [userId, limit],
      );
      const total = await pool.query('SELECT count(*) FROM trades WHERE user_id = $1', [userId]);
      const items = [];
      for (const t of page.rows) {
        const d = await pool.query(
          `SELECT id, symbol, action, confidence, reasoning, status, created_at FROM ai_decisions
           WHERE executed_trade_id = $1 ORDER BY created_at DESC LIMIT 1`,
          [t.id],
        );
        const s = t.strategy_id
          ? await pool.query('SELECT name FROM strategies WHERE id = $1', [t.strategy_id])
          : null;
        items.push({ ...t, strategyName: s?.rows[0]?.name ?? null, aiDecision: d.rows[0] ?? null });
      }
      res.setHeader('content-type', 'application/json');
      res.end(
        JSON.stringify({
          items,
          total: Number(total.rows[0].count),
          limit,
          offset: 0,
          nextCursor: null,
        }),
      );
    })().catch((e: unknown) => {
      res.statusCode = 500;
      res.end(String(e));
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({ server, url: `http://127.0.0.1:${port}`, pool });
    });
  });
}

/** Run as its own process (`node dist/bench/n-plus-one.js`), so the load generator does not share its event loop. */
if (require.main === module) {
  const { DATABASE_URL, BENCH_USER_ID } = process.env;
  if (!DATABASE_URL || !BENCH_USER_ID)
    throw new Error('DATABASE_URL and BENCH_USER_ID are required');
  void startNPlusOneServer(DATABASE_URL, BENCH_USER_ID).then(({ url }) =>
    process.stdout.write(`${url}\n`),
  );
}
