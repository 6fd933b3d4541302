import { randomBytes } from 'node:crypto';
import { loadConfig } from '../../src/config/app-config';
import type { FinishedSpan } from '../../src/telemetry/telemetry';
import { freePort, RunningServer, startBuilt, stopAllBuilt } from '../support/built-app';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { ADMIN } from '../support/test-app';
import { until } from '../support/until';

/**
 * Tracing runs in the built server (dist/src/main.js), not in Jest's module registry: the
 * instrumentations patch express, Nest and pg through Node's own `require`, which is exactly
 * what register.ts being main.ts's first import must get right. Spans are kept in memory
 * (OTEL_TEST_IN_MEMORY_EXPORTER, NODE_ENV=test) and read from /api/test/telemetry.
 */

jest.setTimeout(180000);

const SERVER = 1; // SpanKind.SERVER
const TRADES = 3;

interface Telemetry {
  enabled: boolean;
  sdkLoaded: boolean;
  spans?: FinishedSpan[];
}

interface LogLine {
  traceId?: string;
  spanId?: string;
  message: { requestId?: string; route?: string };
}

class Server {
  private constructor(
    readonly server: RunningServer,
    readonly token: string,
    readonly userId: string,
  ) {}

  static async start(db: TestDatabase, env: Record<string, string>): Promise<Server> {
    const server = await startBuilt({
      DATABASE_URL: db.url,
      PORT: String(await freePort()),
      ADMIN_USERNAME: ADMIN.username,
      ADMIN_PASSWORD: ADMIN.password,
      ENABLE_TEST_ROUTES: 'true',
      LOG_LEVEL: 'log',
      LOG_FORMAT: 'json',
      MAINTENANCE_INTERVAL_MINUTES: '0',
      NODE_ENV: 'test',
      OTEL_TEST_IN_MEMORY_EXPORTER: 'true',
      ...env,
    });
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(ADMIN),
    });
    const body = (await login.json()) as { token: string; user: { id: string } };
    return new Server(server, body.token, body.user.id);
  }

  fetch(path: string, init: RequestInit = {}): Promise<Response> {
    return fetch(`${this.server.url}${path}`, {
      ...init,
      headers: { Authorization: `Bearer ${this.token}`, ...init.headers },
    });
  }

  async seedTrades(n: number): Promise<void> {
    for (let i = 0; i < n; i++) {
      const r = await this.fetch('/api/trades', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ symbol: 'AAPL', side: 'buy', quantity: '1', price: String(10 + i) }),
      });
      expect(r.status).toBe(201);
    }
  }

  /** GET, then the request's log line (written when the response finished), found by request id. */
  async get(path: string): Promise<{ status: number; log: LogLine }> {
    const r = await this.fetch(path);
    await r.arrayBuffer();
    const requestId = r.headers.get('x-request-id');
    expect(requestId).toBeTruthy();
    const log = await until(`the log line of ${path}`, () =>
      this.logLines().find((l) => l.message.requestId === requestId),
    );
    return { status: r.status, log };
  }

  logLines(): LogLine[] {
    return this.server
      .output()
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as LogLine)
      .filter((l) => typeof l.message === 'object' && l.message !== null);
  }

  async telemetry(traceId?: string): Promise<Telemetry> {
    const r = await this.fetch(`/api/test/telemetry${traceId ? `?traceId=${traceId}` : ''}`);
    expect(r.status).toBe(200);
    return (await r.json()) as Telemetry;
  }

  /** The finished spans of one trace, once its HTTP server span (ended last) is among them. */
  spansOf(traceId: string): Promise<FinishedSpan[]> {
    return until(`the spans of trace ${traceId}`, async () => {
      const { spans = [] } = await this.telemetry(traceId);
      return spans.some((s) => s.kind === SERVER) ? spans : undefined;
    });
  }

  async metrics(accept?: string): Promise<{ contentType: string | null; body: string }> {
    const r = await fetch(`${this.server.url}/metrics`, {
      headers: accept ? { Accept: accept } : {},
    });
    expect(r.status).toBe(200);
    return { contentType: r.headers.get('content-type'), body: await r.text() };
  }
}

const OPENMETRICS = 'application/openmetrics-text; version=1.0.0,text/plain;version=0.0.4;q=0.5';
const isStatement = (s: FinishedSpan) => s.name.startsWith('pg.query');
const statementText = (s: FinishedSpan) =>
  String(s.attributes['db.query.text'] ?? s.attributes['db.statement'] ?? '');

/** Every span reaches the root through its parents: one tree, not fragments. */
function expectOneTree(spans: FinishedSpan[]): FinishedSpan {
  const roots = spans.filter((s) => !s.parentSpanId);
  expect(roots).toHaveLength(1);
  const [root] = roots;
  expect(root.kind).toBe(SERVER);
  const byId = new Map(spans.map((s) => [s.spanId, s]));
  for (const span of spans) {
    let at: FinishedSpan | undefined = span;
    for (let hops = 0; at?.parentSpanId && hops < spans.length; hops++)
      at = byId.get(at.parentSpanId);
    expect(at).toBe(root);
  }
  return root;
}

afterAll(() => stopAllBuilt());

describe('tracing on (OTLP endpoint set, spans kept in memory)', () => {
  let db: TestDatabase;
  let app: Server;

  beforeAll(async () => {
    db = await createTestDatabase('tracing_on');
    // Never reached: the in-memory exporter replaces OTLP; the endpoint is what switches tracing on.
    app = await Server.start(db, { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:9' });
    await app.seedTrades(TRADES);
  });

  afterAll(async () => {
    await app?.server.stop();
    await db?.drop();
  });

  it('traces GET /api/trades as one tree: the HTTP root, one statement for the page, the pool wait', async () => {
    const { status, log } = await app.get('/api/trades?limit=100');
    expect(status).toBe(200);
    expect(log.traceId).toMatch(/^[0-9a-f]{32}$/);

    const spans = await app.spansOf(log.traceId!);
    const root = expectOneTree(spans);
    expect(root.attributes['http.route'] ?? root.name).toContain('/api/trades');
    // The log line names the request's own span: from a line to its trace and back.
    expect(log.spanId).toBe(root.spanId);

    const statements = spans.filter(isStatement);
    expect(statements.map(statementText)).toHaveLength(1);
    expect(statementText(statements[0])).toMatch(/FROM\s+"?trades"?/i);
    expect(spans.filter((s) => s.name === 'pg-pool.connect').length).toBeGreaterThanOrEqual(1);
    // The Nest handler shows up between the HTTP span and the SQL.
    expect(spans.some((s) => s.name.includes('TradesController'))).toBe(true);
  });

  it('shows an N+1 (the one-by-one test fixture) as one statement span per row', async () => {
    const { status, log } = await app.get(
      `/api/test/trades-one-by-one?userId=${app.userId}&limit=100`,
    );
    expect(status).toBe(200);
    const spans = await app.spansOf(log.traceId!);
    expectOneTree(spans);
    const statements = spans.filter(isStatement).map(statementText);
    expect(statements).toHaveLength(1 + TRADES);
    expect(statements.filter((t) => /WHERE id = \$1/.test(t))).toHaveLength(TRADES);
    // Each statement waited for its own pooled connection.
    expect(spans.filter((s) => s.name === 'pg-pool.connect')).toHaveLength(1 + TRADES);
  });

  it('links the HTTP duration histogram to the trace with an exemplar (OpenMetrics only)', async () => {
    const { log } = await app.get('/api/trades?limit=100');
    const om = await app.metrics(OPENMETRICS);
    expect(om.contentType).toContain('application/openmetrics-text');
    expect(om.body.trimEnd().endsWith('# EOF')).toBe(true);
    const exemplarLine = om.body
      .split('\n')
      .find(
        (l) =>
          l.startsWith('http_request_duration_seconds_bucket{') &&
          l.includes('route="/api/trades"') &&
          l.includes(`trace_id="${log.traceId}"`),
      );
    expect(exemplarLine).toMatch(
      new RegExp(`# \\{trace_id="${log.traceId}",span_id="${log.spanId}"\\} [0-9.e-]+ [0-9.]+$`),
    );

    // Plain Prometheus text: no exemplars, and counters keep their _total name even after an
    // OpenMetrics scrape (prom-client renames counters in place when rendering OpenMetrics).
    const plain = await app.metrics();
    expect(plain.contentType).toContain('text/plain');
    expect(plain.body).not.toContain('trace_id=');
    expect(plain.body).toContain('# TYPE maintenance_runs_total counter');
  });
});

describe('tracing off (no endpoint)', () => {
  let db: TestDatabase;
  let app: Server;

  beforeAll(async () => {
    db = await createTestDatabase('tracing_off');
    app = await Server.start(db, {});
    await app.seedTrades(1);
  });

  afterAll(async () => {
    await app?.server.stop();
    await db?.drop();
  });

  it('loads no SDK, keeps no spans, writes no trace ids and no exemplars', async () => {
    const { status, log } = await app.get('/api/trades?limit=100');
    expect(status).toBe(200);
    expect(log.traceId).toBeUndefined();
    expect(await app.telemetry()).toEqual({ enabled: false, sdkLoaded: false });
    const om = await app.metrics(OPENMETRICS);
    expect(om.body).toContain('http_request_duration_seconds_bucket{');
    expect(om.body).not.toContain('trace_id=');
  });
});

describe('configuration', () => {
  const base = { DATABASE_URL: 'postgres://x@127.0.0.1/x' };

  it('switches tracing on with an OTLP endpoint only, and the in-memory exporter only in tests', () => {
    expect(loadConfig(base).telemetry.enabled).toBe(false);
    const on = loadConfig({ ...base, OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' });
    expect(on.telemetry).toEqual({
      enabled: true,
      serviceName: 'ledgerline',
      inMemoryExporter: false,
    });
    const prod = { ...base, OTEL_TEST_IN_MEMORY_EXPORTER: 'true', NODE_ENV: 'production' };
    expect(loadConfig(prod).telemetry.inMemoryExporter).toBe(false);
    expect(loadConfig({ ...prod, NODE_ENV: 'test' }).telemetry.inMemoryExporter).toBe(true);
  });

  it('refuses an unknown sampler or a ratio outside 0..1', () => {
    expect(() => loadConfig({ ...base, OTEL_TRACES_SAMPLER: 'sometimes' })).toThrow(
      /OTEL_TRACES_SAMPLER/,
    );
    expect(() => loadConfig({ ...base, OTEL_TRACES_SAMPLER_ARG: '1.5' })).toThrow(
      /OTEL_TRACES_SAMPLER_ARG/,
    );
    expect(
      loadConfig({
        ...base,
        OTEL_TRACES_SAMPLER: 'parentbased_traceidratio',
        OTEL_TRACES_SAMPLER_ARG: '0.1',
      }).telemetry.enabled,
    ).toBe(false);
  });
});

describe('tracing with a parent-based sampler at 0 % (nothing sampled here)', () => {
  let db: TestDatabase;
  let app: Server;

  beforeAll(async () => {
    db = await createTestDatabase('tracing_unsampled');
    app = await Server.start(db, {
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:9',
      OTEL_TRACES_SAMPLER: 'parentbased_traceidratio',
      OTEL_TRACES_SAMPLER_ARG: '0',
    });
    await app.seedTrades(3);
  });

  afterAll(async () => {
    await app?.server.stop();
    await db?.drop();
  });

  it('records no span of an unsampled request, and no trace id in its log line', async () => {
    const before = (await app.telemetry()).spans?.length ?? 0;
    const { status, log } = await app.get('/api/trades?limit=100');
    expect(status).toBe(200);
    expect(log.traceId).toBeUndefined();
    expect((await app.telemetry()).spans?.length ?? 0).toBe(before);
  });

  it('traces the whole request when the caller sends a sampled traceparent, and nothing when unsampled', async () => {
    const traceId = randomBytes(16).toString('hex');
    const parentId = randomBytes(8).toString('hex');
    const r = await app.fetch('/api/trades?limit=100', {
      headers: { traceparent: `00-${traceId}-${parentId}-01` },
    });
    expect(r.status).toBe(200);
    await r.arrayBuffer();
    const spans = await app.spansOf(traceId);
    const server = spans.filter((s) => s.kind === SERVER);
    expect(server).toHaveLength(1);
    expect(server[0].parentSpanId).toBe(parentId);
    // Every child under it was recorded: the statement and the Nest handler, in this trace.
    expect(spans.filter(isStatement)).toHaveLength(1);
    expect(spans.some((s) => s.name.includes('TradesController'))).toBe(true);
    expect(spans.every((s) => s.traceId === traceId)).toBe(true);

    const unsampled = randomBytes(16).toString('hex');
    const before = (await app.telemetry()).spans?.length ?? 0;
    const u = await app.fetch('/api/trades?limit=100', {
      headers: { traceparent: `00-${unsampled}-${parentId}-00` },
    });
    await u.arrayBuffer();
    expect((await app.telemetry()).spans?.length ?? 0).toBe(before);
  });
});
