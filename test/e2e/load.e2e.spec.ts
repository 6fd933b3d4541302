import { percentile } from '../../bench/load';
import { until } from '../support/until';
import { freePort, startBuilt, stopAllBuilt } from '../support/built-app';
import { createTestDatabase, TestDatabase } from '../support/test-database';

/**
 * Mixed reads and writes from 32 concurrent clients against the built server: each client makes
 * LOAD_OPS requests (25 in `npm test`, so a run is the same work on a fast or a slow machine), and
 * keeps going for LOAD_SECONDS when that is set (`npm run test:soak`: 120 s). No errors, every
 * request made, no connection leak (the pool is back to idle and nothing waits), and a p95 bound
 * that catches a stuck request (a lock wait, a starved pool), not slowness: speed is measured by
 * `npm run bench`, never here.
 */
const OPS = Number(process.env.LOAD_OPS ?? 25);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 0);
const CLIENTS = 32;
/** 32 clients on 2 busy cores queue ~32 requests deep; a request stuck on a lock takes far longer. */
const P95_BOUND_MS = 5000;

describe(`load: ${CLIENTS} clients, mixed reads and writes (built process)`, () => {
  let db: TestDatabase;
  afterAll(async () => {
    await stopAllBuilt();
    await db?.drop();
  });

  it(
    'serves without errors and leaves the pool idle',
    async () => {
      db = await createTestDatabase('load');
      const server = await startBuilt({
        DATABASE_URL: db.url,
        PORT: String(await freePort()),
        ADMIN_USERNAME: 'loadadmin',
        ADMIN_PASSWORD: 'load admin password',
        LOGIN_MAX_FAILURES: '1000',
        // Its clients sign up from one address.
        SIGNUP_MAX_PER_ADDRESS: '1000000',
      });
      const json = { 'content-type': 'application/json' };
      const call = async (method: string, path: string, token?: string, body?: unknown) => {
        const r = await fetch(`${server.url}${path}`, {
          method,
          headers: { ...json, ...(token ? { authorization: `Bearer ${token}` } : {}) },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        const text = await r.text();
        return {
          status: r.status,
          body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
        };
      };
      const admin = (
        await call('POST', '/api/auth/login', undefined, {
          username: 'loadadmin',
          password: 'load admin password',
        })
      ).body.token as string;
      const strategy = (await call('POST', '/api/strategies', admin, { name: 'load', type: 'x' }))
        .body.id as string;

      const latencies: number[] = [];
      const failures: string[] = [];
      const started = Date.now();
      const deadline = started + SECONDS * 1000;
      const client = async (n: number) => {
        const name = `loader${n}`;
        await call('POST', '/api/auth/signup', undefined, {
          username: name,
          password: 'load password 123',
        });
        const token = (
          await call('POST', '/api/auth/login', undefined, {
            username: name,
            password: 'load password 123',
          })
        ).body.token as string;
        let i = 0;
        while (i < OPS || Date.now() < deadline) {
          i++;
          const op = i % 10;
          const t0 = performance.now();
          const r =
            op < 4
              ? await call('GET', '/api/trades?limit=50', token)
              : op < 7
                ? await call('POST', '/api/trades', token, {
                    symbol: `L${n}`,
                    side: 'buy',
                    quantity: 1,
                    price: '10.5',
                    strategyId: strategy,
                  })
                : op < 8
                  ? await call('POST', '/api/positions/sync', token, {
                      positions: [
                        {
                          symbol: `L${n}`,
                          qty: String(i),
                          avg_entry_price: '10',
                          current_price: '11',
                          unrealized_pl: '1',
                          side: 'long',
                        },
                      ],
                    })
                  : op < 9
                    ? await call('GET', `/api/strategies/${strategy}`, token)
                    : await call('GET', '/api/ai-decisions?limit=20', token);
          latencies.push(performance.now() - t0);
          if (r.status >= 400) failures.push(`${r.status} ${JSON.stringify(r.body)}`);
        }
      };
      await Promise.all(Array.from({ length: CLIENTS }, (_, n) => client(n)));

      const sorted = latencies.sort((a, b) => a - b);
      process.stdout.write(
        `load: ${latencies.length} requests from ${CLIENTS} clients in ${((Date.now() - started) / 1000).toFixed(1)} s, ${failures.length} errors, ` +
          `p50 ${percentile(sorted, 50).toFixed(1)} ms, p95 ${percentile(sorted, 95).toFixed(1)} ms, p99 ${percentile(sorted, 99).toFixed(1)} ms\n`,
      );
      expect(latencies.length).toBeGreaterThanOrEqual(CLIENTS * OPS);
      expect(failures.slice(0, 5)).toEqual([]);
      expect(percentile(sorted, 95)).toBeLessThan(P95_BOUND_MS);

      // No leak: nothing waits for a connection and every pooled connection is idle again.
      // Connections return to the pool as their last responses finish: wait for that, not a delay.
      const stats = await until('the pool is idle again', async () => {
        const s = (await call('GET', '/api/admin/db/stats', admin)).body as {
          pool: { total: number; idle: number; waiting: number };
        };
        // The stats request's own connection is the one in use.
        return s.pool.waiting === 0 && s.pool.total - s.pool.idle <= 1 ? s : undefined;
      });
      expect(stats.pool.waiting).toBe(0);
      expect(stats.pool.total - stats.pool.idle).toBeLessThanOrEqual(1);
      expect(await server.stop('SIGTERM')).toBe(0);
    },
    (SECONDS + 240) * 1000,
  );
});
