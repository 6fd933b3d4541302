import fc from 'fast-check';
import { QueryCounter } from '../../bench/query-counter';
import { cascadeCountSql, countCascade } from '../../src/database/cascade-sql';
import { insertRow, metadataOf } from '../support/fixtures';
import { startTestApp, TestApp } from '../support/test-app';

/** A small deterministic PRNG (mulberry32), so a failing graph can be rebuilt from its seed. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let r = Math.imul(a ^ (a >>> 15), 1 | a);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

describe('delete previews equal what the delete removes (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    // Statement counts are compared across the file's tests: the session stays cached the whole
    // time (by default an entry lives 60 s, which a busy machine can outlast, and the next
    // request then sends one more statement, the session check).
    t = await startTestApp('preview', { AUTH_CACHE_SECONDS: '3600' });
  });
  afterAll(async () => t?.close());

  async function tableCounts(): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const m of t.dataSource.entityMetadatas) {
      counts[m.tableName] = Number(
        (await t.dataSource.query(`SELECT count(*)::int AS n FROM "${m.tableName}"`))[0].n,
      );
    }
    return counts;
  }

  /** A random graph across the cascading tables around one strategy, owned by the test user. */
  async function buildGraph(
    seed: number,
  ): Promise<{ strategy: string; trades: string[]; decisions: string[] }> {
    const random = rng(seed);
    const pick = <T>(xs: T[]): T => xs[Math.floor(random() * xs.length)];
    const m = t.dataSource.manager;
    const row = (table: string, values: Record<string, unknown> = {}) =>
      insertRow(m, metadataOf(t.dataSource, table), values);
    const userId = t.user.id;

    const strategy = String((await row('strategies')).id);
    const trades: string[] = [];
    const decisions: string[] = [];
    const orders: string[] = [];
    for (let i = 0; i < 2 + Math.floor(random() * 4); i++) {
      trades.push(
        String((await row('trades', { userId, strategyId: random() < 0.7 ? strategy : null })).id),
      );
    }
    for (let i = 0; i < 2 + Math.floor(random() * 5); i++) {
      const decision = await row('ai_decisions', {
        userId,
        strategyId: random() < 0.5 ? strategy : null,
        executedTradeId: random() < 0.7 ? pick(trades) : null,
      });
      decisions.push(String(decision.id));
    }
    for (let i = 0; i < 1 + Math.floor(random() * 4); i++) {
      const order = await row('orders', {
        userId,
        decisionId: random() < 0.6 ? pick(decisions) : null,
        tradeIntentId: random() < 0.5 ? pick(trades) : null,
      });
      orders.push(String(order.id));
      for (let f = 0; f < Math.floor(random() * 3); f++) await row('fills', { orderId: order.id });
    }
    // Trades that point back at orders close the cycle trade -> order -> trade.
    for (const trade of trades) {
      if (random() < 0.4)
        await m.query('UPDATE trades SET order_id = $1 WHERE id = $2', [pick(orders), trade]);
    }
    for (let i = 0; i < Math.floor(random() * 3); i++) {
      const outcome = await row('ai_trade_outcomes', {
        decisionId: pick(decisions),
        tradeId: random() < 0.5 ? pick(trades) : null,
      });
      if (random() < 0.5) await row('analysis_feedback', { tradeOutcomeId: outcome.id });
    }
    for (let i = 0; i < Math.floor(random() * 3); i++) {
      const item = await row('work_items', { decisionId: pick(decisions) });
      await row('work_item_runs', { workItemId: item.id });
    }
    for (let i = 0; i < Math.floor(random() * 3); i++)
      await row('ai_decision_features', { decisionId: pick(decisions) });
    for (let i = 0; i < Math.floor(random() * 2); i++) {
      const run = await row('backtest_runs', { strategyId: strategy });
      await row('backtest_trade_events', { runId: run.id });
      await row('backtest_equity_curve', { runId: run.id });
    }
    if (random() < 0.5) await row('strategy_versions', { strategyId: strategy, version: 1 });
    if (random() < 0.5) await row('positions', { userId, strategyId: strategy });
    return { strategy, trades, decisions };
  }

  /**
   * Users preview and delete their own rows; platform data (strategies) is deleted by an admin,
   * with force, since users' rows depend on it.
   */
  async function expectPreviewEqualsDelete(url: string): Promise<Record<string, number>> {
    const platform = url.startsWith('/api/strategies');
    const client = platform ? t.admin.api : t.api;
    const force = platform ? '&force=true' : '';
    const before = await tableCounts();
    const preview = (await client.delete(`${url}?dryRun=true${force}`).expect(200)).body
      .wouldDelete as Record<string, number>;
    // The dry run deleted nothing (it only added its own audit row).
    const withoutAudit = ({ audit_logs: _audit, ...rest }: Record<string, number>) => rest;
    expect(withoutAudit(await tableCounts())).toEqual(withoutAudit(before));
    await client.delete(`${url}?force=${platform}`).expect(204);
    const after = await tableCounts();
    const removed: Record<string, number> = {};
    for (const table of Object.keys(before)) {
      if (table === 'audit_logs') continue;
      const n = before[table] - after[table];
      if (n > 0) removed[table] = n;
    }
    expect(preview).toEqual(removed);
    return preview;
  }

  it.each([1, 2, 3, 4, 5, 6])(
    'graph seed %i: trade, decision and strategy previews match',
    async (seed) => {
      const g = await buildGraph(seed);
      const tradePreview = await expectPreviewEqualsDelete(`/api/trades/${g.trades[0]}`);
      expect(tradePreview.trades).toBeGreaterThanOrEqual(1);
      const remaining = (await t.dataSource.query(
        'SELECT id FROM ai_decisions WHERE id = ANY($1)',
        [g.decisions],
      )) as Array<{ id: string }>;
      if (remaining.length > 0)
        await expectPreviewEqualsDelete(`/api/ai-decisions/${remaining[0].id}`);
      const strategyPreview = await expectPreviewEqualsDelete(`/api/strategies/${g.strategy}`);
      expect(strategyPreview.strategies).toBe(1);
    },
  );

  it('counts the cascade in one statement whatever its size, on the typed keys (no casts, no id lists)', async () => {
    const counter = new QueryCounter().install();
    try {
      const small = await buildGraph(7);
      const previewOf = async (url: string) => {
        // As an admin: strategies are platform data, and an admin's preview counts every row.
        const { result, statements } = await counter.during(() =>
          t.admin.api.delete(`${url}?dryRun=true&force=true`).expect(200),
        );
        const previews = statements.filter((s) => /WITH RECURSIVE/.test(s.text));
        return {
          body: result.body as { wouldDelete: Record<string, number> },
          statements,
          previews,
        };
      };
      const before = await previewOf(`/api/strategies/${small.strategy}`);
      // A strategy with 3,000 trades more: the same statements, and no id travels to the service.
      await t.dataSource.query(
        `INSERT INTO trades (user_id, strategy_id, symbol, side, quantity, price)
         SELECT $1, $2, 'BULK', 'buy', 1, 1 FROM generate_series(1, 3000)`,
        [t.user.id, small.strategy],
      );
      const after = await previewOf(`/api/strategies/${small.strategy}`);
      expect(after.body.wouldDelete.trades).toBe((before.body.wouldDelete.trades ?? 0) + 3000);
      // The counter sees every statement of the process: one of the app's background statements
      // can fall into either window (CI saw 7 against 8, both ways round). What must not grow
      // with the cascade's size is the request's own work: still one counting statement, the
      // same count give or take that one.
      expect(Math.abs(after.statements.length - before.statements.length)).toBeLessThanOrEqual(1);
      expect(after.previews).toHaveLength(1);
      expect(after.previews[0].text).not.toMatch(/::text/);
      expect(after.previews[0].values).toEqual([small.strategy]);
    } finally {
      counter.uninstall();
    }
  });

  it('previews of user and strategy deletes equal the delete when the cascade cycle crosses users', async () => {
    // Rows of one user's cycle (trades, decisions, orders, work items) point at other users'
    // rows, so a user's or a strategy's delete reaches rows one and more keys deep into the
    // cycle that it does not own. There is no dry run for users in the API: the statement is
    // checked directly against the delete, rolled back.
    const ds = t.dataSource;
    const tables = ds.entityMetadatas.map((m) => m.tableName);
    const row = async (table: string, values: Record<string, unknown> = {}) =>
      String((await insertRow(ds.manager, metadataOf(ds, table), values)).id);
    class Rollback extends Error {}
    let checked = 0;
    for (let seed = 1; seed <= 12; seed++) {
      const random = rng(seed);
      const pick = <T>(xs: T[]): T => xs[Math.floor(random() * xs.length)];
      const maybe = <T>(p: number, xs: T[]): T | null =>
        xs.length > 0 && random() < p ? pick(xs) : null;
      const users = [await row('users'), await row('users'), await row('users')];
      const strategies = [await row('strategies'), await row('strategies')];
      const trades: string[] = [];
      for (let i = 0; i < 4 + Math.floor(random() * 5); i++)
        trades.push(
          await row('trades', { userId: pick(users), strategyId: maybe(0.6, strategies) }),
        );
      const decisions: string[] = [];
      for (let i = 0; i < 3 + Math.floor(random() * 5); i++)
        decisions.push(
          await row('ai_decisions', {
            userId: pick(users),
            strategyId: maybe(0.4, strategies),
            executedTradeId: maybe(0.7, trades),
          }),
        );
      const items: string[] = [];
      for (let i = 0; i < Math.floor(random() * 3); i++)
        items.push(await row('work_items', { decisionId: maybe(0.8, decisions) }));
      const orders: string[] = [];
      for (let i = 0; i < 2 + Math.floor(random() * 4); i++) {
        const order = await row('orders', {
          userId: pick(users),
          decisionId: maybe(0.5, decisions),
          tradeIntentId: maybe(0.5, trades),
          workItemId: maybe(0.4, items),
        });
        orders.push(order);
        if (random() < 0.5) await row('fills', { orderId: order });
      }
      for (const trade of trades)
        if (random() < 0.5)
          await ds.query('UPDATE trades SET order_id = $1 WHERE id = $2', [pick(orders), trade]);
      for (let i = 0; i < Math.floor(random() * 3); i++)
        await row('ai_trade_outcomes', {
          decisionId: pick(decisions),
          tradeId: maybe(0.5, trades),
          strategyId: maybe(0.5, strategies),
        });

      const roots: Array<[string, string]> = [
        ...users.map((id): [string, string] => ['users', id]),
        ...strategies.map((id): [string, string] => ['strategies', id]),
        ['orders', pick(orders)],
      ];
      for (const [table, id] of roots) {
        const sql = cascadeCountSql(metadataOf(ds, table), ds.entityMetadatas);
        await ds
          .transaction(async (m) => {
            const counts = async () => {
              const n: Record<string, number> = {};
              for (const x of tables)
                n[x] = Number((await m.query(`SELECT count(*)::int AS n FROM "${x}"`))[0].n);
              return n;
            };
            const preview = Object.fromEntries(
              (await countCascade((text, params) => m.query(text, params), sql, id))
                .filter((r) => Number(r.n) > 0)
                .map((r) => [r.tbl, Number(r.n)]),
            );
            const before = await counts();
            await m.query(`DELETE FROM "${table}" WHERE id = $1`, [id]);
            const after = await counts();
            const removed = Object.fromEntries(
              tables.filter((x) => before[x] > after[x]).map((x) => [x, before[x] - after[x]]),
            );
            expect({ seed, table, preview }).toEqual({ seed, table, preview: removed });
            checked++;
            throw new Rollback();
          })
          .catch((e: unknown) => {
            if (!(e instanceof Rollback)) throw e;
          });
      }
    }
    expect(checked).toBe(12 * 6);
  });

  it('answers 404 for a preview of something that does not exist or is not the caller’s', async () => {
    const other = await t.newUser('other');
    const g = await buildGraph(99);
    await other.api.delete(`/api/trades/${g.trades[0]}?dryRun=true`).expect(404);
    await other.api.delete(`/api/ai-decisions/${g.decisions[0]}?dryRun=true`).expect(404);
    await t.admin.api
      .delete('/api/strategies/6f1c2a9e-7b4d-4e8f-9a6b-1c2d3e4f5a6b?dryRun=true')
      .expect(404);
    // Users do not delete platform data, so they get no preview of it either.
    await t.api.delete(`/api/strategies/${g.strategy}?dryRun=true`).expect(403);
    await t.api.delete(`/api/trades/${g.trades[0]}?dryRun=maybe`).expect(400);
  });

  it('delete fuzz: random graphs and random deletes keep every foreign key orphan-free, previews exact', async () => {
    let deletes = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1000, max: 1_000_000 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
        async (seed, picks) => {
          const g = await buildGraph(seed);
          const extra = async (table: string, path: string) =>
            (
              (await t.dataSource.query(
                `SELECT id FROM ${table} ORDER BY random() LIMIT 2`,
              )) as Array<{ id: string }>
            ).map((r) => `/api/${path}/${r.id}`);
          const targets = [
            ...g.trades.map((id) => `/api/trades/${id}`),
            ...g.decisions.map((id) => `/api/ai-decisions/${id}`),
            `/api/strategies/${g.strategy}`,
            ...(await extra('work_items', 'work-items')),
            ...(await extra('backtest_runs', 'backtests')),
            ...(await extra('debate_sessions', 'debate-sessions')),
          ];
          for (const pick of picks) {
            const url = targets[pick % targets.length];
            const exists =
              (await t.admin.api.get(url)).status === 200 || (await t.api.get(url)).status === 200;
            if (!exists) continue;
            const client =
              url.startsWith('/api/trades') || url.startsWith('/api/ai-decisions')
                ? t.api
                : t.admin.api;
            if (client !== t.api) {
              // Admins delete platform data that users' rows depend on only with force.
              const preview = (await client.delete(`${url}?dryRun=true&force=true`).expect(200))
                .body.wouldDelete as Record<string, number>;
              const before = await tableCounts();
              await client.delete(`${url}?force=true`).expect(204);
              const after = await tableCounts();
              const removed = Object.fromEntries(
                Object.keys(before)
                  .filter((k) => k !== 'audit_logs' && before[k] > after[k])
                  .map((k) => [k, before[k] - after[k]]),
              );
              expect(preview).toEqual(removed);
            } else {
              await expectPreviewEqualsDelete(url);
            }
            deletes++;
            const orphans = (await t.admin.api.get('/api/admin/db/orphans').expect(200)).body;
            expect(orphans.ok).toBe(true);
          }
        },
      ),
      {
        numRuns: Number(process.env.DELETE_FUZZ_RUNS ?? 8),
        seed: process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined,
      },
    );
    expect(deletes).toBeGreaterThan(0);
    process.stdout.write(`delete fuzz: ${deletes} deletes, orphan counts all zero\n`);
  }, 300_000);
});
