import { randomBytes, randomUUID } from 'node:crypto';
import type { EntityMetadata } from 'typeorm';
import {
  CALLERS,
  Caller,
  cellsOf,
  ContractOperation,
  GridName,
  OPERATIONS,
  Outcome,
  PARENT_FILTERS,
  PROTECTED_STATES,
  TABLE_CLASS,
  UNLINKED_ROWS_ARE_PLATFORM,
  Variant,
} from '../contract/access-contract';
import { insertRow } from '../support/fixtures';
import { ADMIN, startTestApp, TestApp, TestUser, TEST_PASSWORD } from '../support/test-app';

/**
 * The access policy, proven from the outside against a contract that is not the code: every
 * operation of the running app (its OpenAPI document) × every variant of its contract grid ×
 * six callers, compared to test/contract/access-contract.ts, which is written by hand from the
 * policy text. The app's `x-access` extension is checked against the contract, never used as
 * the expectation. Run part of it with ACCESS_MATRIX_ONLY=<path substring>.
 */

/**
 * Cells that fail today because of holes other work is fixing (issue 23). Each entry must fail:
 * when the app starts behaving as the contract says, the entry is stale and the suite fails
 * until it is removed. `cell` is "METHOD path [variant] caller".
 */
const KNOWN_HOLES: Array<{ cell: string; hole: string }> = [];

/** Operations the contract has and the app does not have yet (being added elsewhere). */
const KNOWN_MISSING_OPERATIONS: Array<{ op: string; why: string }> = [];

/**
 * Changing a password revokes the person's other sessions: its cells run last, one at a time,
 * with the caller's own password as both current and new (so every later login still works).
 */
const PASSWORD_CHANGE = '/api/auth/password';

const ONLY = process.env.ACCESS_MATRIX_ONLY ?? '';
/** Requests in flight at once: small, the machine is shared. */
const CONCURRENCY = 4;

type Owner = 'A' | 'B' | 'platform';
type Json = Record<string, unknown>;
type Method = 'get' | 'post' | 'patch' | 'delete';

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
  description?: string;
  additionalProperties?: unknown;
}

interface XAccess {
  kind: string;
  entity?: string;
  class?: string;
  mode?: string;
  writes?: string;
  unlinked?: string;
}

interface AppOperation {
  key: string;
  access?: XAccess;
  parameters: Array<{ name: string; in: string }>;
  body?: SchemaObject;
}

interface Doc {
  paths: Record<string, Record<string, Json>>;
  components: { schemas: Record<string, SchemaObject> };
}

interface Cell {
  op: ContractOperation;
  app: AppOperation;
  variant: Variant;
  who: Caller;
  want: Outcome;
}

const opKey = (o: { method: string; path: string }) => `${o.method.toUpperCase()} ${o.path}`;
const cellKey = (c: Cell) => `${opKey(c.op)} [${c.variant}] ${c.who}`;

/** Runs `jobs` with at most `limit` in flight. */
async function pool<T>(items: T[], limit: number, job: (item: T) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await job(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/**
 * What the contract's grid says `x-access` must say, in one word: who the route is for, and
 * for table routes the class and read/write (`+platform` when parentless rows are platform's).
 */
function expectedAccess(op: ContractOperation): string {
  const mode = op.method === 'GET' ? 'read' : 'write';
  const g: GridName = op.grid;
  if (g === 'public') return 'public';
  if (g === 'any-caller') return 'caller';
  if (g === 'user-self') return 'session';
  if (g === 'service-work') return 'scope';
  if (
    g.startsWith('admin.') ||
    g === 'platform.admin-transition' ||
    g === 'platform.admin-singleton'
  )
    return 'admin';
  if (g.startsWith('platform.')) return `platform:${mode}`;
  if (g.startsWith('child+platform.')) return `child:${mode}+platform`;
  return `${TABLE_CLASS[op.table!]}:${mode}`;
}

function statedAccess(x: XAccess): string {
  if (x.kind !== 'table') return x.kind;
  if (x.class === 'admin') return 'admin';
  if (x.writes === 'admin' && x.mode === 'write') return 'admin';
  return `${x.class}:${x.mode}${x.unlinked === 'platform' ? '+platform' : ''}`;
}

describe('access matrix: the app against the hand-written access contract (e2e)', () => {
  let t: TestApp;
  let b: TestUser;
  let doc: Doc;
  const appOps = new Map<string, AppOperation>();
  const keys = { none: '', scoped: '' };
  /** One shared row per table and owner (lists show them; children hang under them). */
  const base = new Map<string, string | number>();
  /** Every row the fixtures made for user A, by table: lists of others must show none. */
  const rowsOfA = new Map<string, Set<string>>();
  let loginUser: TestUser;

  const A = () => t.user;
  const isUserData = (table: string) => ['owned', 'child'].includes(TABLE_CLASS[table] ?? '');

  beforeAll(async () => {
    t = await startTestApp('access_matrix');
    b = await t.newUser('userb');
    loginUser = await t.newUser('loginonly');
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
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, raw] of Object.entries(item)) {
        const op = raw as {
          'x-access'?: XAccess;
          parameters?: Array<{ name: string; in: string }>;
          requestBody?: { content?: Record<string, { schema?: SchemaObject }> };
        };
        const k = opKey({ method, path });
        appOps.set(k, {
          key: k,
          access: op['x-access'],
          parameters: op.parameters ?? [],
          body: op.requestBody?.content?.['application/json']?.schema,
        });
      }
    }
  });
  afterAll(async () => t?.close());

  // ---- rows ---------------------------------------------------------------------------------

  const metaOf = (table: string): EntityMetadata => {
    const m = t.dataSource.entityMetadatas.find((e) => e.tableName === table);
    if (!m) throw new Error(`no table ${table}`);
    return m;
  };
  /** The keys that make a child row its parent's (nullable ones included). */
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
  const oneToOne = (meta: EntityMetadata, prop: string) =>
    [...meta.uniques, ...meta.indices.filter((i) => i.isUnique)].some(
      (u) => u.columns.length === 1 && u.columns[0].propertyName === prop,
    );
  const userOf = (owner: Owner) => (owner === 'B' ? b.id : owner === 'A' ? A().id : t.admin.id);

  /**
   * A fresh row of `table` belonging to `owner`: user data hangs under the owner's rows (a
   * platform row under no user row at all), platform keys point at platform rows.
   */
  async function newRow(
    table: string,
    owner: Owner,
    fixed: Record<string, unknown> = {},
  ): Promise<string | number> {
    const meta = metaOf(table);
    const overrides: Json = { ...fixed };
    for (const fk of meta.foreignKeys) {
      const column = fk.columns[0];
      const prop = column.propertyName;
      if (prop in fixed) continue;
      const target = fk.referencedEntityMetadata.tableName;
      const isParent = parentKeys.has(`${table}.${column.databaseName}`);
      if (target === 'users') {
        if (!column.isNullable) overrides[prop] = userOf(owner);
      } else if (isUserData(target)) {
        if (owner === 'platform') {
          // A platform row's parent, where it has one, is a platform row too (feedback on a
          // platform analysis, the run of a platform work item).
          const platformParent = isParent && UNLINKED_ROWS_ARE_PLATFORM.includes(target);
          if (!column.isNullable || platformParent)
            overrides[prop] = await baseRow(target, 'platform');
        } else if (!column.isNullable || isParent) {
          overrides[prop] = oneToOne(meta, prop)
            ? await newRow(target, owner)
            : await baseRow(target, owner);
        }
      } else if (!column.isNullable) {
        overrides[prop] = oneToOne(meta, prop)
          ? await newRow(target, 'platform')
          : await baseRow(target, 'platform');
      }
    }
    const primary = meta.primaryColumns[0];
    // Ids the API accepts in a path (a UUID), even where the column would take any text.
    if (String(primary.type) === 'uuid' || (!primary.isGenerated && primary.default === undefined))
      overrides[primary.propertyName] = randomUUID();
    for (const unique of [...meta.uniques, ...meta.indices.filter((i) => i.isUnique)]) {
      for (const c of unique.columns) {
        if (c.propertyName in overrides || c.relationMetadata) continue;
        const type = String(c.type);
        if (type === 'integer') overrides[c.propertyName] = 1 + Math.floor(Math.random() * 1e9);
        // Concurrent rows must not share a unique date (one macro analysis per date).
        if (type === 'date' || type.startsWith('timestamp'))
          overrides[c.propertyName] = new Date(Date.now() - Math.floor(Math.random() * 3e12));
      }
    }
    const id = (await insertRow(t.dataSource.manager, meta, overrides)).id;
    if (owner === 'A' && isUserData(table)) {
      if (!rowsOfA.has(table)) rowsOfA.set(table, new Set());
      rowsOfA.get(table)!.add(String(id));
    }
    return id;
  }

  const pendingBase = new Map<string, Promise<string | number>>();
  function baseRow(table: string, owner: Owner): Promise<string | number> {
    const k = `${table}:${owner}`;
    const known = base.get(k);
    if (known !== undefined) return Promise.resolve(known);
    // Concurrent cells asking for the same shared row get the same one.
    if (!pendingBase.has(k))
      pendingBase.set(
        k,
        newRow(table, owner).then((id) => {
          base.set(k, id);
          return id;
        }),
      );
    return pendingBase.get(k)!;
  }

  async function rowText(table: string, id: string | number): Promise<string | null> {
    const rows: Array<{ h: string }> = await t.dataSource.query(
      `SELECT md5(x::text) AS h FROM "${table}" x WHERE id = $1`,
      [id],
    );
    return rows[0]?.h ?? null;
  }

  // ---- bodies --------------------------------------------------------------------------------

  const resolve = (s: SchemaObject): SchemaObject =>
    s.$ref ? resolve(doc.components.schemas[s.$ref.split('/').pop()!]) : s;

  /**
   * A valid body from the operation's schema: its required properties plus (for a POST) every
   * key of the table, user data keys pointing at `refs`'s rows (or left out, 'unlinked').
   */
  async function bodyFor(
    op: ContractOperation,
    app: AppOperation,
    refs: Owner | 'unlinked',
    withUserKeys: boolean,
  ): Promise<{ body: Json | undefined; userKeys: number }> {
    if (!app.body) return { body: undefined, userKeys: 0 };
    if (op.path === '/api/auth/signup')
      return {
        body: { username: `s${randomBytes(6).toString('hex')}`, password: TEST_PASSWORD },
        userKeys: 0,
      };
    if (op.path === '/api/auth/login')
      return { body: { username: loginUser.username, password: TEST_PASSWORD }, userKeys: 0 };
    const meta = op.table ? metaOf(op.table) : undefined;
    let userKeys = 0;
    const value = async (name: string, s0: SchemaObject): Promise<unknown> => {
      const s = resolve(s0);
      if (s.allOf) return value(name, Object.assign({}, ...s.allOf.map(resolve)) as SchemaObject);
      const fk = meta?.foreignKeys.find((f) => f.columns[0].propertyName === name);
      const uniques = meta ? [...meta.uniques, ...meta.indices.filter((i) => i.isUnique)] : [];
      const unique = uniques.find((u) => u.columns.some((c) => c.propertyName === name));
      if (fk && fk.referencedEntityMetadata.tableName !== 'users') {
        const target = fk.referencedEntityMetadata.tableName;
        const single = unique?.columns.length === 1;
        if (isUserData(target)) {
          userKeys++;
          // A parentless row still hangs under its platform parent (feedback on an analysis).
          if (refs === 'unlinked' && UNLINKED_ROWS_ARE_PLATFORM.includes(target))
            return baseRow(target, 'platform');
          const owner: Owner = refs === 'unlinked' ? 'platform' : refs;
          return single ? newRow(target, owner) : baseRow(target, owner);
        }
        return single ? newRow(target, 'platform') : baseRow(target, 'platform');
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
      if (!s.properties && s.additionalProperties) return { k: 'v' };
      for (const [name, prop] of Object.entries(s.properties ?? {})) {
        const fk = meta?.foreignKeys.find((f) => f.columns[0].propertyName === name);
        const required = (s.required ?? []).includes(name);
        const toUser = fk && isUserData(fk.referencedEntityMetadata.tableName);
        // Leave out optional user data keys where the variant wants none; a PATCH re-points
        // only user data keys (moving a row between platform parents is another question).
        const platformParent =
          toUser && UNLINKED_ROWS_ARE_PLATFORM.includes(fk.referencedEntityMetadata.tableName);
        if (toUser && !required && !withUserKeys) continue;
        if (toUser && !required && refs === 'unlinked' && !platformParent) continue;
        const isKey = fk && (op.method !== 'PATCH' || toUser);
        if (required || isKey) out[name] = await value(name, prop);
      }
      return out;
    };
    return { body: (await value('', app.body)) as Json, userKeys };
  }

  // ---- a cell --------------------------------------------------------------------------------

  interface Built {
    url: string;
    body?: Json;
    /** Rows the call must leave as they were, with their text before it. */
    sentinels: Array<{
      table: string;
      id: string | number;
      before: string | null;
      always: boolean;
    }>;
    /** Extra URLs for the parent-filter variant. */
    filtered?: string[];
  }

  /** Builds the rows, URL and body of a cell; undefined when the variant does not apply. */
  async function build(cell: Cell): Promise<Built | undefined> {
    const { op, app, variant, who } = cell;
    const pathOwner: Owner = variant === 'A row' ? 'A' : 'platform';
    let url = op.path;
    const sentinels: Built['sentinels'] = [];
    const resolved: Record<string, string | number> = {};
    let last: { table: string; id: string | number } | undefined;
    for (const [param, table] of Object.entries(op.params ?? {})) {
      const meta = metaOf(table);
      const fixed: Json = {};
      for (const fk of meta.foreignKeys) {
        const id = resolved[fk.referencedEntityMetadata.tableName];
        if (id !== undefined) fixed[fk.columns[0].propertyName] = id;
      }
      const isLast = param === Object.keys(op.params!).at(-1);
      if (isLast && variant === 'protected row') {
        Object.assign(fixed, PROTECTED_STATES[table]);
        // An admin-only state may be one per parent (one active version): a parent of its own.
        for (const fk of meta.foreignKeys) {
          const prop = fk.columns[0].propertyName;
          const target = fk.referencedEntityMetadata.tableName;
          if (!(prop in fixed) && !fk.columns[0].isNullable && target !== 'users')
            fixed[prop] = await newRow(target, 'platform');
        }
      }
      const id = await newRow(table, pathOwner, fixed);
      resolved[table] = id;
      last = { table, id };
      url = url.replace(`{${param}}`, encodeURIComponent(String(id)));
    }
    const mutating = op.method !== 'GET';
    if (mutating && last)
      sentinels.push({ ...last, before: await rowText(last.table, last.id), always: false });

    if (variant === 'platform row B depends on') {
      // A row of user B's that refers to the platform row (not as its parent).
      const target = last!.table;
      const dependent = t.dataSource.entityMetadatas
        .filter((m) => TABLE_CLASS[m.tableName] === 'owned')
        .flatMap((m) =>
          m.foreignKeys
            .filter((f) => f.referencedEntityMetadata.tableName === target)
            .map((f) => ({ table: m.tableName, prop: f.columns[0].propertyName })),
        )[0];
      if (!dependent) return undefined;
      const id = await newRow(dependent.table, 'B', { [dependent.prop]: last!.id });
      sentinels.push({
        table: dependent.table,
        id,
        before: await rowText(dependent.table, id),
        always: true,
      });
    }

    if (variant === 'list+total') return { url: `${url}?includeTotal=true&limit=500`, sentinels };
    if (variant === 'list by A parent') {
      const filtered: string[] = [];
      for (const name of PARENT_FILTERS[op.path] ?? []) {
        const meta = metaOf(op.table!);
        const fk = meta.foreignKeys.find((f) => f.columns[0].propertyName === name)!;
        const parent = await baseRow(fk.referencedEntityMetadata.tableName, 'A');
        filtered.push(`${url}?${name}=${encodeURIComponent(String(parent))}&includeTotal=true`);
      }
      return filtered.length ? { url: filtered[0], filtered, sentinels } : undefined;
    }
    if (
      variant === 'create' ||
      variant === 'create referring to A' ||
      variant === 'create unlinked'
    ) {
      const refs: Owner | 'unlinked' =
        variant === 'create unlinked'
          ? 'unlinked'
          : variant === 'create referring to A'
            ? 'A'
            : who === 'userB'
              ? 'B'
              : 'A';
      const { body, userKeys } = await bodyFor(op, app, refs, true);
      if (variant === 'create referring to A' && userKeys === 0) return undefined;
      return { url, body, sentinels };
    }
    if (mutating) {
      const refs: Owner | 'unlinked' = variant === 'A row' ? 'A' : 'unlinked';
      const { body } = await bodyFor(op, app, refs, variant === 'A row');
      return { url, body, sentinels };
    }
    return { url, sentinels };
  }

  async function call(who: Caller, op: ContractOperation, url: string, body?: Json) {
    const method = op.method.toLowerCase() as Method;
    const req = t.http[method](url);
    // Logging out ends the session it is sent with: give it a fresh one of the same user.
    const fresh = op.grid === 'any-caller' && op.method !== 'GET';
    let token: string | undefined;
    switch (who) {
      case 'anonymous':
        break;
      case 'userA':
        token = fresh ? (await t.login(A().username, TEST_PASSWORD)).token : A().token;
        break;
      case 'userB':
        token = fresh ? (await t.login(b.username, TEST_PASSWORD)).token : b.token;
        break;
      case 'admin':
        token = fresh ? (await t.login(ADMIN.username, ADMIN.password)).token : t.admin.token;
        break;
      case 'serviceNoScope':
        token = keys.none;
        break;
      case 'serviceActingAsA':
        token = keys.scoped;
        req.set('X-Act-As-User', A().id);
        break;
    }
    if (token) req.set('Authorization', `Bearer ${token}`);
    if (op.path === PASSWORD_CHANGE && body !== undefined) {
      const own = who === 'admin' ? ADMIN.password : TEST_PASSWORD;
      return req.send({ ...body, currentPassword: own, newPassword: own });
    }
    return body === undefined ? req : req.send(body);
  }

  /** Why the response breaks the contract's outcome, or undefined. */
  function judge(cell: Cell, res: { status: number; body: Json }, url: string): string | undefined {
    const got = res.status;
    const items = Array.isArray(res.body?.items) ? (res.body.items as Array<{ id: unknown }>) : [];
    const brief = () => `${got} ${JSON.stringify(res.body).slice(0, 200)}`;
    switch (cell.want) {
      case 'OK':
        if (got < 200 || got >= 300) return `expected 2xx, got ${brief()}`;
        break;
      case 'OWN': {
        if (got !== 200) return `expected 200 without A's rows, got ${brief()}`;
        const mine = rowsOfA.get(cell.op.table!) ?? new Set();
        const seen = items.filter((i) => mine.has(String(i.id))).length;
        if (seen > 0) return `lists ${seen} of user A's rows`;
        break;
      }
      case 'NONE':
        if (got !== 200 || items.length > 0)
          return `${url}: expected 200 and no rows, got ${got} with ${items.length} rows`;
        if (res.body.total !== undefined && res.body.total !== null && res.body.total !== 0)
          return `${url}: total ${String(res.body.total)} counts rows it may not see`;
        break;
      case 'REF':
        if (got !== 404 && got !== 422) return `expected 404 or 422, got ${brief()}`;
        break;
      case 'SILENT':
        if (got >= 500) return `expected no 5xx, got ${brief()}`;
        break;
      default:
        if (got !== cell.want) return `expected ${cell.want}, got ${brief()}`;
    }
    // A total counts exactly what the caller may list: here everything fits one page.
    if (cell.variant === 'list+total' && got === 200 && res.body.hasMore === false) {
      if (res.body.total !== items.length)
        return `total ${String(res.body.total)} but ${items.length} rows listed`;
    }
    return undefined;
  }

  it('covers every operation of the app, and nothing the app lacks', () => {
    const contractOps = new Set(OPERATIONS.map(opKey));
    const missingFromContract = [...appOps.keys()].filter((k) => !contractOps.has(k));
    const noSuchOperation = [...contractOps].filter((k) => !appOps.has(k));
    const knownMissing = KNOWN_MISSING_OPERATIONS.map((m) => m.op);
    expect(missingFromContract).toEqual([]);
    expect(noSuchOperation.filter((k) => !knownMissing.includes(k))).toEqual([]);
    // A known-missing operation that the app now has: remove it from the list.
    expect(knownMissing.filter((k) => appOps.has(k))).toEqual([]);
    expect(OPERATIONS.length).toBe(contractOps.size); // no operation listed twice
    // Every path parameter says which table its row is in.
    const unnamed = OPERATIONS.flatMap((o) =>
      [...o.path.matchAll(/\{(\w+)\}/g)]
        .filter((m) => !o.params?.[m[1]])
        .map((m) => `${opKey(o)} {${m[1]}}`),
    );
    expect(unnamed).toEqual([]);
  });

  it('x-access states what the contract says (checked, never the oracle)', () => {
    const wrong: string[] = [];
    for (const op of OPERATIONS) {
      const app = appOps.get(opKey(op));
      if (!app) continue;
      if (!app.access) {
        wrong.push(`${opKey(op)}: no x-access`);
        continue;
      }
      const stated = statedAccess(app.access);
      const want = expectedAccess(op);
      if (stated !== want) wrong.push(`${opKey(op)}: x-access says ${stated}, contract ${want}`);
      if (app.access.entity && op.table) {
        const meta = t.dataSource.entityMetadatas.find(
          (m) => (m.target as { name?: string }).name === app.access!.entity,
        );
        if (meta?.tableName !== op.table)
          wrong.push(`${opKey(op)}: x-access names ${meta?.tableName}, contract ${op.table}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('every table is in the contract, and every list filter on user data is a parent filter', () => {
    const tables = t.dataSource.entityMetadatas.map((m) => m.tableName).sort();
    expect(Object.keys(TABLE_CLASS).sort()).toEqual(tables);
    const unfiltered: string[] = [];
    for (const op of OPERATIONS.filter((o) => o.method === 'GET' && o.table && !o.params)) {
      const app = appOps.get(opKey(op));
      const meta = metaOf(op.table!);
      for (const q of app?.parameters.filter((p) => p.in === 'query') ?? []) {
        const fk = meta.foreignKeys.find((f) => f.columns[0].propertyName === q.name);
        if (fk && isUserData(fk.referencedEntityMetadata.tableName))
          if (!(PARENT_FILTERS[op.path] ?? []).includes(q.name))
            unfiltered.push(`${op.path}?${q.name}`);
      }
    }
    expect(unfiltered).toEqual([]);
    for (const table of UNLINKED_ROWS_ARE_PLATFORM) expect(TABLE_CLASS[table]).toBe('child');
  });

  it('gives every caller what the contract says, cell by cell', async () => {
    const cells: Cell[] = [];
    for (const op of OPERATIONS) {
      const app = appOps.get(opKey(op));
      if (!app || (ONLY && !op.path.includes(ONLY))) continue;
      for (const { variant, outcomes } of cellsOf(op))
        for (const who of CALLERS) cells.push({ op, app, variant, who, want: outcomes[who] });
    }
    // The shared rows lists are made of, before any list runs.
    const listed = cells.filter((c) => c.variant === 'list' && c.op.table && !c.op.params);
    for (const table of new Set(listed.map((c) => c.op.table!))) {
      if (TABLE_CLASS[table] === 'admin') continue;
      if (isUserData(table)) {
        await baseRow(table, 'A');
        await baseRow(table, 'B');
      }
      if (!isUserData(table) || UNLINKED_ROWS_ARE_PLATFORM.includes(table))
        await baseRow(table, 'platform');
    }

    const mismatches = new Map<string, string>();
    const skipped = new Set<string>();
    let requests = 0;
    const run = async (cell: Cell) => {
      const key = cellKey(cell);
      let built: Built | undefined;
      try {
        built = await build(cell);
      } catch (e) {
        mismatches.set(key, `fixture failed: ${(e as Error).message}`);
        return;
      }
      if (!built) {
        skipped.add(`${opKey(cell.op)} [${cell.variant}]`);
        return;
      }
      for (const url of built.filtered ?? [built.url]) {
        const res = await call(cell.who, cell.op, url, built.body).catch((e: Error) => ({
          status: 0,
          body: { error: e.message },
        }));
        requests++;
        const why = judge(cell, res as { status: number; body: Json }, url);
        if (why) {
          mismatches.set(key, why);
          break;
        }
        const refused = typeof cell.want === 'number' || cell.want === 'REF';
        for (const s of built.sentinels) {
          if (!s.always && !refused) continue;
          if ((await rowText(s.table, s.id)) !== s.before)
            mismatches.set(
              key,
              `changed or removed ${s.table} ${String(s.id)}, a row it may not touch`,
            );
        }
      }
    };
    // Reads first, all together, then writes: a list's total is not raced by other cells' rows.
    await pool(
      cells.filter((c) => c.op.method === 'GET'),
      CONCURRENCY,
      run,
    );
    await pool(
      cells.filter((c) => c.op.method !== 'GET' && c.op.path !== PASSWORD_CHANGE),
      CONCURRENCY,
      run,
    );
    await pool(
      cells.filter((c) => c.op.path === PASSWORD_CHANGE),
      1,
      run,
    );

    const ops = new Set(cells.map((c) => opKey(c.op))).size;
    const variants = new Set(cells.map((c) => `${opKey(c.op)} [${c.variant}]`)).size;
    if (skipped.size) process.stdout.write(`not applicable: ${[...skipped].join(', ')}\n`);
    process.stdout.write(
      `access matrix: ${ops} operations, ${variants} operation variants (${skipped.size} not applicable) × ${CALLERS.length} callers = ${cells.length} cells, ${requests} requests, ${mismatches.size} mismatches\n`,
    );

    const ran = new Set(cells.map(cellKey));
    const known = new Map(KNOWN_HOLES.map((h) => [h.cell, h.hole]));
    const unexpected = [...mismatches].filter(([k]) => !known.has(k)).map(([k, v]) => `${k}: ${v}`);
    // A hole that no longer shows (and whose cell ran) is fixed: take it off the list.
    const stale = [...known.keys()].filter(
      (k) => ran.has(k) && !mismatches.has(k) && ![...skipped].some((s) => k.startsWith(s)),
    );
    expect(unexpected).toEqual([]);
    expect(stale).toEqual([]);
  }, 600_000);
});
