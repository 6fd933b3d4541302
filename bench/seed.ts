import type { DataSource } from 'typeorm';
import { hashPassword } from '../src/users/password';

export interface Scale {
  trades: number;
  strategies: number;
  users: number;
  assets: number;
}

export const FULL_SCALE: Scale = {
  trades: 1_000_000,
  strategies: 1_000,
  users: 200,
  assets: 10_000,
};
export const QUICK_SCALE: Scale = { trades: 20_000, strategies: 100, users: 20, assets: 1_000 };

/** The two measured users: one with a long history (30% of the trades), one with a short one (0.3%). */
export const LONG_USER = 'bench-long';
export const SHORT_USER = 'bench-short';
/** Broker assets are platform data: an admin writes them (the access policy). */
export const ADMIN_USER = 'bench-admin';

export interface Seeded {
  ms: number;
  longId: string;
  shortId: string;
  longTrades: number;
  shortTrades: number;
  decisions: number;
}

/**
 * Generates the data set in SQL (generate_series), reproducibly: every value is a function of
 * the row number. Trade g belongs to the long-history user when g % 1000 < 300, to the
 * short-history one when it is 300..302, else to one of the other users; every user's trades
 * are spread over the same five years and interleaved on disk, so both measured users have the
 * same data shape and differ only in history size. 30% of the trades carry an AI decision, one
 * in fifty of those a second, later one.
 */
export async function seed(ds: DataSource, scale: Scale, password: string): Promise<Seeded> {
  const t0 = performance.now();
  const hash = await hashPassword(password);
  await ds.query(
    `INSERT INTO users (username, password, is_admin) VALUES ($1, $4, false), ($2, $4, false), ($3, $4, true)`,
    [LONG_USER, SHORT_USER, ADMIN_USER, hash],
  );
  await ds.query(
    `INSERT INTO users (username, password) SELECT 'bench-user-' || g, 'x' FROM generate_series(3, $1) g`,
    [scale.users],
  );
  await ds.query(
    `INSERT INTO strategies (name, type, is_active)
     SELECT 'strategy ' || g, (ARRAY['momentum','mean_reversion','breakout','pairs'])[1 + g % 4], g % 3 = 0
     FROM generate_series(1, $1) g`,
    [scale.strategies],
  );
  const [{ long_id: longId, short_id: shortId }] = (await ds.query(
    `SELECT (SELECT id FROM users WHERE username = $1) AS long_id, (SELECT id FROM users WHERE username = $2) AS short_id`,
    [LONG_USER, SHORT_USER],
  )) as Array<{ long_id: string; short_id: string }>;
  await ds.query(
    `WITH o AS (SELECT array_agg(id ORDER BY username) AS a FROM users WHERE username LIKE 'bench-user-%'),
          s AS (SELECT array_agg(id ORDER BY name) AS a FROM strategies)
     INSERT INTO trades (user_id, strategy_id, symbol, side, quantity, price, executed_at, pnl, status)
     SELECT CASE WHEN g % 1000 < 300 THEN $1::uuid WHEN g % 1000 < 303 THEN $2::uuid
                 ELSE o.a[1 + g % cardinality(o.a)] END,
            CASE WHEN g % 7 = 3 THEN NULL ELSE s.a[1 + (g * 7) % cardinality(s.a)] END,
            'SYM' || (g % 2000), CASE WHEN g % 2 = 0 THEN 'buy' ELSE 'sell' END,
            (1 + g % 100)::numeric, (10 + (g % 5000) / 10.0)::numeric,
            timestamptz '2026-11-01' - ((g::float / $3) * interval '5 years'),
            ((g % 201) - 100)::numeric / 4, 'completed'
     FROM generate_series(1, $3) g, o, s`,
    [longId, shortId, scale.trades],
  );
  await ds.query(
    `INSERT INTO ai_decisions (user_id, strategy_id, symbol, action, confidence, reasoning, status, executed_trade_id, created_at)
     SELECT user_id, strategy_id, symbol, CASE WHEN side = 'buy' THEN 'buy' ELSE 'sell' END,
            ((abs(hashtext(id::text)) % 1000) / 1000.0)::numeric(4,3), 'signal agreement', 'executed', id,
            executed_at - interval '1 minute'
     FROM trades WHERE abs(hashtext(id::text)) % 10 < 3`,
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
  const count = async (sql: string, params: unknown[] = []) =>
    Number(((await ds.query(sql, params)) as Array<{ n: string }>)[0].n);
  return {
    ms: performance.now() - t0,
    longId,
    shortId,
    longTrades: await count('SELECT count(*) AS n FROM trades WHERE user_id = $1', [longId]),
    shortTrades: await count('SELECT count(*) AS n FROM trades WHERE user_id = $1', [shortId]),
    decisions: await count('SELECT count(*) AS n FROM ai_decisions'),
  };
}
