import { createHmac, randomBytes } from 'node:crypto';
import type { INestApplication, LoggerService } from '@nestjs/common';
import request from 'supertest';
import { createApp } from '../../src/app.factory';
import { ConfigError, loadConfig } from '../../src/config/app-config';
import { startTestApp, TestApp, TestUser } from '../support/test-app';

/**
 * List cursors are issued by the API only (issue 23 hole 7): signed, and bound to the list (path
 * and filters) and the caller. Everything here goes through HTTP; the rotation and shared-key
 * cases start more instances of the app on the test's database.
 */

const SECRET_A = `a-${randomBytes(24).toString('hex')}`;
const SECRET_B = `b-${randomBytes(24).toString('hex')}`;
const UUID = '00000000-0000-4000-8000-000000000000';

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
/** The key part of a cursor the API issued: base64url JSON, before the signature (if any). */
const keyOf = (cursor: string) => (cursor.includes('.') ? cursor.split('.')[0] : cursor);

/** Anything that sends a GET: the test's supertest agent, or another instance's. */
interface Http {
  get(url: string): request.Test;
}

interface Page {
  items: Array<{ id: string }>;
  nextCursor: string | null;
  hasMore: boolean;
}

/** Logs kept in memory, to show what an instance wrote while it started and served. */
class CapturingLogger implements LoggerService {
  readonly lines: string[] = [];
  private keep = (...args: unknown[]) => {
    this.lines.push(args.map((a) => (a instanceof Error ? a.stack : String(a))).join(' '));
  };
  log = this.keep;
  error = this.keep;
  warn = this.keep;
  debug = this.keep;
  verbose = this.keep;
  fatal = this.keep;
}

describe('list cursors (e2e)', () => {
  let t: TestApp;
  let other: TestUser;
  const extra: INestApplication[] = [];

  /** Another instance of the app on the test's database, with these variables. */
  async function instance(
    env: Record<string, string> = {},
    logger: LoggerService | false = false,
  ): Promise<Http> {
    const config = loadConfig({
      DATABASE_URL: t.config.databaseUrl!,
      DB_PGBOUNCER: String(t.config.db.pgbouncer),
      // Several instances at once on a shared machine: small pools.
      DB_POOL_MAX: '4',
      LOG_LEVEL: logger ? 'verbose' : 'error',
      MAINTENANCE_INTERVAL_MINUTES: '0',
      ...env,
    });
    const app = await createApp(config, logger);
    extra.push(app);
    await app.init();
    return request.agent(app.getHttpServer());
  }

  const as = (http: Http, user: TestUser, url: string) =>
    http.get(url).set('Authorization', `Bearer ${user.token}`);

  /** A page of `url` through the test's own instance, as `user`. */
  async function page(url: string, user: TestUser = t.user, status = 200): Promise<Page> {
    const r = await as(t.http, user, url);
    expect(r.status).toBe(status);
    return r.body as Page;
  }

  /** The 400 of a cursor the API refuses: the contract's code, naming the field, never a 500. */
  function expectRefused(r: request.Response): void {
    expect({ status: r.status, code: r.body.code }).toEqual({
      status: 400,
      code: 'VALIDATION_FAILED',
    });
    expect(r.body.details).toEqual([{ field: 'cursor', messages: [expect.any(String)] }]);
  }

  beforeAll(async () => {
    t = await startTestApp('cursors');
    other = await t.newUser('other');
    // 7 trades for the user, AAPL and MSFT alternating, one a day; 5 strategies (platform data).
    for (let i = 0; i < 7; i++) {
      await t.api
        .post('/api/trades')
        .send({
          symbol: i % 2 ? 'MSFT' : 'AAPL',
          side: 'buy',
          quantity: i + 1,
          price: '10',
          executedAt: new Date(Date.UTC(2026, 0, 1 + i, 12)).toISOString(),
        })
        .expect(201);
    }
    for (let i = 0; i < 5; i++) {
      await t.admin.api
        .post('/api/strategies')
        .send({ name: `S${i}`, type: 'momentum' })
        .expect(201);
    }
  });
  afterEach(async () => {
    for (const app of extra.splice(0)) await app.close();
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('cursors the API issued', () => {
    it.each([
      ['/api/trades', 7],
      ['/api/trades?symbol=AAPL', 4],
      ['/api/strategies', 5],
    ])('page through %s: every row exactly once', async (list, expected) => {
      const sep = list.includes('?') ? '&' : '?';
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const p: Page = await page(`${list}${sep}limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        seen.push(...p.items.map((i) => i.id));
        cursor = p.nextCursor;
        if (cursor) expect(cursor).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
      } while (cursor);
      expect(seen).toHaveLength(expected);
      expect(new Set(seen).size).toBe(expected);
    });

    it('may change the page size and ask for the total between pages (paging, not filters)', async () => {
      const first = await page('/api/trades?symbol=AAPL&limit=2');
      const next = await page(
        `/api/trades?symbol=AAPL&limit=1&includeTotal=true&offset=3&cursor=${first.nextCursor}`,
      );
      expect(next.items).toHaveLength(1);
      expect(first.items.map((i) => i.id)).not.toContain(next.items[0].id);
    });
  });

  describe('cursors the API did not issue', () => {
    let real: string;
    let stored: string;
    beforeAll(async () => {
      real = (await page('/api/trades?limit=2')).nextCursor!;
      // (Caught: the check of this file against the code before signed cursors has no table.)
      const rows = await t.dataSource
        .query<Array<{ value: string }>>(`SELECT value FROM server_secrets WHERE name = 'cursor'`)
        .catch(() => []);
      stored = rows[0]?.value ?? 'no stored key';
    });

    /** A cursor for the user's unfiltered GET /api/trades, signed as the API signs, with `key`. */
    function signed(key: string, payload: string): string {
      const binding = JSON.stringify(['GET', '/api/trades', [], ['user', t.user.id, '']]);
      const mac = createHmac('sha256', key)
        .update('ledgerline list cursor v1')
        .update('\0')
        .update(binding)
        .update('\0')
        .update(payload)
        .digest('base64url');
      return `${payload}.${mac}`;
    }

    it('accepts what the API signed, signed the same way with its own key (so what follows is about the key)', async () => {
      expect(signed(stored, keyOf(real))).toBe(real);
      await page(`/api/trades?cursor=${signed(stored, keyOf(real))}`);
    });

    const forged: Array<[string, () => string]> = [
      [
        'a signature with one character changed',
        () => real.slice(0, -1) + (real.endsWith('A') ? 'B' : 'A'),
      ],
      [
        'the key changed under the real signature',
        () => `${b64([`2026-01-09 12:00:00+00`, UUID])}.${real.split('.')[1]}`,
      ],
      ['the unsigned cursor of earlier releases', () => keyOf(real)],
      ['no signature at all', () => `${keyOf(real)}.`],
      ['the same key and binding signed with another key', () => signed(SECRET_A, keyOf(real))],
      ['an extended year (+275760)', () => b64(['+275760-09-13T00:00:00.000Z', UUID])],
      [
        'an extended year with a made-up signature',
        () => `${b64(['+275760-09-13T00:00:00.000Z', UUID])}.${'A'.repeat(43)}`,
      ],
      ['a GMT+1400 zone', () => b64(['Sat Jan 10 2026 00:00:00 GMT+1400', UUID])],
      ['a date PostgreSQL cannot hold', () => b64(['-271821-04-20T00:00:00.000Z', UUID])],
      ['garbage', () => 'bogus'],
    ];

    it.each(forged)('refuses %s with 400 on every kind of list', async (_what, make) => {
      const cursor = encodeURIComponent(make());
      for (const list of ['/api/trades', '/api/strategies', '/api/ai-decisions', '/api/orders']) {
        expectRefused(await as(t.http, t.user, `${list}?cursor=${cursor}`));
      }
    });

    it('refuses a cursor on another list', async () => {
      for (const list of [
        '/api/ai-decisions',
        '/api/orders',
        '/api/positions',
        '/api/strategies',
      ]) {
        expectRefused(await as(t.http, t.user, `${list}?cursor=${real}`));
      }
      const strategies = (await page('/api/strategies?limit=2')).nextCursor!;
      expectRefused(await as(t.http, t.user, `/api/trades?cursor=${strategies}`));
    });

    it('refuses a cursor with other filters than it was issued for', async () => {
      const aapl = (await page('/api/trades?symbol=AAPL&limit=2')).nextCursor!;
      for (const qs of ['symbol=MSFT', '', 'symbol=AAPL&pnlDirection=all', `strategyId=${UUID}`]) {
        expectRefused(await as(t.http, t.user, `/api/trades?${qs}&cursor=${aapl}`));
      }
      expectRefused(await as(t.http, t.user, `/api/trades?symbol=MSFT&cursor=${real}`));
      // The same filters page on.
      await page(`/api/trades?symbol=AAPL&limit=2&cursor=${aapl}`);
    });

    it('refuses a cursor to another caller: another user, an admin, a service acting as the user', async () => {
      const strategies = (await page('/api/strategies?limit=2')).nextCursor!;
      for (const [list, cursor] of [
        ['/api/trades', real],
        ['/api/strategies', strategies],
      ]) {
        expectRefused(await as(t.http, other, `${list}?cursor=${cursor}`));
        expectRefused(await as(t.http, t.admin, `${list}?cursor=${cursor}`));
      }
      const key = (
        await t.admin.api
          .post('/api/admin/api-keys')
          .send({ name: 'cursor-svc', scopes: ['act-as-user'] })
          .expect(201)
      ).body.key as string;
      const service = await t.http
        .get(`/api/trades?cursor=${real}`)
        .set('Authorization', `Bearer ${key}`)
        .set('X-Act-As-User', t.user.id);
      expectRefused(service);
      // The service's own cursor pages on for it.
      const own = await t.http
        .get('/api/trades?limit=2')
        .set('Authorization', `Bearer ${key}`)
        .set('X-Act-As-User', t.user.id)
        .expect(200);
      await t.http
        .get(`/api/trades?limit=2&cursor=${own.body.nextCursor}`)
        .set('Authorization', `Bearer ${key}`)
        .set('X-Act-As-User', t.user.id)
        .expect(200);
    });
  });

  describe('keys', () => {
    it('refuses to start with a CURSOR_SECRET (or _PREVIOUS) shorter than 32 characters, without echoing it', () => {
      for (const name of ['CURSOR_SECRET', 'CURSOR_SECRET_PREVIOUS']) {
        const value = 'short-secret-31-characters-long';
        expect(value).toHaveLength(31);
        let error: unknown;
        try {
          loadConfig({ [name]: value });
        } catch (e) {
          error = e;
        }
        expect(error).toBeInstanceOf(ConfigError);
        expect((error as ConfigError).problems).toEqual([`${name} must be at least 32 characters`]);
        expect(() => loadConfig({ [name]: value + 'x' })).not.toThrow();
      }
    });

    it("keeps cursors valid across a rotation: SECRET=b PREVIOUS=a accepts a's cursors, SECRET=b alone does not", async () => {
      const logger = new CapturingLogger();
      const withA = await instance({ CURSOR_SECRET: SECRET_A }, logger);
      const first = await as(withA, t.user, '/api/trades?limit=2').expect(200);
      const cursorA = first.body.nextCursor as string;
      const expected = (
        await as(withA, t.user, `/api/trades?limit=2&cursor=${cursorA}`).expect(200)
      ).body.items;

      const rotated = await instance(
        { CURSOR_SECRET: SECRET_B, CURSOR_SECRET_PREVIOUS: SECRET_A },
        logger,
      );
      const resumed = await as(rotated, t.user, `/api/trades?limit=2&cursor=${cursorA}`).expect(
        200,
      );
      expect(resumed.body.items).toEqual(expected);
      // What the rotated instance issues is signed with the new key: the old instance refuses it.
      const cursorB = resumed.body.nextCursor as string;
      expectRefused(await as(withA, t.user, `/api/trades?limit=2&cursor=${cursorB}`));

      const onlyB = await instance({ CURSOR_SECRET: SECRET_B });
      expectRefused(await as(onlyB, t.user, `/api/trades?limit=2&cursor=${cursorA}`));
      await as(onlyB, t.user, `/api/trades?limit=2&cursor=${cursorB}`).expect(200);
      // The instance without CURSOR_SECRET signs with its stored key, neither a nor b.
      expectRefused(await as(t.http, t.user, `/api/trades?cursor=${cursorA}`));

      const logs = logger.lines.join('\n');
      expect(logs).toMatch(/cursors signed with CURSOR_SECRET/);
      expect(logs).not.toContain(SECRET_A);
      expect(logs).not.toContain(SECRET_B);
    });

    it('without CURSOR_SECRET, instances on one database share the stored key (and a restart keeps it)', async () => {
      const logger = new CapturingLogger();
      const second = await instance({}, logger);
      const fromFirst = (await page('/api/trades?limit=2')).nextCursor!;
      await as(second, t.user, `/api/trades?limit=2&cursor=${fromFirst}`).expect(200);
      const fromSecond = (await as(second, t.user, '/api/trades?limit=3').expect(200)).body
        .nextCursor as string;
      await page(`/api/trades?limit=2&cursor=${fromSecond}`);

      const rows = await t.dataSource.query<Array<{ name: string; value: string }>>(
        'SELECT name, value FROM server_secrets',
      );
      expect(rows).toEqual([{ name: 'cursor', value: expect.stringMatching(/^[0-9a-f]{64}$/) }]);
      expect(logger.lines.join('\n')).toMatch(/cursors signed with the key kept in server_secrets/);
      expect(logger.lines.join('\n')).not.toContain(rows[0].value);
    });

    it('instances starting at the same moment on a database without a key all agree on one', async () => {
      // Last test: the test's own instance keeps the key it loaded, which this replaces.
      await t.dataSource.query('DELETE FROM server_secrets');
      const started = await Promise.all([instance(), instance(), instance()]);
      const cursors = await Promise.all(
        started.map(
          async (http) =>
            (await as(http, t.user, '/api/trades?limit=2').expect(200)).body.nextCursor as string,
        ),
      );
      for (const http of started) {
        for (const cursor of cursors) {
          await as(http, t.user, `/api/trades?limit=2&cursor=${cursor}`).expect(200);
        }
      }
      const rows = await t.dataSource.query<Array<{ n: number }>>(
        'SELECT count(*)::int AS n FROM server_secrets',
      );
      expect(rows[0].n).toBe(1);
    });
  });
});
