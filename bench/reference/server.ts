import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { Pool, PoolClient } from 'pg';

/**
 * The bare reference server: node `http` and `pg`, no framework, serving three of the app's
 * routes with the same durable work and the same response bytes (test/e2e/reference-server
 * checks both), written as tightly as we know how. It is the physical limit the bench takes its
 * ratios against, in the same run, on the same database:
 *
 * - `GET /api/trades?limit=&cursor=`: one statement, the page as one row (items as JSON text).
 * - `POST /api/trades` (optional `Idempotency-Key`): the trade, its audit row and the stored
 *   response in one statement; with a key, BEGIN, the claim, that statement, COMMIT.
 * - `POST /api/orders/:id/fills`: BEGIN, the order's row lock with the overfill check, one
 *   statement for the fill, the order's new totals, the audit row and the answer, COMMIT.
 *
 * What it leaves out is what no framework can save: it validates only what the SQL needs,
 * remembers sessions without the app's invalidation, and logs nothing. Not for production.
 */

const BEARER = /^Bearer ([A-Za-z0-9_-]{20,128})$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DECIMAL = /^\d{1,20}(\.\d{1,10})?$/;
const SYMBOL = /^[A-Z][A-Z0-9.-]{0,14}$/;
const KEY_FORMAT = /^[\x21-\x7e]{1,255}$/;
const MAX_BODY = 1024 * 1024;
const ISO = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;
const time = (e: string) => `to_char(${e} AT TIME ZONE 'UTC', ${ISO})`;

interface Caller {
  userId: string;
  username: string;
  until: number;
}

/** The enriched trade of `t` (with `s` and `d` joined), in the app's field order. */
const TRADE_JSON = `(SELECT row_to_json(o) FROM (SELECT t.id AS "id", t.user_id AS "userId",
  t.strategy_id AS "strategyId", t.order_id AS "orderId", t.symbol AS "symbol", t.side AS "side",
  t.quantity::text AS "quantity", t.price::text AS "price", ${time('t.executed_at')} AS "executedAt",
  t.pnl::text AS "pnl", t.status AS "status", t.notes AS "notes", t.trace_id AS "traceId",
  s.name AS "strategyName",
  CASE WHEN d.id IS NULL THEN NULL ELSE (SELECT row_to_json(x) FROM (SELECT d.id AS "id",
    d.symbol AS "symbol", d.action AS "action", d.confidence::text AS "confidence",
    d.reasoning AS "reasoning", d.status AS "status", ${time('d.created_at')} AS "createdAt") x)
  END AS "aiDecision") o)`;

const ENRICH = `LEFT JOIN strategies s ON s.id = t.strategy_id
  LEFT JOIN LATERAL (SELECT d.id, d.symbol, d.action, d.confidence, d.reasoning, d.status, d.created_at
    FROM ai_decisions d WHERE d.executed_trade_id = t.id
    ORDER BY d.created_at DESC, d.id DESC LIMIT 1) d ON true`;

const TRADE_COLUMNS =
  'id, user_id, strategy_id, order_id, symbol, side, quantity, price, executed_at, pnl, status, notes, trace_id';

/** $1 user, $2 limit + 1, $3/$4 the cursor's time and id (null for the first page). */
const PAGE_SQL = `SELECT coalesce(string_agg(p.item, ',' ORDER BY p.n) FILTER (WHERE p.n <= $2 - 1), '') AS items,
    count(*)::int AS rows,
    min(p.at) FILTER (WHERE p.n = $2 - 1) AS last_at, min(p.id::text) FILTER (WHERE p.n = $2 - 1) AS last_id
  FROM (SELECT t.id, t.executed_at::text AS at, ${TRADE_JSON}::text AS item,
          row_number() OVER (ORDER BY t.executed_at DESC, t.id DESC) AS n
        FROM (SELECT ${TRADE_COLUMNS} FROM trades
              WHERE user_id = $1 AND ($3::timestamptz IS NULL OR (executed_at, id) < ($3::timestamptz, $4::uuid))
              ORDER BY executed_at DESC, id DESC LIMIT $2) t ${ENRICH}) p`;

/** The audit row of a write by `$user`/`$username` (the app's audit interceptor writes the same). */
const auditInsert = (p: (name: string) => string, from: string, resourceId: string) =>
  `INSERT INTO audit_logs (user_id, username, action, resource, resource_id, method, path,
     ip_address, user_agent, request_body, response_status)
   SELECT ${p('user')}, ${p('username')}, 'create', ${p('resource')}, ${resourceId}::text, 'POST',
     ${p('path')}, ${p('ip')}, ${p('agent')}, ${p('body')}::jsonb, 201 FROM ${from}`;

class Params {
  readonly values: unknown[] = [];
  private readonly named = new Map<string, string>();
  constructor(private readonly given: Record<string, unknown>) {}
  /** `$n` of a named value, added once. */
  ref = (name: string): string => {
    let ref = this.named.get(name);
    if (!ref) {
      if (!(name in this.given)) throw new Error(`no parameter ${name}`);
      this.values.push(this.given[name]);
      ref = `$${this.values.length}`;
      this.named.set(name, ref);
    }
    return ref;
  };
}

function tradeInsert(
  given: Record<string, unknown>,
  withKey: boolean,
): { sql: string; values: unknown[] } {
  const p = new Params(given);
  const cols = ['user_id', 'symbol', 'side', 'quantity', 'price'];
  const vals = [p.ref('user'), p.ref('symbol'), p.ref('side'), p.ref('quantity'), p.ref('price')];
  for (const [field, column] of [
    ['strategyId', 'strategy_id'],
    ['orderId', 'order_id'],
    ['executedAt', 'executed_at'],
    ['pnl', 'pnl'],
    ['status', 'status'],
    ['notes', 'notes'],
    ['traceId', 'trace_id'],
  ]) {
    if (given[field] === undefined) continue;
    cols.push(column);
    vals.push(p.ref(field));
  }
  const answer = withKey
    ? `, r AS (UPDATE idempotency_keys SET response_status = 201, response_body = (SELECT item FROM e)::jsonb
              WHERE user_id = ${p.ref('user')} AND key = ${p.ref('key')})`
    : '';
  return {
    sql: `WITH t AS (INSERT INTO trades (${cols.join(', ')}) VALUES (${vals.join(', ')}) RETURNING ${TRADE_COLUMNS}),
      a AS (${auditInsert(p.ref, 't', 't.id')}),
      e AS (SELECT ${TRADE_JSON}::text AS item FROM t ${ENRICH})${answer}
      SELECT item FROM e`,
    values: p.values,
  };
}

/** $1 order, $2 owner, $3 qty: the order locked, and whether the fill would overfill it. */
const LOCK_SQL = `SELECT (qty IS NOT NULL AND coalesce(filled_qty, 0) + $3::numeric > qty) AS over
  FROM orders WHERE id = $1 AND user_id = $2 FOR UPDATE`;

const ORDER_FIELDS = `o.id AS "id", o.user_id AS "userId", o.broker AS "broker", o.broker_order_id AS "brokerOrderId",
  o.client_order_id AS "clientOrderId", o.symbol AS "symbol", o.side AS "side", o.type AS "type",
  o.time_in_force AS "timeInForce", o.qty::text AS "qty", o.notional::text AS "notional",
  o.limit_price::text AS "limitPrice", o.stop_price::text AS "stopPrice", o.status AS "status",
  o.extended_hours AS "extendedHours", o.order_class AS "orderClass", ${time('o.submitted_at')} AS "submittedAt",
  ${time('o.updated_at')} AS "updatedAt", ${time('o.filled_at')} AS "filledAt", ${time('o.expired_at')} AS "expiredAt",
  ${time('o.canceled_at')} AS "canceledAt", ${time('o.failed_at')} AS "failedAt", o.filled_qty::text AS "filledQty",
  o.filled_avg_price::text AS "filledAvgPrice", o.trace_id AS "traceId", o.decision_id AS "decisionId",
  o.trade_intent_id AS "tradeIntentId", o.work_item_id AS "workItemId", o.raw_json AS "rawJson",
  ${time('o.created_at')} AS "createdAt"`;

const FILL_FIELDS = `f.id AS "id", f.broker AS "broker", f.broker_order_id AS "brokerOrderId",
  f.broker_fill_id AS "brokerFillId", f.order_id AS "orderId", f.symbol AS "symbol", f.side AS "side",
  f.qty::text AS "qty", f.price::text AS "price", ${time('f.occurred_at')} AS "occurredAt",
  f.trace_id AS "traceId", f.raw_json AS "rawJson", ${time('f.created_at')} AS "createdAt"`;

function fillInsert(given: Record<string, unknown>): { sql: string; values: unknown[] } {
  const p = new Params(given);
  const qty = `${p.ref('qty')}::numeric`;
  const price = `${p.ref('price')}::numeric`;
  // The statement sees the fills as they were before it: the new one is added from f.
  return {
    sql: `WITH f AS (INSERT INTO fills (broker, broker_order_id, broker_fill_id, order_id, symbol, side, qty, price, occurred_at, trace_id)
        SELECT o.broker, o.broker_order_id, ${p.ref('brokerFillId')}, o.id, o.symbol, o.side, ${qty}, ${price},
               coalesce(${p.ref('occurredAt')}::timestamptz, now()), ${p.ref('traceId')}
        FROM orders o WHERE o.id = ${p.ref('order')} RETURNING *),
      o AS (UPDATE orders SET
          filled_avg_price = (coalesce(filled_avg_price, 0) * coalesce(filled_qty, 0) + ${qty} * ${price}) / (coalesce(filled_qty, 0) + ${qty}),
          filled_qty = coalesce(filled_qty, 0) + ${qty},
          status = CASE WHEN qty IS NOT NULL AND coalesce(filled_qty, 0) + ${qty} >= qty THEN 'filled' ELSE 'partially_filled' END,
          filled_at = CASE WHEN qty IS NOT NULL AND coalesce(filled_qty, 0) + ${qty} >= qty THEN now() ELSE filled_at END,
          updated_at = now()
        WHERE id = ${p.ref('order')} RETURNING *),
      a AS (${auditInsert(p.ref, 'o', 'o.id')})
      SELECT (SELECT row_to_json(x) FROM (SELECT ${ORDER_FIELDS},
        (SELECT ('[' || coalesce(string_agg(row_to_json(y)::text, ',' ORDER BY y."occurredAt", y."id"), '') || ']')::json FROM (
           SELECT ${FILL_FIELDS} FROM fills f WHERE f.order_id = o.id
           UNION ALL SELECT ${FILL_FIELDS} FROM f) y) AS "fills") x)::text AS item
      FROM o`,
    values: p.values,
  };
}

export interface ReferenceServer {
  url: string;
  close(): Promise<void>;
}

export async function startReferenceServer(options: {
  databaseUrl: string;
  port?: number;
  poolMax?: number;
  cursorSecret?: string;
}): Promise<ReferenceServer> {
  const pool = new Pool({ connectionString: options.databaseUrl, max: options.poolMax ?? 20 });
  const sessions = new Map<string, Caller>();
  const secret = options.cursorSecret ?? 'reference-server-cursor-secret-0123456789';

  async function callerOf(req: IncomingMessage): Promise<Caller | undefined> {
    const token = BEARER.exec(req.headers.authorization ?? '')?.[1];
    if (!token) return undefined;
    const hit = sessions.get(token);
    if (hit && hit.until > Date.now()) return hit;
    const hash = createHash('sha256').update(token).digest('hex');
    const { rows } = await pool.query<{ id: string; username: string; ms: number }>(
      `SELECT u.id, u.username, extract(epoch FROM s.expires_at - now()) * 1000 AS ms
       FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id = $1 AND s.expires_at > now()`,
      [hash],
    );
    if (!rows[0]) return undefined;
    const caller = {
      userId: rows[0].id,
      username: rows[0].username,
      until: Date.now() + Math.min(60_000, Number(rows[0].ms)),
    };
    sessions.set(token, caller);
    return caller;
  }

  const sign = (payload: string) =>
    createHmac('sha256', secret).update(payload).digest('base64url');

  async function listTrades(caller: Caller, url: URL, res: ServerResponse): Promise<void> {
    const limit = Number(url.searchParams.get('limit') ?? 50);
    if (!Number.isInteger(limit) || limit < 1 || limit > 500)
      return send(res, 400, { code: 'VALIDATION_FAILED' });
    let after: [string, string] | [null, null] = [null, null];
    const cursor = url.searchParams.get('cursor');
    if (cursor) {
      const [body, mac] = cursor.split('.');
      const expected = Buffer.from(sign(`${caller.userId} ${body}`));
      if (!mac || mac.length !== expected.length || !timingSafeEqual(Buffer.from(mac), expected)) {
        return send(res, 400, { code: 'INVALID_CURSOR' });
      }
      after = JSON.parse(Buffer.from(body, 'base64url').toString()) as [string, string];
    }
    const { rows } = await pool.query<{
      items: string;
      rows: number;
      last_at: string | null;
      last_id: string | null;
    }>(PAGE_SQL, [caller.userId, limit + 1, after[0], after[1]]);
    const page = rows[0];
    const hasMore = page.rows > limit;
    let next = 'null';
    if (hasMore) {
      const body = Buffer.from(JSON.stringify([page.last_at, page.last_id])).toString('base64url');
      next = `"${body}.${sign(`${caller.userId} ${body}`)}"`;
    }
    sendText(
      res,
      200,
      `{"items":[${page.items}],"total":null,"limit":${limit},"offset":0,"nextCursor":${next},"hasMore":${hasMore}}`,
    );
  }

  function auditValues(
    caller: Caller,
    req: IncomingMessage,
    path: string,
    body: unknown,
    resource: string,
  ) {
    return {
      user: caller.userId,
      username: caller.username,
      resource,
      path,
      ip: req.socket.remoteAddress ?? null,
      agent: req.headers['user-agent']?.slice(0, 512) ?? null,
      body: JSON.stringify(body),
    };
  }

  async function createTrade(
    caller: Caller,
    req: IncomingMessage,
    body: Record<string, unknown>,
    res: ServerResponse,
  ) {
    const symbol = typeof body.symbol === 'string' ? body.symbol.toUpperCase() : undefined;
    if (
      !symbol ||
      !SYMBOL.test(symbol) ||
      (body.side !== 'buy' && body.side !== 'sell') ||
      typeof body.quantity !== 'string' ||
      !DECIMAL.test(body.quantity) ||
      typeof body.price !== 'string' ||
      !DECIMAL.test(body.price)
    ) {
      return send(res, 400, { code: 'VALIDATION_FAILED' });
    }
    const key = req.headers['idempotency-key'];
    if (key !== undefined && (typeof key !== 'string' || !KEY_FORMAT.test(key)))
      return send(res, 400, { code: 'VALIDATION_FAILED' });
    const given = {
      ...body,
      symbol,
      ...auditValues(caller, req, req.url ?? '', body, 'trades'),
      key,
    };
    if (key === undefined) {
      // One statement is its own transaction: the trade and its audit row, or neither.
      const insert = tradeInsert(given, false);
      const { rows } = await pool.query<{ item: string }>(insert.sql, insert.values);
      return sendText(res, 201, rows[0].item);
    }
    const hash = createHash('sha256')
      .update(`POST /api/trades as ${caller.userId}\n${JSON.stringify(body)}`)
      .digest('hex');
    await inTransaction(async (c) => {
      const claimed = await c.query(
        `INSERT INTO idempotency_keys (user_id, key, request_hash, expires_at) VALUES ($1, $2, $3, now() + interval '24 hours')
         ON CONFLICT (user_id, key) DO UPDATE SET request_hash = EXCLUDED.request_hash, expires_at = EXCLUDED.expires_at,
           created_at = now(), response_status = NULL, response_body = NULL
         WHERE idempotency_keys.expires_at < now() RETURNING key`,
        [caller.userId, key, hash],
      );
      if (claimed.rowCount === 0) {
        const { rows } = await c.query<{ request_hash: string; body: unknown }>(
          'SELECT request_hash, response_body AS body FROM idempotency_keys WHERE user_id = $1 AND key = $2',
          [caller.userId, key],
        );
        if (rows[0].request_hash !== hash)
          return send(res, 422, { code: 'IDEMPOTENCY_KEY_REUSED' });
        res.setHeader('Idempotent-Replayed', 'true');
        // As the app does: the stored JSON (jsonb, so its keys in jsonb's order) written out again.
        return sendText(res, 201, JSON.stringify(rows[0].body));
      }
      const insert = tradeInsert(given, true);
      const { rows } = await c.query<{ item: string }>(insert.sql, insert.values);
      // Sent after COMMIT by inTransaction's caller would be stricter; the app answers after commit too.
      return () => sendText(res, 201, rows[0].item);
    });
  }

  async function addFill(
    caller: Caller,
    orderId: string,
    req: IncomingMessage,
    body: Record<string, unknown>,
    res: ServerResponse,
  ) {
    if (
      !UUID.test(orderId) ||
      typeof body.qty !== 'string' ||
      !DECIMAL.test(body.qty) ||
      typeof body.price !== 'string' ||
      !DECIMAL.test(body.price)
    ) {
      return send(res, 400, { code: 'VALIDATION_FAILED' });
    }
    await inTransaction(async (c) => {
      const lock = await c.query<{ over: boolean }>(LOCK_SQL, [orderId, caller.userId, body.qty]);
      if (!lock.rows[0]) return send(res, 404, { code: 'NOT_FOUND' });
      if (lock.rows[0].over) return send(res, 409, { code: 'OVERFILL' });
      const insert = fillInsert({
        order: orderId,
        qty: body.qty,
        price: body.price,
        brokerFillId: body.brokerFillId ?? null,
        occurredAt: body.occurredAt ?? null,
        traceId: body.traceId ?? null,
        ...auditValues(caller, req, req.url ?? '', body, 'orders.fills'),
      });
      const { rows } = await c.query<{ item: string }>(insert.sql, insert.values);
      return () => sendText(res, 201, rows[0].item);
    });
  }

  /** BEGIN … COMMIT on one connection; `work` answers refusals itself, or returns the answer to send after COMMIT. */
  async function inTransaction(
    work: (c: PoolClient) => Promise<void | (() => void)>,
  ): Promise<void> {
    const c = await pool.connect();
    try {
      await c.query('BEGIN');
      const answer = await work(c);
      await c.query(answer ? 'COMMIT' : 'ROLLBACK');
      answer?.();
    } catch (e) {
      await c.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      c.release();
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://reference');
    const caller = await callerOf(req);
    if (!caller) return send(res, 401, { code: 'UNAUTHORIZED' });
    if (req.method === 'GET' && url.pathname === '/api/trades') return listTrades(caller, url, res);
    if (req.method !== 'POST') return send(res, 404, { code: 'NOT_FOUND' });
    const body = await readJson(req);
    if (body === undefined) return send(res, 400, { code: 'MALFORMED_JSON' });
    if (url.pathname === '/api/trades') return createTrade(caller, req, body, res);
    const fill = /^\/api\/orders\/([^/]+)\/fills$/.exec(url.pathname);
    if (fill) return addFill(caller, fill[1], req, body, res);
    send(res, 404, { code: 'NOT_FOUND' });
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, { code: 'INTERNAL_ERROR' });
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await pool.end();
    },
  };
}

function readJson(req: IncomingMessage): Promise<Record<string, unknown> | undefined> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) req.destroy();
      else chunks.push(c);
    });
    req.on('end', () => {
      try {
        const value: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        resolve(
          typeof value === 'object' && value !== null && !Array.isArray(value)
            ? (value as Record<string, unknown>)
            : undefined,
        );
      } catch {
        resolve(undefined);
      }
    });
    req.on('error', () => resolve(undefined));
  });
}

function sendText(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
}

function send(res: ServerResponse, status: number, body: object): void {
  sendText(res, status, JSON.stringify({ statusCode: status, ...body }));
}

if (require.main === module) {
  // node dist/bench/reference/server.js  (DATABASE_URL, PORT; prints its URL, as the bench's
  // other helper processes do)
  startReferenceServer({
    databaseUrl: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/ledgerline',
    port: Number(process.env.PORT ?? 0),
  }).then(
    (s) => process.stdout.write(`${s.url}\n`),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
