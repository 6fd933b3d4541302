import type { DataSource } from 'typeorm';

export interface Scale {
  trades: number;
  decisions: number;
  strategies: number;
  users: number;
  assets: number;
}

export const FULL_SCALE: Scale = {
  trades: 1_000_000,
  decisions: 500_000,
  strategies: 1_000,
  users: 200,
  assets: 10_000,
};
export const QUICK_SCALE: Scale = {
  trades: 20_000,
  decisions: 10_000,
  strategies: 100,
  users: 20,
  assets: 1_000,
};

/**
 * Generates the data set in SQL (generate_series), reproducibly: every value is a function of
 * the row number (and setseed for the few random choices). `benchUserId`, the user the
 * scenarios run as, owns a tenth of the trades (so that deep pages exist), spread like everyone
 * else's over five years.
 */
export async function seed(ds: DataSource, scale: Scale, benchUserId: string): Promise<number> {
  const t0 = performance.now();
  await ds.query('SELECT setseed(0.42)');
  await ds.query(
    `INSERT INTO users (username, password) SELECT 'bench-user-' || g, 'x' FROM generate_series(2, $1) g`,
    [scale.users],
  );
  await ds.query(
    `INSERT INTO strategies (name, type, is_active)
     SELECT 'strategy ' || g, (ARRAY['momentum','mean_reversion','breakout','pairs'])[1 + g % 4], g % 3 = 0
     FROM generate_series(1, $1) g`,
    [scale.strategies],
  );
  await ds.query(
    `WITH u AS (SELECT array_agg(id ORDER BY username) AS a FROM users WHERE id = $1 OR username LIKE 'bench-user-%'),
          s AS (SELECT array_agg(id ORDER BY name) AS a FROM strategies)
     INSERT INTO trades (user_id, strategy_id, symbol, side, quantity, price, executed_at, pnl, status)
     SELECT CASE WHEN g % 10 = 0 THEN $1::uuid ELSE u.a[1 + g % $3] END, CASE WHEN g % 7 = 3 THEN NULL ELSE s.a[1 + (g * 7) % $4] END,
            'SYM' || (g % 2000), CASE WHEN g % 2 = 0 THEN 'buy' ELSE 'sell' END,
            (1 + g % 100)::numeric, (10 + (g % 5000) / 10.0)::numeric,
            timestamptz '2026-11-01' - ((g::float / $2) * interval '5 years'),
            ((g % 201) - 100)::numeric / 4, 'completed'
     FROM generate_series(1, $2) g, u, s`,
    [benchUserId, scale.trades, scale.users, scale.strategies],
  );
  // Half the trades get a decision; one trade in fifty gets a second, later one.
  await ds.query(
    `INSERT INTO ai_decisions (user_id, strategy_id, symbol, action, confidence, reasoning, status, executed_trade_id, created_at)
     SELECT user_id, strategy_id, symbol, CASE WHEN side = 'buy' THEN 'buy' ELSE 'sell' END,
            round(random()::numeric, 3), 'signal agreement', 'executed', id, executed_at - interval '1 minute'
     FROM trades ORDER BY executed_at LIMIT $1`,
    [scale.decisions],
  );
  await ds.query(
    `INSERT INTO ai_decisions (user_id, symbol, action, status, executed_trade_id, created_at)
     SELECT user_id, symbol, 'hold', 'executed', executed_trade_id, created_at + interval '10 seconds'
     FROM ai_decisions WHERE executed_trade_id IS NOT NULL AND abs(hashtext(id::text)) % 50 = 0`,
  );
  await ds.query(
    `INSERT INTO broker_assets (alpaca_id, symbol, name, asset_class, exchange, status, tradable)
     SELECT 'seed-' || g, 'SEED' || g, 'Seed asset ' || g, 'us_equity', 'NASDAQ', 'active', g % 2 = 0
     FROM generate_series(1, $1) g`,
    [scale.assets],
  );
  // As autovacuum would by now: sets the visibility map, so counts can use index-only scans.
  await ds.query('VACUUM ANALYZE');
  return performance.now() - t0;
}
