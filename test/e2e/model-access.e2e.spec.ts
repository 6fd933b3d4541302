import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import {
  changedOwners,
  describeChanges,
  OwnerKey,
  OwnerSnapshot,
  OwnerSnapshots,
  PLATFORM,
  removedPerTable,
} from '../support/owner-snapshot';
import { startTestApp, TestApp } from '../support/test-app';

/*
 * Stateful property test of the access policy ("Who may touch what"): random sequences of steps
 * by three users, one service key (acting for nobody with its platform scope, or for a user with
 * X-Act-As-User) and an admin, run against a model of what each step must do. After every step
 * the database is compared with the model (which rows exist, whose they are) and with the
 * previous step's owner-scoped checksums: a step may only change the rows of the owners the
 * model allows it to (a refused step none at all; a delete only its root's owner, unless an
 * admin forces it). Delete previews must say what the delete then removes; nothing answers 5xx.
 *
 * MODEL_RUNS (default 200) sequences; MODEL_SEED and MODEL_PATH replay a failure (both are
 * printed); MODEL_INCLUDE_HOLES=1 also generates the steps of the two known holes below;
 * MODEL_SHRINK=1 shrinks a failing sequence (slow: each attempt replays it over HTTP).
 */

/**
 * Steps of the two holes the model found, which were skipped while their fixes landed (the
 * model encodes the correct rule for both):
 * - hole 3: a delete (by a user, a service, or an admin without force) whose cascade reaches
 *   rows of another owner through a row that changed hands, e.g. a platform work item that a
 *   user's outcome link refers to, later attached to another user's decision. Must be 409
 *   HAS_DEPENDENTS.
 * - hole 4: a platform writer's delete that removes an admin state (the active strategy
 *   version, a strategy switched on, an approved candidate), which PATCH refuses. Must be 403.
 */
// Both holes are fixed (409 HAS_DEPENDENTS, 403 on protected states): their steps are generated
// like every other. Set to true to leave them out again while a regression is being fixed.
const KNOWN_HOLES = false;
const INCLUDE = process.env.MODEL_INCLUDE_HOLES ?? '';
/** MODEL_INCLUDE_HOLES=1 generates the steps of both holes, =3 or =4 those of one. */
const SKIP_HOLE3 = KNOWN_HOLES && !['1', '3'].includes(INCLUDE);
const SKIP_HOLE4 = KNOWN_HOLES && !['1', '4'].includes(INCLUDE);

/** Where a run's time goes (milliseconds), printed with its figures. */
const TIMING = { requests: 0, snapshots: 0 };
const RUNS = Number(process.env.MODEL_RUNS ?? 200);
const MIN_STEPS = 20;

type Table =
  | 'strategies'
  | 'strategy_versions'
  | 'universe_candidates'
  | 'trades'
  | 'ai_decisions'
  | 'orders'
  | 'fills'
  | 'work_items'
  | 'work_item_runs'
  | 'data_source_analysis'
  | 'ai_outcome_links'
  | 'ai_trade_outcomes'
  | 'analysis_feedback';

interface Fk {
  prop: string;
  table: Table;
  required?: boolean;
}

interface TableDef {
  cls: 'owned' | 'child' | 'platform';
  /** A child's parent key (its owner is the parent's). */
  parent?: string;
  /** A child without parent is platform data. */
  unlinked?: boolean;
  fks: Fk[];
  /** API path segment of DELETE /api/<path>/:id, when the table has one. */
  deletePath?: string;
}

/** The tables the model drives, with the foreign keys it sets (every one ON DELETE CASCADE). */
const TABLES: Record<Table, TableDef> = {
  strategies: { cls: 'platform', fks: [], deletePath: 'strategies' },
  strategy_versions: {
    cls: 'platform',
    fks: [{ prop: 'strategyId', table: 'strategies', required: true }],
    deletePath: 'strategy-versions',
  },
  universe_candidates: { cls: 'platform', fks: [], deletePath: 'universe-candidates' },
  trades: {
    cls: 'owned',
    fks: [{ prop: 'strategyId', table: 'strategies' }],
    deletePath: 'trades',
  },
  ai_decisions: {
    cls: 'owned',
    fks: [
      { prop: 'strategyId', table: 'strategies' },
      { prop: 'executedTradeId', table: 'trades' },
    ],
    deletePath: 'ai-decisions',
  },
  orders: {
    cls: 'owned',
    fks: [
      { prop: 'decisionId', table: 'ai_decisions' },
      { prop: 'tradeIntentId', table: 'trades' },
    ],
  },
  fills: {
    cls: 'child',
    parent: 'orderId',
    fks: [{ prop: 'orderId', table: 'orders', required: true }],
  },
  work_items: {
    cls: 'child',
    parent: 'decisionId',
    unlinked: true,
    fks: [{ prop: 'decisionId', table: 'ai_decisions' }],
    deletePath: 'work-items',
  },
  work_item_runs: {
    cls: 'child',
    parent: 'workItemId',
    fks: [{ prop: 'workItemId', table: 'work_items', required: true }],
    deletePath: 'work-item-runs',
  },
  data_source_analysis: {
    cls: 'child',
    parent: 'decisionId',
    unlinked: true,
    fks: [{ prop: 'decisionId', table: 'ai_decisions' }],
    deletePath: 'data-source-analyses',
  },
  ai_outcome_links: {
    cls: 'child',
    parent: 'decisionId',
    fks: [
      { prop: 'decisionId', table: 'ai_decisions', required: true },
      { prop: 'workItemId', table: 'work_items' },
    ],
    deletePath: 'ai-outcome-links',
  },
  ai_trade_outcomes: {
    cls: 'child',
    parent: 'decisionId',
    fks: [
      { prop: 'decisionId', table: 'ai_decisions', required: true },
      { prop: 'tradeId', table: 'trades' },
    ],
    deletePath: 'ai-trade-outcomes',
  },
  analysis_feedback: {
    cls: 'child',
    parent: 'dataSourceAnalysisId',
    fks: [
      { prop: 'dataSourceAnalysisId', table: 'data_source_analysis', required: true },
      { prop: 'tradeOutcomeId', table: 'ai_trade_outcomes' },
    ],
    deletePath: 'analysis-feedback',
  },
};
const MODEL_TABLES = Object.keys(TABLES) as Table[];
const CREATABLE = MODEL_TABLES.filter((t) => t !== 'work_item_runs');
const DELETABLE = MODEL_TABLES.filter((t) => TABLES[t].deletePath !== undefined);

interface Caller {
  name: string;
  kind: 'user' | 'service' | 'admin';
  /** Whose rows it reads and writes (null: a service acting for nobody). */
  userId: string | null;
  writesPlatform: boolean;
  isAdmin: boolean;
  headers: Record<string, string>;
}

interface Row {
  table: Table;
  id: string;
  alive: boolean;
  refs: Record<string, string | null>;
  /** The owner column of an owned row. */
  userId?: string;
  /** Creation order (work items are claimed oldest first). */
  seq: number;
  isActive?: boolean;
  status?: string;
}

/** The model: every row the sequence created, alive or deleted, with what the API may do to it. */
class Model {
  rows = new Map<string, Row>();
  private seq = 0;
  counter = 0;

  add(row: Omit<Row, 'seq' | 'alive'>): Row {
    const full = { ...row, alive: true, seq: this.seq++ };
    this.rows.set(row.id, full);
    return full;
  }

  of(table: Table, alive?: boolean): Row[] {
    return [...this.rows.values()].filter(
      (r) => r.table === table && (alive === undefined || r.alive === alive),
    );
  }

  owner(row: Row): OwnerKey {
    const def = TABLES[row.table];
    if (def.cls === 'platform') return PLATFORM;
    if (def.cls === 'owned') return row.userId!;
    const parent = row.refs[def.parent!];
    if (!parent) return def.unlinked ? PLATFORM : 'none';
    return this.owner(this.rows.get(parent)!);
  }

  readable(c: Caller, row: Row): boolean {
    if (!row.alive) return false;
    if (c.isAdmin) return true;
    const owner = this.owner(row);
    return owner === PLATFORM || owner === c.userId;
  }

  writable(c: Caller, row: Row): boolean {
    if (!row.alive) return false;
    if (c.isAdmin) return true;
    const owner = this.owner(row);
    return owner === PLATFORM ? c.writesPlatform : owner === c.userId;
  }

  /** Whether the caller may write some rows of the table at all (else the route is a 403). */
  gate(c: Caller, table: Table): boolean {
    if (c.isAdmin) return true;
    const def = TABLES[table];
    if (def.cls === 'platform') return c.writesPlatform;
    if (def.cls === 'owned') return c.userId !== null;
    const parentTable = def.fks.find((f) => f.prop === def.parent)!.table;
    return this.gate(c, parentTable) || (def.unlinked === true && c.writesPlatform);
  }

  /** The rows a delete of `root` removes (every key cascades). */
  cascade(root: Row): Row[] {
    const set = new Set<string>([root.id]);
    for (let grew = true; grew;) {
      grew = false;
      for (const r of this.rows.values()) {
        if (!r.alive || set.has(r.id)) continue;
        if (Object.values(r.refs).some((id) => id !== null && set.has(id))) {
          set.add(r.id);
          grew = true;
        }
      }
    }
    return [...set].map((id) => this.rows.get(id)!);
  }

  /** An admin state a generic write may not remove: only an admin ends it. */
  adminState(row: Row): boolean {
    return (
      (row.table === 'strategies' && row.isActive === true) ||
      (row.table === 'strategy_versions' && row.status === 'active') ||
      (row.table === 'universe_candidates' && row.status === 'APPROVED')
    );
  }
}

interface DeleteVerdict {
  statuses: number[];
  cascade: Row[];
  hole3: boolean;
  hole4: boolean;
}

/** What a delete must answer, by the contract (the correct rule, holes included). */
function judgeDelete(
  m: Model,
  c: Caller,
  row: Row,
  force: boolean,
  dryRun: boolean,
): DeleteVerdict {
  const none = { cascade: [], hole3: false, hole4: false };
  if (!m.gate(c, row.table)) return { statuses: [403], ...none };
  if (!row.alive || !m.readable(c, row)) return { statuses: [404], ...none };
  if (!m.writable(c, row)) return { statuses: [403], ...none };
  const cascade = m.cascade(row);
  const rootOwner = m.owner(row);
  const def = TABLES[row.table];
  const shared = def.cls === 'platform' || (def.unlinked === true && !row.refs[def.parent!]);
  const others = cascade.filter((r) => r !== row);
  // Shared data that users' rows depend on, or user data that shared rows depend on.
  const userData = (r: Row) => TABLES[r.table].cls !== 'platform';
  // Under shared data, the rows some user owns (a run of a platform work item is the platform's
  // like its item: owners are found up the parent chain).
  const dependents = others.filter((r) =>
    shared ? userData(r) && m.owner(r) !== PLATFORM : !userData(r),
  );
  // Rows of another owner reached through user data: hole 3.
  const crossing = shared ? [] : others.filter((r) => userData(r) && m.owner(r) !== rootOwner);
  const hole3 = crossing.length > 0 && !(c.isAdmin && force);
  const hole4 = !c.isAdmin && cascade.some((r) => m.adminState(r));
  const ok = dryRun ? 200 : 204;
  if (c.isAdmin && force) return { statuses: [ok], cascade, hole3, hole4 };
  const conflict = dependents.length + crossing.length > 0;
  if (hole4) return { statuses: conflict ? [403, 409] : [403], cascade, hole3, hole4 };
  return { statuses: conflict ? [409] : [ok], cascade, hole3, hole4 };
}

interface Reply {
  status: number;
  body: Record<string, unknown>;
}

/** The system under test: the app, its callers, and the checks run after every step. */
class Real {
  steps = 0;
  requests = 0;
  log: string[] = [];
  snapshot!: OwnerSnapshot;

  constructor(
    private readonly base: string,
    private readonly snaps: OwnerSnapshots,
  ) {}

  async call(c: Caller, method: string, url: string, body?: unknown): Promise<Reply> {
    this.requests++;
    const r = await fetch(`${this.base}${url}`, {
      method,
      headers: { ...c.headers, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await r.text();
    const reply = {
      status: r.status,
      body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
    };
    if (reply.status >= 500)
      throw new Error(`${c.name} ${method} ${url} answered ${reply.status}: ${text}`);
    return reply;
  }

  /**
   * One step: the request, then the database against the model. `allowed` are the owners whose
   * rows the step may change when it succeeds as expected (a refused step changes nothing).
   */
  async step(
    m: Model,
    what: string,
    expected: number[],
    allowed: OwnerKey[],
    send: () => Promise<Reply>,
    apply: (reply: Reply, before: OwnerSnapshot, after: OwnerSnapshot) => void = () => undefined,
  ): Promise<Reply> {
    this.steps++;
    this.log.push(what);
    const t0 = performance.now();
    const reply = await send();
    TIMING.requests += performance.now() - t0;
    const before = this.snapshot;
    const t1 = performance.now();
    const after = await this.snaps.take();
    TIMING.snapshots += performance.now() - t1;
    this.snapshot = after;
    const asExpected = expected.includes(reply.status);
    const succeeded = reply.status < 300 && asExpected;
    const mayChange = new Set(succeeded ? allowed : []);
    const problems: string[] = [];
    for (const owner of changedOwners(before, after)) {
      if (!mayChange.has(owner))
        problems.push(
          `rows of ${ownerName(owner)} changed: ${describeChanges(before, after, owner).join(', ')}`,
        );
    }
    if (!asExpected)
      problems.push(
        `answered ${reply.status} ${JSON.stringify(reply.body).slice(0, 300)}, model expects ${expected.join(' or ')}`,
      );
    if (problems.length === 0) {
      if (succeeded) apply(reply, before, after);
      problems.push(...consistency(m, after));
    }
    if (problems.length > 0)
      throw new Error(
        `step ${this.steps} ${what}:\n  ${problems.join('\n  ')}\nsteps:\n  ${this.log.join('\n  ')}`,
      );
    return reply;
  }
}

/** Owner names for messages (user ids are replaced by the callers' names). */
const ownerNames = new Map<string, string>();
const ownerName = (owner: OwnerKey) => ownerNames.get(owner) ?? owner;

/** The database holds exactly the model's live rows, each with the model's owner. */
function consistency(m: Model, snap: OwnerSnapshot): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const row of snap.rows.values()) {
    if (!(MODEL_TABLES as string[]).includes(row.table)) continue;
    seen.add(row.id);
    const known = m.rows.get(row.id);
    if (!known?.alive) problems.push(`database has ${row.table}:${row.id}, the model does not`);
    else if (m.owner(known) !== row.owner)
      problems.push(
        `${row.table}:${row.id} is ${ownerName(row.owner)}'s, the model says ${ownerName(m.owner(known))}'s`,
      );
  }
  for (const row of m.rows.values())
    if (row.alive && !seen.has(row.id))
      problems.push(`model has ${row.table}:${row.id}, the database does not`);
  return problems;
}

/** The one row of `table` the step added (creates, claims). */
function addedRow(before: OwnerSnapshot, after: OwnerSnapshot, table: Table): string {
  const added = [...after.rows.values()].filter(
    (r) => r.table === table && !before.rows.has(`${r.table}:${r.id}`),
  );
  if (added.length !== 1) throw new Error(`expected one new ${table} row, found ${added.length}`);
  return added[0].id;
}

interface World {
  model: Model;
  real: Real;
  callers: Caller[];
}
type Cmd = fc.AsyncCommand<World, World>;

const pick = <T>(xs: T[], n: number): T | undefined =>
  xs.length === 0 ? undefined : xs[n % xs.length];

/** The step every command falls back to when the model offers it nothing to act on. */
async function fallback(w: World, callerIx: number): Promise<void> {
  const c = w.callers[callerIx % w.callers.length];
  await create(w, c, c.userId !== null ? 'ai_decisions' : 'strategies', {});
}

function bodyFor(
  m: Model,
  table: Table,
  refs: Record<string, string | null>,
): {
  url: string;
  body: Record<string, unknown>;
} {
  const n = ++m.counter;
  const given = Object.fromEntries(Object.entries(refs).filter(([, v]) => v !== null));
  switch (table) {
    case 'strategies':
      return { url: '/api/strategies', body: { name: `S${n}`, type: 'momentum' } };
    case 'strategy_versions':
      return {
        url: `/api/strategies/${refs.strategyId}/versions`,
        body: { version: n, name: `v${n}`, spec: {} },
      };
    case 'universe_candidates': {
      let sym = '';
      for (let k = n; k > 0; k = Math.floor(k / 26)) sym += String.fromCharCode(65 + (k % 26));
      return { url: '/api/universe-candidates', body: { symbol: `C${sym}`, tier: 'A' } };
    }
    case 'trades':
      return {
        url: '/api/trades',
        body: { symbol: 'AAPL', side: 'buy', quantity: 1, price: 1, ...given },
      };
    case 'ai_decisions':
      return { url: '/api/ai-decisions', body: { symbol: 'AAPL', action: 'buy', ...given } };
    case 'orders':
      return {
        url: '/api/orders',
        body: {
          broker: 'alpaca',
          brokerOrderId: `B${n}`,
          symbol: 'AAPL',
          side: 'buy',
          type: 'market',
          qty: '1000',
          ...given,
        },
      };
    case 'fills':
      return { url: `/api/orders/${refs.orderId}/fills`, body: { qty: '1', price: '1' } };
    case 'work_items':
      return { url: '/api/work-items', body: { type: 'sync', ...given } };
    case 'work_item_runs':
      throw new Error('work item runs are made by claims');
    case 'data_source_analysis':
      return {
        url: '/api/data-source-analyses',
        body: { symbol: 'AAPL', source: 'news', analysisType: 'sentiment', dataJson: {}, ...given },
      };
    case 'ai_outcome_links':
      return { url: '/api/ai-outcome-links', body: { symbol: 'AAPL', side: 'buy', ...given } };
    case 'ai_trade_outcomes':
      return { url: '/api/ai-trade-outcomes', body: { symbol: 'AAPL', action: 'buy', ...given } };
    case 'analysis_feedback':
      return { url: '/api/analysis-feedback', body: { symbol: 'AAPL', source: 'news', ...given } };
  }
}

/** What a create must answer: the route's gate, the parent rule, then every reference. */
function judgeCreate(
  m: Model,
  c: Caller,
  table: Table,
  refs: Record<string, string | null>,
): number[] {
  const def = TABLES[table];
  const target = (prop: string) => (refs[prop] ? m.rows.get(refs[prop]!) : undefined);
  if (table === 'fills') {
    if (!m.gate(c, 'orders')) return [403];
    const order = target('orderId')!;
    return m.writable(c, order) ? [201] : [404];
  }
  if (table === 'strategy_versions') {
    if (!c.writesPlatform) return [403];
    return target('strategyId')!.alive ? [201] : [404];
  }
  if (!m.gate(c, table)) return [403];
  if (!c.isAdmin && def.parent && !refs[def.parent] && !(def.unlinked && c.writesPlatform))
    return [403];
  const failures = new Set<number>();
  for (const fk of def.fks) {
    const row = target(fk.prop);
    if (!row) continue;
    if (c.isAdmin) {
      if (!row.alive) failures.add(422);
    } else if (!m.readable(c, row)) failures.add(422);
    else if (fk.prop === def.parent && !m.writable(c, row)) failures.add(403);
  }
  return failures.size > 0 ? [...failures] : [201];
}

async function create(
  w: World,
  c: Caller,
  table: Table,
  refs: Record<string, string | null>,
): Promise<void> {
  const { model: m, real } = w;
  const expected = judgeCreate(m, c, table, refs);
  const { url, body } = bodyFor(m, table, refs);
  const def = TABLES[table];
  const owner = (): OwnerKey => {
    if (def.cls === 'platform') return PLATFORM;
    if (def.cls === 'owned') return c.userId!;
    const parent = refs[def.parent!];
    return parent ? m.owner(m.rows.get(parent)!) : PLATFORM;
  };
  const allowed = expected.includes(201) ? [owner()] : [];
  await real.step(
    m,
    `${c.name} creates ${table} ${JSON.stringify(refs)}`,
    expected,
    allowed,
    () => real.call(c, 'POST', url, body),
    (_reply, before, after) => {
      const id = addedRow(before, after, table);
      m.add({
        table,
        id,
        refs: Object.fromEntries(def.fks.map((f) => [f.prop, refs[f.prop] ?? null])),
        userId: def.cls === 'owned' ? c.userId! : undefined,
        isActive: table === 'strategies' ? false : undefined,
        status:
          table === 'strategy_versions'
            ? 'draft'
            : table === 'universe_candidates'
              ? 'NEW'
              : table === 'work_items'
                ? 'PENDING'
                : undefined,
      });
    },
  );
}

/** Creates a row; `fit` picks callers and references that make sense, otherwise anything goes. */
class CreateCmd implements Cmd {
  constructor(
    readonly table: Table,
    readonly callerIx: number,
    readonly fit: boolean,
    readonly picks: number[],
    readonly nulls: boolean[],
  ) {}

  check(): boolean {
    return true;
  }

  async run(w: World): Promise<void> {
    const { model: m } = w;
    const def = TABLES[this.table];
    let callers = w.callers;
    if (this.fit) {
      callers = w.callers.filter((c) =>
        this.table === 'strategy_versions' ? c.writesPlatform : m.gate(c, this.table),
      );
    }
    const c = callers[this.callerIx % callers.length];
    const refs: Record<string, string | null> = {};
    for (const [i, fk] of def.fks.entries()) {
      const mustGive =
        fk.required || (fk.prop === def.parent && !(def.unlinked && c.writesPlatform));
      if (!mustGive && this.nulls[i]) {
        refs[fk.prop] = null;
        continue;
      }
      const all = m.of(fk.table);
      const candidates = this.fit
        ? all.filter((r) => (fk.prop === def.parent ? m.writable(c, r) : m.readable(c, r)))
        : all;
      const chosen = pick(candidates, this.picks[i]);
      if (!chosen) {
        if (mustGive) return fallback(w, this.callerIx);
        refs[fk.prop] = null;
      } else refs[fk.prop] = chosen.id;
    }
    await create(w, c, this.table, refs);
  }

  toString(): string {
    return `create(${this.table},c${this.callerIx},${this.fit ? 'fit' : 'any'},[${this.picks}],[${this.nulls}])`;
  }
}

/** Moves a work item or data-source analysis to another decision, or to none (PATCH decisionId). */
class ReparentCmd implements Cmd {
  constructor(
    readonly table: 'work_items' | 'data_source_analysis',
    readonly callerIx: number,
    readonly target: number,
    readonly parent: number,
    readonly toNone: boolean,
  ) {}

  check(): boolean {
    return true;
  }

  async run(w: World): Promise<void> {
    const { model: m, real } = w;
    // Mostly a row that others' rows refer to: moving it is what makes rows change hands.
    const alive = m.of(this.table, true);
    const referred = alive.filter((r) => m.cascade(r).length > 1);
    const row =
      pick(this.callerIx % 10 < 7 && referred.length > 0 ? referred : alive, this.target) ??
      pick(m.of(this.table), this.target);
    // Mostly a caller that may move the row, to a decision it may write: moves that succeed
    // build the states where rows change hands.
    const fit = this.callerIx % 10 < 7;
    const writers = row ? w.callers.filter((c) => m.writable(c, row)) : [];
    const c =
      fit && writers.length > 0
        ? writers[this.callerIx % writers.length]
        : w.callers[this.callerIx % w.callers.length];
    const decisions = m.of('ai_decisions');
    const fitting = decisions.filter((d) => m.writable(c, d));
    const decision = this.toNone
      ? undefined
      : pick(fit && fitting.length > 0 ? fitting : decisions, this.parent);
    if (!row || (!this.toNone && !decision)) return fallback(w, this.callerIx);
    const to = decision?.id ?? null;
    let expected: number[];
    if (!row.alive || !m.readable(c, row)) expected = [404];
    else if (!m.writable(c, row)) expected = [403];
    else if (to === null) expected = c.isAdmin || c.writesPlatform ? [200] : [403];
    else if (c.isAdmin) expected = decision!.alive ? [200] : [422];
    else if (!m.readable(c, decision!)) expected = [422];
    else expected = m.writable(c, decision!) ? [200] : [403];
    // Rows that depend on the moved row but are owned on their own (not through it) would then
    // hang under another owner's row: the move is refused (409 HAS_DEPENDENTS), admins too.
    const newOwner = decision ? m.owner(decision) : PLATFORM;
    const through = (r: Row): boolean => {
      const def = TABLES[r.table];
      if (def.cls !== 'child') return false;
      const parent = r.refs[def.parent!];
      if (!parent) return false;
      return parent === row.id || through(m.rows.get(parent)!);
    };
    const stranded = m
      .cascade(row)
      .filter((r) => r !== row && !through(r) && m.owner(r) !== newOwner);
    const changesParent = to !== (row.refs.decisionId ?? null);
    if (expected[0] === 200 && changesParent && stranded.length > 0) expected = [409];
    // The row and everything owned through it change hands.
    const moved = new Set([m.owner(row), newOwner]);
    const path = TABLES[this.table].deletePath;
    await real.step(
      m,
      `${c.name} re-parents ${this.table} ${row.id} to ${to ?? 'none'}`,
      expected,
      [...moved],
      () => real.call(c, 'PATCH', `/api/${path}/${row.id}`, { decisionId: to }),
      () => {
        row.refs.decisionId = to;
      },
    );
  }

  toString(): string {
    return `reparent(${this.table},c${this.callerIx},${this.target},${this.toNone ? 'none' : this.parent})`;
  }
}

type TransitionKind = 'strategyOn' | 'strategyOff' | 'activateVersion' | 'approveCandidate';

/** Admin transitions: switching a strategy on or off, activating a version, approving a candidate. */
class TransitionCmd implements Cmd {
  constructor(
    readonly kind: TransitionKind,
    readonly callerIx: number,
    readonly target: number,
  ) {}

  check(): boolean {
    return true;
  }

  async run(w: World): Promise<void> {
    const { model: m, real } = w;
    // Mostly the admin: its transitions build the admin states that others' deletes meet.
    const c =
      this.callerIx % 10 < 7
        ? w.callers.find((x) => x.isAdmin)!
        : w.callers[this.callerIx % w.callers.length];
    const table: Table =
      this.kind === 'activateVersion'
        ? 'strategy_versions'
        : this.kind === 'approveCandidate'
          ? 'universe_candidates'
          : 'strategies';
    const row = pick(m.of(table, true), this.target) ?? pick(m.of(table), this.target);
    if (!row) return fallback(w, this.callerIx);
    const expected = !c.isAdmin ? [403] : row.alive ? [200] : [404];
    let send: () => Promise<Reply>;
    let apply: () => void;
    if (this.kind === 'strategyOn' || this.kind === 'strategyOff') {
      const on = this.kind === 'strategyOn';
      send = () => real.call(c, 'PATCH', `/api/strategies/${row.id}`, { isActive: on });
      apply = () => {
        row.isActive = on;
      };
    } else if (this.kind === 'activateVersion') {
      send = () =>
        real.call(c, 'POST', `/api/strategies/${row.refs.strategyId}/versions/${row.id}/activate`);
      apply = () => {
        for (const v of m.of('strategy_versions', true))
          if (v.refs.strategyId === row.refs.strategyId && v.status === 'active')
            v.status = 'archived';
        row.status = 'active';
      };
    } else {
      send = () => real.call(c, 'POST', `/api/universe-candidates/${row.id}/approve`);
      apply = () => {
        row.status = 'APPROVED';
      };
    }
    await real.step(m, `${c.name} ${this.kind} ${row.id}`, expected, [PLATFORM], send, apply);
  }

  toString(): string {
    return `${this.kind}(c${this.callerIx},${this.target})`;
  }
}

/** The worker queue: the oldest due PENDING item the caller may see becomes RUNNING, with a run. */
class ClaimCmd implements Cmd {
  constructor(readonly callerIx: number) {}

  check(): boolean {
    return true;
  }

  async run(w: World): Promise<void> {
    const { model: m, real } = w;
    const c = w.callers[this.callerIx % w.callers.length];
    const next = m
      .of('work_items', true)
      .filter((r) => r.status === 'PENDING' && m.readable(c, r))
      .sort((a, b) => a.seq - b.seq)[0];
    const expected = c.kind === 'user' ? [403] : next ? [200] : [204];
    const reply = await real.step(
      m,
      `${c.name} claims (model: ${next?.id ?? 'nothing'})`,
      expected,
      next ? [m.owner(next)] : [],
      () => real.call(c, 'POST', '/api/work-items/claim', {}),
      (_r, before, after) => {
        if (!next) return;
        next.status = 'RUNNING';
        m.add({
          table: 'work_item_runs',
          id: addedRow(before, after, 'work_item_runs'),
          refs: { workItemId: next.id },
        });
      },
    );
    if (reply.status === 200 && reply.body.id !== next?.id)
      throw new Error(`claim took ${String(reply.body.id)}, the model expects ${next?.id}`);
  }

  toString(): string {
    return `claim(c${this.callerIx})`;
  }
}

/**
 * A delete: a dry run alone, or a dry run and then the delete, which must remove exactly what
 * the preview counted (and what the model's cascade holds).
 */
class DeleteCmd implements Cmd {
  constructor(
    readonly table: Table,
    readonly callerIx: number,
    readonly fit: boolean,
    readonly target: number,
    readonly force: boolean,
    readonly mode: 'preview' | 'delete' | 'previewThenDelete',
  ) {}

  check(): boolean {
    return true;
  }

  async run(w: World): Promise<void> {
    const { model: m, real } = w;
    let callers = w.callers;
    if (this.fit) callers = w.callers.filter((c) => m.gate(c, this.table));
    const c = callers[this.callerIx % callers.length];
    const hole = (r: Row) => {
      const v = judgeDelete(m, c, r, this.force, this.mode === 'preview');
      return (SKIP_HOLE3 && v.hole3) || (SKIP_HOLE4 && v.hole4);
    };
    const rows = m.of(this.table).filter((r) => !hole(r));
    const alive = rows.filter((r) => r.alive && (!this.fit || m.writable(c, r)));
    const row = pick(alive, this.target) ?? pick(rows, this.target);
    if (!row) return fallback(w, this.callerIx);
    const url = `/api/${TABLES[this.table].deletePath}/${row.id}`;
    const q = this.force ? '&force=true' : '';
    let preview: Record<string, number> | undefined;
    if (this.mode !== 'delete') {
      const v = judgeDelete(m, c, row, this.force, true);
      const reply = await real.step(
        m,
        `${c.name} previews delete of ${this.table} ${row.id}${q}`,
        v.statuses,
        [],
        () => real.call(c, 'DELETE', `${url}?dryRun=true${q}`),
      );
      if (reply.status === 200) {
        preview = reply.body.wouldDelete as Record<string, number>;
        const counted: Record<string, number> = {};
        for (const r of v.cascade) counted[r.table] = (counted[r.table] ?? 0) + 1;
        expect({ step: real.steps, preview }).toEqual({ step: real.steps, preview: counted });
      }
      if (this.mode === 'preview') return;
    }
    const v = judgeDelete(m, c, row, this.force, false);
    const owners = new Set(
      c.isAdmin && this.force ? v.cascade.map((r) => m.owner(r)) : [m.owner(row)],
    );
    await real.step(
      m,
      `${c.name} deletes ${this.table} ${row.id}${q}`,
      v.statuses,
      [...owners],
      () => real.call(c, 'DELETE', `${url}${this.force ? '?force=true' : ''}`),
      (reply, before, after) => {
        for (const r of v.cascade) r.alive = false;
        if (preview !== undefined) expect(removedPerTable(before, after)).toEqual(preview);
        else if (this.mode === 'previewThenDelete')
          throw new Error(`the delete answered ${reply.status} after a refused preview`);
      },
    );
  }

  toString(): string {
    return `${this.mode}(${this.table},c${this.callerIx},${this.fit ? 'fit' : 'any'},${this.target}${this.force ? ',force' : ''})`;
  }
}

const nat = fc.nat({ max: 1000 });
const fit = fc.integer({ min: 0, max: 9 }).map((n) => n < 8);
const createArb = fc
  .tuple(
    fc.constantFrom(...CREATABLE),
    nat,
    fit,
    fc.array(nat, { minLength: 2, maxLength: 2 }),
    fc.array(fc.boolean(), { minLength: 2, maxLength: 2 }),
  )
  .map(([table, c, f, picks, nulls]) => new CreateCmd(table, c, f, picks, nulls));
const commandArb: fc.Arbitrary<Cmd> = fc.oneof(
  { arbitrary: createArb, weight: 8 },
  {
    arbitrary: fc
      .tuple(
        fc.constantFrom(...DELETABLE),
        nat,
        fit,
        nat,
        fc.boolean(),
        fc.constantFrom('preview' as const, 'delete' as const, 'previewThenDelete' as const),
      )
      .map(([t, c, f, target, force, mode]) => new DeleteCmd(t, c, f, target, force, mode)),
    weight: 4,
  },
  {
    arbitrary: fc
      .tuple(
        fc.constantFrom('work_items' as const, 'data_source_analysis' as const),
        nat,
        nat,
        nat,
        fc.integer({ min: 0, max: 3 }).map((n) => n === 0),
      )
      .map(([t, c, target, parent, none]) => new ReparentCmd(t, c, target, parent, none)),
    weight: 2,
  },
  {
    arbitrary: fc
      .tuple(
        fc.constantFrom<TransitionKind>(
          'strategyOn',
          'strategyOff',
          'activateVersion',
          'approveCandidate',
        ),
        nat,
        nat,
      )
      .map(([k, c, target]) => new TransitionCmd(k, c, target)),
    weight: 2,
  },
  { arbitrary: nat.map((c) => new ClaimCmd(c)), weight: 1 },
);

describe('access model: random sequences of steps by users, a service and an admin (e2e)', () => {
  let t: TestApp;
  let snaps: OwnerSnapshots;
  let base: string;
  let callers: Caller[];

  beforeAll(async () => {
    t = await startTestApp('model_access');
    const users = [t.user, await t.newUser('mb'), await t.newUser('mc')];
    const key = await t.admin.api
      .post('/api/admin/api-keys')
      .send({
        name: `model-${randomBytes(3).toString('hex')}`,
        scopes: ['platform:write', 'act-as-user', 'work:claim'],
      })
      .expect(201);
    const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
    callers = [
      ...users.map((u, i): Caller => ({
        name: `user${i}`,
        kind: 'user',
        userId: u.id,
        writesPlatform: false,
        isAdmin: false,
        headers: bearer(u.token),
      })),
      {
        name: 'svc',
        kind: 'service',
        userId: null,
        writesPlatform: true,
        isAdmin: false,
        headers: bearer(key.body.key),
      },
      ...users.map((u, i): Caller => ({
        name: `svc-as-user${i}`,
        kind: 'service',
        userId: u.id,
        writesPlatform: true,
        isAdmin: false,
        headers: { ...bearer(key.body.key), 'x-act-as-user': u.id },
      })),
      {
        name: 'admin',
        kind: 'admin',
        userId: t.admin.id,
        writesPlatform: true,
        isAdmin: true,
        headers: bearer(t.admin.token),
      },
    ];
    users.forEach((u, i) => ownerNames.set(u.id, `user${i}`));
    ownerNames.set(t.admin.id, 'admin');
    // One listening server for the whole run: fetch keeps its connections alive.
    await t.app.listen(0, '127.0.0.1');
    base = (await t.app.getUrl()).replace('[::1]', '127.0.0.1');
    snaps = new OwnerSnapshots(t.db.url, t.dataSource);
    await snaps.connect();
  });
  afterAll(async () => {
    await snaps?.end();
    await t?.close();
  });

  async function freshWorld(): Promise<World> {
    // Every sequence starts from no data rows (users, sessions and the key stay).
    await snaps.query(
      `DELETE FROM strategies; DELETE FROM universe_candidates; DELETE FROM trades;
       DELETE FROM ai_decisions; DELETE FROM orders; DELETE FROM work_items;
       DELETE FROM data_source_analysis`,
    );
    const real = new Real(base, snaps);
    real.snapshot = await snaps.take();
    return { model: new Model(), real, callers };
  }

  // A fixed sequence through hole 3, as the generators could produce it (they rarely do: it
  // takes four steps in one order). Runs when hole 3's steps are included.
  (SKIP_HOLE3 ? it.skip : it)(
    'hole 3 witness: a platform work item changes hands under another user’s outcome link',
    async () => {
      const w = await freshWorld();
      const [user0, user1, , svc] = callers;
      await create(w, svc, 'work_items', { decisionId: null });
      await create(w, user1, 'ai_decisions', { strategyId: null, executedTradeId: null });
      const [item] = w.model.of('work_items');
      const [d1] = w.model.of('ai_decisions');
      await create(w, user1, 'ai_outcome_links', { decisionId: d1.id, workItemId: item.id });
      await create(w, user0, 'ai_decisions', { strategyId: null, executedTradeId: null });
      // svc-as-user0 tries to move the platform item under user0's decision (caller 1 of its
      // writers): user1's outcome link depends on it, so the move is refused (409) and the item
      // stays the platform's; before the fix it moved and user0's delete then took user1's link.
      await new ReparentCmd('work_items', 1, 0, 0, false).run(w);
      expect(w.model.owner(item)).toBe(PLATFORM);
      // user0 deletes its decision: nothing of user1's is in its cascade.
      await new DeleteCmd('ai_decisions', 0, true, 0, false, 'previewThenDelete').run(w);
    },
  );

  it(`keeps every owner's rows out of every other caller's reach over ${RUNS} sequences of ≥ ${MIN_STEPS} steps`, async () => {
    const started = Date.now();
    let sequences = 0;
    let steps = 0;
    let requests = 0;
    const seed = process.env.MODEL_SEED
      ? Number(process.env.MODEL_SEED)
      : Date.now() ^ (Math.random() * 0x7fffffff);
    const path = process.env.MODEL_PATH;
    process.stdout.write(
      `model-access: seed ${seed}${path ? ` path ${path}` : ''}, ${RUNS} runs, known holes: 3 ${SKIP_HOLE3 ? 'skipped' : 'included'}, 4 ${SKIP_HOLE4 ? 'skipped' : 'included'}\n`,
    );
    const result = await fc.check(
      fc.asyncProperty(
        fc.commands([commandArb], { maxCommands: 30, size: 'max' }),
        fc.array(createArb, { minLength: MIN_STEPS, maxLength: MIN_STEPS }),
        async (cmds, pads) => {
          const world = await freshWorld();
          const real = world.real;
          await fc.asyncModelRun(() => ({ model: world, real: world }), cmds);
          // Short sequences are topped up with creates: every sequence makes ≥ MIN_STEPS steps.
          for (const pad of pads) {
            if (real.steps >= MIN_STEPS) break;
            await pad.run(world);
          }
          expect(real.steps).toBeGreaterThanOrEqual(MIN_STEPS);
          sequences++;
          steps += real.steps;
          requests += real.requests;
        },
      ),
      {
        numRuns: RUNS,
        seed,
        path,
        // Each shrink attempt replays a whole sequence over HTTP: minutes. The failure's own
        // step log already names every step, so shrinking is asked for (MODEL_SHRINK=1).
        endOnFailure: process.env.MODEL_SHRINK !== '1',
      },
    );
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    process.stdout.write(
      `model-access: ${sequences} sequences passed, ${steps} steps, ${requests} requests in ${seconds} s ` +
        `(requests ${(TIMING.requests / 1000).toFixed(1)} s, snapshots ${(TIMING.snapshots / 1000).toFixed(1)} s)\n`,
    );
    if (result.failed) {
      throw new Error(
        `${fc.defaultReportMessage(result)}\n${String(result.errorInstance)}\nreplay: MODEL_SEED=${result.seed} MODEL_PATH=${result.counterexamplePath}` +
          `${INCLUDE ? ` MODEL_INCLUDE_HOLES=${INCLUDE}` : ''}`,
      );
    }
  }, 600_000);
});
