import { randomBytes, randomUUID } from 'node:crypto';
import type { EntityMetadata } from 'typeorm';
import { insertRow } from '../support/fixtures';
import { ADMIN, startTestApp, TestApp, TestUser, TEST_PASSWORD } from '../support/test-app';

/**
 * The access policy, proven from the outside: every operation of the OpenAPI document (none
 * listed by hand) × six callers, on rows created by user A and by services, against the rules of
 * "Who may touch what" in the API contract, implemented again here from the contract's table
 * (not imported from the app). Each operation says in its `x-access` extension which table it
 * touches and how; the app's enforcement must then produce the status the contract implies,
 * refused writes must change no row, and lists (also filtered by a parent id) must never show
 * another user's rows.
 */

type CallerName = 'anonymous' | 'userA' | 'userB' | 'serviceNoScope' | 'serviceScoped' | 'admin';
const CALLERS: CallerName[] = [
  'anonymous',
  'userA',
  'userB',
  'serviceNoScope',
  'serviceScoped',
  'admin',
];

type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';
type Json = Record<string, unknown>;

interface XAccess {
  kind: 'public' | 'caller' | 'admin' | 'table' | 'scope';
  entity?: string;
  class?: 'owned' | 'child' | 'platform' | 'admin';
  mode?: 'read' | 'write';
  writes?: 'admin';
  unlinked?: 'platform';
  scope?: string;
}

interface SchemaObject {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  items?: SchemaObject;
  properties?: Record<string, SchemaObject>;
  required?: string[];
  allOf?: SchemaObject[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  pattern?: string;
  description?: string;
  additionalProperties?: unknown;
}

interface Operation {
  method: Method;
  path: string;
  access: XAccess;
  parameters: Array<{ name: string; in: string }>;
  body?: SchemaObject;
}

interface Doc {
  paths: Record<string, Record<string, Json>>;
  components: { schemas: Record<string, SchemaObject> };
}

/** What the contract's table says a caller gets: a success, or exactly one refusal. */
type Expectation = { ok: true } | { ok: false; status: number };
const OK: Expectation = { ok: true };
const refuse = (status: number): Expectation => ({ ok: false, status });

describe('access matrix: every operation × every kind of caller (e2e, generated from /docs-json)', () => {
  let t: TestApp;
  let b: TestUser;
  let doc: Doc;
  let ops: Operation[];
  const keys = { none: '', scoped: '' };
  /** One row per table: user A's (owned and child tables) or the services' (platform data). */
  const base = new Map<string, string | number>();
  const findings: string[] = [];

  const A = () => t.user;

  beforeAll(async () => {
    t = await startTestApp('access_matrix');
    b = await t.newUser('userb');
    const key = async (name: string, scopes: string[]) =>
      (
        await t.admin.api
          .post('/api/admin/api-keys')
          .send({ name: `${name}-${randomBytes(3).toString('hex')}`, scopes })
          .expect(201)
      ).body.key as string;
    keys.none = await key('svc-none', []);
    keys.scoped = await key('svc-scoped', ['platform:write', 'act-as-user', 'work:claim']);
    doc = (await t.http.get('/docs-json').expect(200)).body as Doc;
    ops = [];
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, raw] of Object.entries(item)) {
        const op = raw as {
          'x-access'?: XAccess;
          parameters?: Array<{ name: string; in: string }>;
          requestBody?: { content?: Record<string, { schema?: SchemaObject }> };
        };
        ops.push({
          method: method as Method,
          path,
          access: op['x-access'] as XAccess,
          parameters: op.parameters ?? [],
          body: op.requestBody?.content?.['application/json']?.schema,
        });
      }
    }
  });
  afterAll(async () => t?.close());

  // ---- rows ---------------------------------------------------------------------------------

  const metaOf = (entity: string): EntityMetadata => {
    const m = t.dataSource.entityMetadatas.find(
      (e) => (e.target as { name?: string }).name === entity,
    );
    if (!m) throw new Error(`no entity ${entity}`);
    return m;
  };
  const classOf = (meta: EntityMetadata): string | undefined => {
    // The class as the document states it for this entity (any operation naming it will do).
    const name = (meta.target as { name?: string }).name;
    return ops.find((o) => o.access.entity === name && o.access.class)?.access.class;
  };
  const isUserData = (meta: EntityMetadata) => ['owned', 'child'].includes(classOf(meta) ?? '');
  /** The column that makes a child row user A's (the parent key), from the data. */
  const parentKeys = new Set([
    'ai_decision_features.decision_id',
    'ai_trade_outcomes.decision_id',
    'ai_outcome_links.decision_id',
    'analysis_feedback.data_source_analysis_id',
    'data_source_analysis.decision_id',
    'work_items.decision_id',
    'work_item_runs.work_item_id',
    'fills.order_id',
    'messages.conversation_id',
  ]);

  /**
   * A fresh row of `meta`: its required keys point at the shared rows (user A's or the
   * services'), and so does a child's parent key, so every user-data row is user A's.
   */
  async function newRow(
    meta: EntityMetadata,
    fixed: Record<string, string | number> = {},
  ): Promise<string | number> {
    const overrides: Json = {};
    for (const fk of meta.foreignKeys) {
      const column = fk.columns[0];
      const prop = column.propertyName;
      if (prop in fixed) {
        overrides[prop] = fixed[prop];
        continue;
      }
      const target = fk.referencedEntityMetadata;
      if (target.tableName === 'users') {
        if (!column.isNullable) overrides[prop] = A().id;
        continue;
      }
      // A key that is unique on its own (one consensus per session) needs a parent of its own.
      const oneToOne = [...meta.uniques, ...meta.indices.filter((i) => i.isUnique)].some(
        (u) => u.columns.length === 1 && u.columns[0] === column,
      );
      if (!column.isNullable || parentKeys.has(`${meta.tableName}.${column.databaseName}`)) {
        overrides[prop] = oneToOne ? await newRow(target) : await baseRow(target);
      }
    }
    // Integer columns of unique keys (a strategy's version number) get values of their own.
    for (const unique of meta.uniques) {
      for (const c of unique.columns) {
        if (String(c.type) === 'integer' && !(c.propertyName in overrides))
          overrides[c.propertyName] = 1 + Math.floor(Math.random() * 1e9);
      }
    }
    return (await insertRow(t.dataSource.manager, meta, overrides)).id;
  }

  async function baseRow(meta: EntityMetadata): Promise<string | number> {
    const known = base.get(meta.tableName);
    if (known !== undefined) return known;
    const id = await newRow(meta);
    base.set(meta.tableName, id);
    return id;
  }

  /** The table a path parameter names: `{strategyId}` after /strategies, `{id}` its resource's. */
  function tableOfParam(op: Operation, name: string): EntityMetadata {
    const segments = op.path.split('/');
    const at = segments.indexOf(`{${name}}`);
    const prefix = `${segments.slice(0, at).join('/')}/{id}`;
    const read = doc.paths[prefix]?.get as { 'x-access'?: XAccess } | undefined;
    const entity = read?.['x-access']?.entity ?? op.access.entity;
    if (!entity) throw new Error(`${op.method} ${op.path}: cannot tell what {${name}} is`);
    return metaOf(entity);
  }

  /** Fresh target rows for the path's parameters; later ones belong to earlier ones. */
  async function resolvePath(
    op: Operation,
  ): Promise<{ url: string; tables: EntityMetadata[]; userRow: boolean }> {
    let url = op.path;
    const tables: EntityMetadata[] = [];
    const fixed: Record<string, string | number> = {};
    let userRow = false;
    for (const p of op.parameters.filter((x) => x.in === 'path')) {
      const meta = tableOfParam(op, p.name);
      const parentFk = Object.entries(fixed)[0];
      const id = await newRow(meta, parentFk ? fixedFor(meta, fixed) : {});
      fixed[meta.tableName] = id;
      tables.push(meta);
      userRow ||= isUserData(meta);
      url = url.replace(`{${p.name}}`, String(id));
    }
    return { url, tables, userRow };
  }

  /** The keys of `meta` that point at tables already resolved in this path. */
  function fixedFor(meta: EntityMetadata, resolved: Record<string, string | number>) {
    const out: Record<string, string | number> = {};
    for (const fk of meta.foreignKeys) {
      const id = resolved[fk.referencedEntityMetadata.tableName];
      if (id !== undefined) out[fk.columns[0].propertyName] = id;
    }
    return out;
  }

  // ---- bodies --------------------------------------------------------------------------------

  const resolve = (s: SchemaObject): SchemaObject =>
    s.$ref ? resolve(doc.components.schemas[s.$ref.split('/').pop()!]) : s;

  /**
   * A valid body from the operation's schema: its required properties, plus every foreign key
   * of the operation's table (pointing at user A's rows or the services'), so references are
   * part of what is tested.
   */
  async function bodyFor(
    op: Operation,
  ): Promise<{ body: Json | undefined; refersToUserRows: boolean }> {
    if (!op.body) return { body: undefined, refersToUserRows: false };
    const meta = op.access.entity ? metaOf(op.access.entity) : undefined;
    let refersToUserRows = false;
    const value = async (name: string, s0: SchemaObject): Promise<unknown> => {
      const s = resolve(s0);
      if (s.allOf) return value(name, Object.assign({}, ...s.allOf.map(resolve)) as SchemaObject);
      const fk = meta?.foreignKeys.find((f) => f.columns[0].propertyName === name);
      const uniques = meta ? [...meta.uniques, ...meta.indices.filter((i) => i.isUnique)] : [];
      const unique = uniques.find((u) => u.columns.some((c) => c.propertyName === name));
      if (fk && fk.referencedEntityMetadata.tableName !== 'users') {
        const target = fk.referencedEntityMetadata;
        refersToUserRows ||= isUserData(target);
        // A key unique on its own (one consensus per session) needs a parent of its own.
        return unique?.columns.length === 1 ? newRow(target) : baseRow(target);
      }
      if (s.enum) return s.enum[0];
      if (unique && (s.type === 'integer' || s.type === 'number'))
        return 1 + Math.floor(Math.random() * 1e9);
      if (s.type === 'array') return [await value(name, s.items ?? { type: 'string' })];
      if (s.type === 'object' || s.properties) return object(s);
      if (s.type === 'boolean') return false;
      if (s.type === 'integer' || s.type === 'number') return Math.max(1, s.minimum ?? 1);
      if (s.format === 'uuid') return randomUUID();
      if (s.format === 'date-time') return new Date().toISOString();
      if (s.description?.startsWith('decimal')) return '0.5';
      if (name === 'username' || name === 'name') return `n${randomBytes(6).toString('hex')}`;
      if (name === 'password') return TEST_PASSWORD;
      return `T${randomBytes(5).toString('hex').toUpperCase()}`;
    };
    const object = async (s: SchemaObject): Promise<Json> => {
      const out: Json = {};
      const props = s.properties ?? {};
      if (!s.properties && s.additionalProperties) return { k: 'v' };
      for (const [name, prop] of Object.entries(props)) {
        const fk = meta?.foreignKeys.find((f) => f.columns[0].propertyName === name);
        // A PATCH re-points only keys to user data (moving a row between platform parents is
        // an admin's change, outside the table's class).
        const isKey = fk && (op.method !== 'patch' || isUserData(fk.referencedEntityMetadata));
        if ((s.required ?? []).includes(name) || isKey) out[name] = await value(name, prop);
      }
      return out;
    };
    return { body: (await value('', op.body)) as Json, refersToUserRows };
  }

  // ---- the contract's table ------------------------------------------------------------------

  function expected(
    op: Operation,
    who: CallerName,
    target: { userRow: boolean },
    refersToUserRows: boolean,
  ): Expectation {
    const x = op.access;
    if (who === 'anonymous') return refuse(401);
    switch (x.kind) {
      case 'public':
      case 'caller':
        return OK;
      case 'admin':
        return who === 'admin' ? OK : refuse(403);
      case 'scope':
        return who === 'admin' || who === 'serviceScoped' ? OK : refuse(403);
      case 'table':
        break;
    }
    if (who === 'admin') return OK;
    const write = x.mode === 'write';
    switch (x.class) {
      case 'admin':
        return refuse(403);
      case 'platform':
        if (!write) return OK;
        return who === 'serviceScoped' && x.writes !== 'admin' ? OK : refuse(403);
      default: {
        // User data: A and a service acting as A see A's rows; B sees none of them.
        if (who === 'userA' || who === 'serviceScoped') return OK;
        if (who === 'serviceNoScope') {
          // Rows without a parent are platform data (readable); A's rows are still not its.
          if (x.unlinked === 'platform' && !write) return target.userRow ? refuse(404) : OK;
          return refuse(403);
        }
        // user B
        if (target.userRow) return refuse(404);
        if (write && refersToUserRows) return refuse(422);
        return OK;
      }
    }
  }

  // ---- calls ---------------------------------------------------------------------------------

  async function call(who: CallerName, op: Operation, url: string, body?: Json) {
    const req = t.http[op.method](url);
    const bearer = async (): Promise<string | undefined> => {
      // Logging out ends the session it is sent with: give it a fresh one of the same user.
      const fresh = op.access.kind === 'caller' && op.method !== 'get';
      switch (who) {
        case 'anonymous':
          return undefined;
        case 'userA':
          return fresh ? (await t.login(A().username, TEST_PASSWORD)).token : A().token;
        case 'userB':
          return fresh ? (await t.login(b.username, TEST_PASSWORD)).token : b.token;
        case 'admin':
          return fresh ? (await t.login(ADMIN.username, ADMIN.password)).token : t.admin.token;
        case 'serviceNoScope':
          return keys.none;
        case 'serviceScoped':
          return keys.scoped;
      }
    };
    const token = await bearer();
    if (token) req.set('Authorization', `Bearer ${token}`);
    if (who === 'serviceScoped') req.set('X-Act-As-User', A().id);
    return body === undefined ? req : req.send(body);
  }

  async function checksum(meta: EntityMetadata): Promise<string> {
    const owned = meta.columns.some((c) => c.databaseName === 'user_id');
    const rows: Array<{ h: string }> = await t.dataSource.query(
      `SELECT md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM "${meta.tableName}" x` +
        (owned ? ` WHERE user_id IS DISTINCT FROM $1` : ''),
      owned ? [b.id] : [],
    );
    return rows[0].h;
  }

  it('walks every documented operation for every kind of caller', async () => {
    expect(ops.length).toBeGreaterThan(200);
    const undeclared = ops.filter((o) => !o.access).map((o) => `${o.method} ${o.path}`);
    expect(undeclared).toEqual([]);

    let calls = 0;
    const mismatches: string[] = [];
    for (const op of ops) {
      for (const who of CALLERS) {
        const target = await resolvePath(op);
        const { body, refersToUserRows } = await bodyFor(op);
        const want = expected(op, who, target, refersToUserRows);
        const watched = [
          ...target.tables,
          ...(op.access.entity ? [metaOf(op.access.entity)] : []),
        ].filter((m, i, all) => all.indexOf(m) === i);
        const mutating = op.method !== 'get';
        const guarded = mutating && (who === 'userB' || who === 'serviceNoScope');
        const before = guarded ? await Promise.all(watched.map(checksum)) : [];

        const res = await call(who, op, target.url, body);
        calls++;
        const label = `${op.method.toUpperCase()} ${op.path} as ${who}`;
        if (op.access.kind === 'public') {
          // Reachable without a token: never refused for want of one, never a 5xx.
          if (res.status === 401 && who === 'anonymous' && !op.path.endsWith('/login'))
            mismatches.push(`${label}: 401 on a public route`);
          if (res.status === 403 || res.status >= 500) mismatches.push(`${label}: ${res.status}`);
          continue;
        }
        const got = res.status;
        const pass = want.ok ? got >= 200 && got < 300 : got === want.status;
        if (!pass) {
          mismatches.push(
            `${label}: expected ${want.ok ? '2xx' : want.status}, got ${got} ${JSON.stringify(res.body).slice(0, 300)}`,
          );
        }
        if (guarded) {
          const after = await Promise.all(watched.map(checksum));
          // B may create rows of its own in owned tables (excluded from the checksum); nothing
          // of A's or of the platform's changes.
          if (after.join() !== before.join())
            mismatches.push(`${label}: changed rows it may not touch`);
        }
        // Lists never show another user's rows: unfiltered, and filtered by A's parent ids.
        if (
          op.method === 'get' &&
          who === 'userB' &&
          got === 200 &&
          Array.isArray(res.body?.items)
        ) {
          const meta = op.access.entity ? metaOf(op.access.entity) : undefined;
          if (meta && isUserData(meta)) {
            const foreign = await userRowsOf(meta);
            const seen = (res.body.items as Array<{ id: unknown }>).filter((i) =>
              foreign.has(String(i.id)),
            );
            if (seen.length > 0) mismatches.push(`${label}: lists ${seen.length} of A's rows`);
            for (const q of op.parameters.filter((p) => p.in === 'query')) {
              const fk = meta.foreignKeys.find((f) => f.columns[0].propertyName === q.name);
              if (!fk || !isUserData(fk.referencedEntityMetadata)) continue;
              const parent = await baseRow(fk.referencedEntityMetadata);
              const filtered = await call('userB', op, `${target.url}?${q.name}=${parent}`);
              calls++;
              const leaked = (filtered.body?.items ?? []) as unknown[];
              if (filtered.status !== 200 || leaked.length > 0)
                mismatches.push(
                  `${label}?${q.name}=<A's>: ${filtered.status}, ${leaked.length} rows`,
                );
            }
          }
        }
      }
    }
    findings.push(
      `${ops.length} operations × ${CALLERS.length} callers = ${ops.length * CALLERS.length} cells, ${calls} requests`,
    );
    process.stdout.write(`access matrix: ${findings.join('; ')}\n`);
    expect(mismatches).toEqual([]);
  }, 600_000);

  /** Ids of every row of `meta` that belongs to someone other than B (through the parent chain). */
  async function userRowsOf(meta: EntityMetadata): Promise<Set<string>> {
    const rows: Array<{ id: string | number }> = await t.dataSource.query(
      `SELECT id FROM "${meta.tableName}"`,
    );
    const mine: Array<{ id: string | number }> = meta.columns.some(
      (c) => c.databaseName === 'user_id',
    )
      ? await t.dataSource.query(`SELECT id FROM "${meta.tableName}" WHERE user_id = $1`, [b.id])
      : [];
    const own = new Set(mine.map((r) => String(r.id)));
    return new Set(rows.map((r) => String(r.id)).filter((id) => !own.has(id)));
  }

  /**
   * The contract's table ("Who may touch what"), written out here independently of the app: the
   * matrix above takes each route's class from the document, so this is what keeps a table from
   * silently moving to a laxer class.
   */
  const CONTRACT: Record<string, 'owned' | 'child' | 'platform' | 'admin'> = {
    admin_settings: 'admin',
    agent_status: 'platform',
    ai_agent_profiles: 'platform',
    ai_arena_agent_decisions: 'platform',
    ai_arena_runs: 'platform',
    ai_calibration_log: 'platform',
    ai_decision_features: 'child',
    ai_decisions: 'owned',
    ai_outcome_links: 'child',
    ai_trade_outcomes: 'child',
    alert_events: 'platform',
    alert_rules: 'platform',
    allocation_policies: 'platform',
    analysis_feedback: 'child',
    api_keys: 'admin',
    asset_classifications: 'platform',
    audit_logs: 'admin',
    backtest_equity_curve: 'platform',
    backtest_runs: 'platform',
    backtest_trade_events: 'platform',
    broker_assets: 'platform',
    competition_runs: 'platform',
    competition_scores: 'platform',
    connector_metrics: 'platform',
    conversations: 'owned',
    data_source_analysis: 'child',
    debate_consensus: 'platform',
    debate_messages: 'platform',
    debate_sessions: 'platform',
    external_api_cache_entries: 'platform',
    external_api_usage_counters: 'platform',
    fills: 'child',
    idempotency_keys: 'admin',
    insider_activity_analysis: 'platform',
    llm_calls: 'platform',
    llm_role_configs: 'platform',
    login_attempts: 'admin',
    macro_analysis: 'platform',
    macro_indicators: 'platform',
    messages: 'child',
    orders: 'owned',
    positions: 'owned',
    rebalance_runs: 'platform',
    server_secrets: 'admin',
    sessions: 'admin',
    short_interest_analysis: 'platform',
    strategies: 'platform',
    strategy_versions: 'platform',
    tool_invocations: 'platform',
    trader_profiles: 'platform',
    trades: 'owned',
    universe_assets: 'platform',
    universe_candidates: 'platform',
    universe_fundamentals: 'platform',
    universe_liquidity_metrics: 'platform',
    universe_technicals: 'platform',
    users: 'admin',
    valyu_retrieval_counters: 'platform',
    work_item_runs: 'child',
    work_items: 'child',
  };

  it('states every table’s class as the contract does', () => {
    const stated = Object.fromEntries(
      t.dataSource.entityMetadatas.map((m) => [m.tableName, classOf(m) ?? 'no route']),
    );
    // Tables no route touches have no class in the document; the rest must match the contract.
    for (const [table, cls] of Object.entries(stated)) {
      if (cls === 'no route') continue;
      expect({ table, cls }).toEqual({ table, cls: CONTRACT[table] });
    }
    expect(Object.keys(CONTRACT).sort()).toEqual(Object.keys(stated).sort());
  });
});
