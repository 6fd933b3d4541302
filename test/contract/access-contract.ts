/**
 * The access contract as data, written by hand from the API contract's "Who may touch what"
 * (the policy text), not from the app's rule objects or the OpenAPI `x-access` extension: the
 * access matrix (test/e2e/access-matrix.e2e.spec.ts) compares the running app to these rows and
 * checks `x-access` against them, so a wrong rule in the app cannot also be the expectation.
 *
 * How to review it against the policy text:
 * 1. TABLE_CLASS puts every table in one class of the policy's table (owned / owned through a
 *    parent / platform data / admin only), quoting where the text names it.
 * 2. GRIDS spell out, per class and action, every variant the matrix builds and the outcome for
 *    each of the six callers, one row per variant.
 * 3. OPERATIONS list every method + path of the API with its table and grid.
 * A cell is one operation × one variant of its grid × one caller.
 */

/** The six callers, in the order of every outcome row below. */
export const CALLERS = [
  'anonymous',
  'userA',
  'userB',
  'serviceNoScope',
  'serviceActingAsA',
  'admin',
] as const;
export type Caller = (typeof CALLERS)[number];

/**
 * What the caller gets:
 * - OK: a 2xx.
 * - OWN: a 200 list holding none of user A's rows (user B, or a service acting for nobody,
 *   sees only its own and platform rows); with includeTotal the total counts only those.
 * - NONE: a 200 list with no rows at all (filtered by a parent the caller may not see).
 * - REF: the body refers to a row the caller may not see: 404, or 422 as for a key that
 *   refers to no row; either way nothing is written and nothing is revealed.
 * - 401 / 403 / 404 / 409: exactly that status (409 is HAS_DEPENDENTS).
 * - SILENT: the policy text does not decide this cell; the matrix asserts only "no 5xx".
 */
export type Outcome = 'OK' | 'OWN' | 'NONE' | 'REF' | 'SILENT' | 401 | 403 | 404 | 409;
const OK = 'OK';
const OWN = 'OWN';
const NONE = 'NONE';
const REF = 'REF';
const SILENT = 'SILENT';

export type TableClass = 'owned' | 'child' | 'platform' | 'admin';

/**
 * Every table's class. "owned", "child" (owned through a parent), "platform" and "admin" are
 * the four rows of the policy table; tables the text does not name are placed by what they are
 * part of (the text's "examples" are families: backtests, debate, arena, competition, llm,
 * connectors, universe, alert rules).
 */
export const TABLE_CLASS: Record<string, TableClass> = {
  // owned (named): trades, orders, fills, positions, ai_decisions, conversations
  trades: 'owned',
  orders: 'owned',
  positions: 'owned',
  ai_decisions: 'owned',
  conversations: 'owned',
  // owned through a parent (named)
  fills: 'child', // "fills" is listed as owned; its owner is its order's
  ai_decision_features: 'child',
  ai_trade_outcomes: 'child',
  ai_outcome_links: 'child',
  analysis_feedback: 'child',
  data_source_analysis: 'child',
  work_items: 'child', // "work_items ... of a decision"
  work_item_runs: 'child',
  messages: 'child',
  // platform data (named)
  strategies: 'platform',
  strategy_versions: 'platform',
  universe_assets: 'platform',
  universe_candidates: 'platform',
  universe_fundamentals: 'platform',
  universe_liquidity_metrics: 'platform',
  universe_technicals: 'platform',
  broker_assets: 'platform',
  macro_analysis: 'platform',
  insider_activity_analysis: 'platform',
  short_interest_analysis: 'platform',
  llm_calls: 'platform',
  llm_role_configs: 'platform',
  debate_sessions: 'platform',
  debate_messages: 'platform',
  debate_consensus: 'platform',
  ai_arena_runs: 'platform', // "arena"
  ai_arena_agent_decisions: 'platform',
  ai_agent_profiles: 'platform', // the arena's agents
  competition_runs: 'platform', // "competition"
  competition_scores: 'platform',
  trader_profiles: 'platform', // the competition's traders
  connector_metrics: 'platform', // "connectors"
  external_api_cache_entries: 'platform',
  external_api_usage_counters: 'platform',
  valyu_retrieval_counters: 'platform',
  backtest_runs: 'platform', // "backtests"
  backtest_trade_events: 'platform',
  backtest_equity_curve: 'platform',
  alert_rules: 'platform', // "alert rules"
  // platform data by family (not named in the text)
  alert_events: 'platform', // the alert rules' firings
  macro_indicators: 'platform', // "macro/... analyses" inputs
  tool_invocations: 'platform', // the debate's and LLMs' tool calls
  ai_calibration_log: 'platform', // calibration of the platform's models, no user
  asset_classifications: 'platform', // universe
  allocation_policies: 'platform', // the platform's allocation, set by services/admins
  rebalance_runs: 'platform',
  agent_status: 'platform', // "the agent-status singleton": read by all, written by admins
  // admin only (named): users, sessions, audit_logs, admin_settings, api keys
  users: 'admin',
  sessions: 'admin',
  audit_logs: 'admin',
  admin_settings: 'admin',
  api_keys: 'admin',
  // admin only by family: the login throttle and idempotency records are auth bookkeeping
  login_attempts: 'admin',
  // The service's generated keys (the cursor signing key): no route reads or writes them.
  server_secrets: 'admin',
  idempotency_keys: 'admin',
};

/**
 * Child tables whose rows may also have no parent at all (a work item the platform queues for
 * itself, an analysis of a symbol made for no decision). The text makes only work items "of a
 * decision" user data; such parentless rows are platform data (read by all, written with
 * platform:write). Interpretation of the text, flagged in the report: it says the same of
 * data_source_analyses only implicitly.
 */
export const UNLINKED_ROWS_ARE_PLATFORM = [
  'work_items',
  'work_item_runs',
  'data_source_analysis',
  'analysis_feedback',
];

/**
 * List filters that name a parent in user data: the "list by A parent" variant sends user A's
 * parent id in each of them ("another's id is a 404, never listed").
 */
export const PARENT_FILTERS: Record<string, string[]> = {
  '/api/ai-decision-features': ['decisionId'],
  '/api/ai-trade-outcomes': ['decisionId', 'tradeId'],
  '/api/ai-outcome-links': ['decisionId'],
  '/api/data-source-analyses': ['decisionId'],
  '/api/work-item-runs': ['workItemId'],
  '/api/messages': ['conversationId'],
};

/**
 * The variants the matrix knows how to build:
 * - list: GET the collection. list+total: the same with includeTotal=true&limit=500.
 * - list by A parent: the collection filtered by one of user A's parents (PARENT_FILTERS).
 * - create: POST; every reference to user data in the body points at the caller's own rows
 *   (user B's for user B, user A's for the others), references to platform rows at platform rows.
 * - create referring to A: the same, with user data references pointing at user A's rows
 *   (only operations whose body has such a reference).
 * - create unlinked: POST of a parentless row (UNLINKED_ROWS_ARE_PLATFORM).
 * - A row / platform row: the path's last id is a fresh row of user A / of the platform
 *   (for nested paths, its parents are of the same owner).
 * - protected row: a platform row in an admin-only state (an APPROVED universe candidate, an
 *   active strategy version).
 * - platform row B depends on: a platform row that one of user B's rows refers to.
 * - call: an operation with no rows of its own (auth, health, admin/db).
 */
export type Variant =
  | 'list'
  | 'list+total'
  | 'list by A parent'
  | 'create'
  | 'create referring to A'
  | 'create unlinked'
  | 'A row'
  | 'platform row'
  | 'protected row'
  | 'platform row B depends on'
  | 'call';

/** [variant, anonymous, userA, userB, serviceNoScope, serviceActingAsA, admin] */
export type GridRow = [Variant, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome];

export const GRIDS = {
  // ---- owned: "own rows only (another's id is a 404, never listed)"; a service needs
  // act-as-user + X-Act-As-User (the service without it may not use the table at all: 403);
  // admin: all.                anonymous userA userB   svcNoScope svcActingAsA admin
  'owned.list': [
    ['list', /*            */ 401, OK, OWN, 403, OK, OK],
    ['list+total', /*      */ 401, OK, OWN, 403, OK, OK],
  ],
  'owned.create': [
    ['create', /*          */ 401, OK, OK, 403, OK, OK],
    ['create referring to A', 401, OK, REF, 403, OK, OK],
  ],
  'owned.row': [['A row', /*   */ 401, OK, 404, 403, OK, OK]],

  // ---- owned through a parent: "as the parent's owner" / "as for its parent" / all
  'child.list': [
    ['list', /*            */ 401, OK, OWN, 403, OK, OK],
    ['list+total', /*      */ 401, OK, OWN, 403, OK, OK],
    ['list by A parent', /**/ 401, OK, NONE, 403, OK, OK],
  ],
  'child.create': [
    ['create', /*          */ 401, OK, OK, 403, OK, OK],
    ['create referring to A', 401, OK, REF, 403, OK, OK],
  ],
  'child.row': [['A row', /*   */ 401, OK, 404, 403, OK, OK]],

  // ---- owned through a parent, with parentless platform rows (UNLINKED_ROWS_ARE_PLATFORM):
  // the service without act-as-user reads the platform rows, so A's rows are "a row it may not
  // see" (404 to read); it may write none of the table, so every write is refused the same way,
  // whatever the row: 403 ("403 FORBIDDEN for a table the caller may read").
  // User B may write rows of its own, so its refusal depends on the row: 404.
  'child+platform.list': [
    ['list', /*            */ 401, OK, OWN, OWN, OK, OK],
    ['list+total', /*      */ 401, OK, OWN, OWN, OK, OK],
    ['list by A parent', /**/ 401, OK, NONE, NONE, OK, OK],
  ],
  'child+platform.create': [
    ['create', /*          */ 401, OK, OK, 403, OK, OK],
    ['create referring to A', 401, OK, REF, 403, OK, OK],
    ['create unlinked', /* */ 401, 403, 403, 403, OK, OK],
  ],
  'child+platform.read': [
    ['A row', /*           */ 401, OK, 404, 404, OK, OK],
    ['platform row', /*    */ 401, OK, OK, OK, OK, OK],
  ],
  'child+platform.write': [
    ['A row', /*           */ 401, OK, 404, 403, OK, OK],
    ['platform row', /*    */ 401, 403, 403, 403, OK, OK],
  ],
  // A delete a caller may make never removes another user's rows (409 HAS_DEPENDENTS; an
  // admin passes ?force=true, so without it the admin is refused too).
  'child+platform.delete': [
    ['A row', /*           */ 401, OK, 404, 403, OK, OK],
    ['platform row', /*    */ 401, 403, 403, 403, OK, OK],
    ['platform row B depends on', 401, 403, 403, 403, 409, 409],
  ],

  // ---- platform data: read by all; written by services with platform:write and by admins
  'platform.list': [
    ['list', /*            */ 401, OK, OK, OK, OK, OK],
    ['list+total', /*      */ 401, OK, OK, OK, OK, OK],
  ],
  'platform.read': [['platform row', 401, OK, OK, OK, OK, OK]],
  'platform.write': [['platform row', 401, 403, 403, 403, OK, OK]],
  'platform.create': [['create', /* */ 401, 403, 403, 403, OK, OK]],
  // Admin-only states (an approved candidate, an active version) are the admins' to undo.
  'platform.write+protected': [
    ['platform row', /*    */ 401, 403, 403, 403, OK, OK],
    ['protected row', /*   */ 401, 403, 403, 403, 403, OK],
  ],
  // Admin-only transitions: approving a candidate, activating a version, the agent status.
  'platform.admin-transition': [['platform row', 401, 403, 403, 403, 403, OK]],
  'platform.admin-singleton': [['call', 401, 403, 403, 403, 403, OK]],
  'platform.singleton-read': [['call', 401, OK, OK, OK, OK, OK]],

  // ---- admin only: "—" for users and services, all for admins
  'admin.list': [
    ['list', /*            */ 401, 403, 403, 403, 403, OK],
    ['list+total', /*      */ 401, 403, 403, 403, 403, OK],
  ],
  'admin.create': [['create', /* */ 401, 403, 403, 403, 403, OK]],
  'admin.row': [['platform row', 401, 403, 403, 403, 403, OK]],
  'admin.call': [['call', /*    */ 401, 403, 403, 403, 403, OK]],

  // ---- routes without a table
  // health, signup, login: "Every route needs a token except signup, login, health, docs".
  public: [['call', /*         */ OK, OK, OK, OK, OK, OK]],
  // logout and me: any authenticated caller. Services: the text is silent on an API key
  // calling them (it has no session to end, no user of its own).
  'any-caller': [['call', /*   */ 401, OK, OK, SILENT, SILENT, OK]],
  // Changing one's password is a person's act: the text gives services no password.
  'user-self': [['call', /*    */ 401, OK, OK, 403, 403, OK]],
  // Claiming queued work items is a write to platform work items: platform:write's holders
  // (the service here holds every scope) and admins.
  'service-work': [['call', /* */ 401, 403, 403, 403, OK, OK]],
} satisfies Record<string, GridRow[]>;

export type GridName = keyof typeof GRIDS;

export interface ContractOperation {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  path: string;
  /** The table the operation reads or writes (none for auth, health, admin/db). */
  table?: string;
  grid: GridName;
  /** Nested paths: the table of each path parameter's row, outermost first. */
  params?: Record<string, string>;
}

/**
 * Generic resources: path, table, and which of List / Create / Read / Update / Delete exist.
 * Their grids follow from the table's class (resourceOperations below); the exceptions are
 * marked.
 */
export const RESOURCES: Array<[path: string, table: string, ops: string]> = [
  ['/api/strategies', 'strategies', 'LCRUD'],
  ['/api/strategy-versions', 'strategy_versions', 'LCRUD'], // active versions are protected
  ['/api/backtests', 'backtest_runs', 'LCRUD'],
  ['/api/backtest-trade-events', 'backtest_trade_events', 'LCRUD'],
  ['/api/backtest-equity-curve', 'backtest_equity_curve', 'LCRUD'],
  ['/api/debate-sessions', 'debate_sessions', 'LCRUD'],
  ['/api/debate-messages', 'debate_messages', 'LCRUD'],
  ['/api/debate-consensus', 'debate_consensus', 'LCRUD'],
  ['/api/tool-invocations', 'tool_invocations', 'LCRUD'],
  ['/api/ai-agent-profiles', 'ai_agent_profiles', 'LCRUD'],
  ['/api/ai-arena-runs', 'ai_arena_runs', 'LCRUD'],
  ['/api/ai-arena-agent-decisions', 'ai_arena_agent_decisions', 'LCRUD'],
  ['/api/trader-profiles', 'trader_profiles', 'LCRUD'],
  ['/api/competition-runs', 'competition_runs', 'LCRUD'],
  ['/api/competition-scores', 'competition_scores', 'LCRUD'],
  ['/api/work-items', 'work_items', 'LCRUD'],
  ['/api/work-item-runs', 'work_item_runs', 'LCRUD'],
  ['/api/alert-rules', 'alert_rules', 'LCRUD'],
  ['/api/alert-events', 'alert_events', 'LCRUD'],
  ['/api/ai-outcome-links', 'ai_outcome_links', 'LCRUD'],
  ['/api/ai-decision-features', 'ai_decision_features', 'LCRUD'],
  ['/api/ai-trade-outcomes', 'ai_trade_outcomes', 'LCRUD'],
  ['/api/ai-calibration-logs', 'ai_calibration_log', 'LCRUD'],
  ['/api/data-source-analyses', 'data_source_analysis', 'LCRUD'],
  ['/api/analysis-feedback', 'analysis_feedback', 'LCRUD'],
  ['/api/macro-analyses', 'macro_analysis', 'LCRUD'],
  ['/api/macro-indicators', 'macro_indicators', 'LCRUD'],
  ['/api/insider-activity-analyses', 'insider_activity_analysis', 'LCRUD'],
  ['/api/short-interest-analyses', 'short_interest_analysis', 'LCRUD'],
  ['/api/universe-assets', 'universe_assets', 'LCRUD'],
  ['/api/universe-candidates', 'universe_candidates', 'LCRUD'], // approved ones are protected
  ['/api/universe-fundamentals', 'universe_fundamentals', 'LCRUD'],
  ['/api/universe-liquidity-metrics', 'universe_liquidity_metrics', 'LCRUD'],
  ['/api/universe-technicals', 'universe_technicals', 'LCRUD'],
  ['/api/asset-classifications', 'asset_classifications', 'LCRUD'],
  ['/api/allocation-policies', 'allocation_policies', 'LCRUD'],
  ['/api/rebalance-runs', 'rebalance_runs', 'LCRUD'],
  ['/api/llm-calls', 'llm_calls', 'LCRUD'],
  ['/api/llm-role-configs', 'llm_role_configs', 'LCRUD'],
  ['/api/connector-metrics', 'connector_metrics', 'LCRUD'],
  ['/api/external-api-cache-entries', 'external_api_cache_entries', 'LCRUD'],
  ['/api/external-api-usage-counters', 'external_api_usage_counters', 'LCRUD'],
  ['/api/valyu-retrieval-counters', 'valyu_retrieval_counters', 'LCRUD'],
  ['/api/conversations', 'conversations', 'LCRUD'],
  ['/api/messages', 'messages', 'LCRUD'],
  ['/api/admin-settings', 'admin_settings', 'LCRUD'],
  ['/api/trades', 'trades', 'LCRD'],
  ['/api/ai-decisions', 'ai_decisions', 'LCRD'],
  ['/api/orders', 'orders', 'LCR'],
  ['/api/positions', 'positions', 'L'],
  ['/api/broker-assets', 'broker_assets', 'L'],
];

/** The tables whose platform rows can be in an admin-only state (PATCH/DELETE "protected row"). */
export const PROTECTED_STATES: Record<string, Record<string, string>> = {
  universe_candidates: { status: 'APPROVED' },
  strategy_versions: { status: 'active' },
};

/** Everything that is not a generic resource, one row per operation. */
export const SPECIAL_OPERATIONS: ContractOperation[] = [
  { method: 'GET', path: '/api/health', grid: 'public' },
  { method: 'GET', path: '/api/health/ready', grid: 'public' },
  // Outside /api, so outside the text's token rule; scraped from inside the network.
  { method: 'GET', path: '/metrics', grid: 'public' },
  { method: 'POST', path: '/api/auth/signup', grid: 'public' },
  { method: 'POST', path: '/api/auth/login', grid: 'public' },
  { method: 'POST', path: '/api/auth/logout', grid: 'any-caller' },
  { method: 'GET', path: '/api/auth/me', grid: 'any-caller' },
  { method: 'POST', path: '/api/auth/password', grid: 'user-self' },
  // admin only: users, sessions, audit logs, api keys, /api/admin/db/*
  { method: 'GET', path: '/api/users', table: 'users', grid: 'admin.list' },
  { method: 'POST', path: '/api/users', table: 'users', grid: 'admin.create' },
  {
    method: 'DELETE',
    path: '/api/users/{id}',
    table: 'users',
    grid: 'admin.row',
    params: { id: 'users' },
  },
  { method: 'GET', path: '/api/admin/api-keys', table: 'api_keys', grid: 'admin.list' },
  { method: 'POST', path: '/api/admin/api-keys', table: 'api_keys', grid: 'admin.create' },
  {
    method: 'DELETE',
    path: '/api/admin/api-keys/{id}',
    table: 'api_keys',
    grid: 'admin.row',
    params: { id: 'api_keys' },
  },
  { method: 'GET', path: '/api/audit-logs', table: 'audit_logs', grid: 'admin.list' },
  { method: 'GET', path: '/api/admin/db/orphans', grid: 'admin.call' },
  { method: 'GET', path: '/api/admin/db/stats', grid: 'admin.call' },
  { method: 'GET', path: '/api/admin/db/slow-queries', grid: 'admin.call' },
  // the agent-status singleton
  {
    method: 'GET',
    path: '/api/agent-status',
    table: 'agent_status',
    grid: 'platform.singleton-read',
  },
  {
    method: 'PATCH',
    path: '/api/agent-status',
    table: 'agent_status',
    grid: 'platform.admin-singleton',
  },
  // admin-only transitions, each on its own route
  {
    method: 'POST',
    path: '/api/strategies/{strategyId}/versions/{id}/activate',
    table: 'strategy_versions',
    grid: 'platform.admin-transition',
    params: { strategyId: 'strategies', id: 'strategy_versions' },
  },
  {
    method: 'POST',
    path: '/api/universe-candidates/{id}/approve',
    table: 'universe_candidates',
    grid: 'platform.admin-transition',
    params: { id: 'universe_candidates' },
  },
  // nested platform collections
  {
    method: 'GET',
    path: '/api/strategies/{strategyId}/versions',
    table: 'strategy_versions',
    grid: 'platform.list',
    params: { strategyId: 'strategies' },
  },
  {
    method: 'POST',
    path: '/api/strategies/{strategyId}/versions',
    table: 'strategy_versions',
    grid: 'platform.create',
    params: { strategyId: 'strategies' },
  },
  {
    method: 'GET',
    path: '/api/backtests/{id}/events',
    table: 'backtest_trade_events',
    grid: 'platform.list',
    params: { id: 'backtest_runs' },
  },
  {
    method: 'POST',
    path: '/api/backtests/{id}/events',
    table: 'backtest_trade_events',
    grid: 'platform.create',
    params: { id: 'backtest_runs' },
  },
  {
    method: 'GET',
    path: '/api/backtests/{id}/equity-curve',
    table: 'backtest_equity_curve',
    grid: 'platform.list',
    params: { id: 'backtest_runs' },
  },
  {
    method: 'POST',
    path: '/api/backtests/{id}/equity-curve',
    table: 'backtest_equity_curve',
    grid: 'platform.create',
    params: { id: 'backtest_runs' },
  },
  {
    method: 'POST',
    path: '/api/debate-sessions/{id}/consensus',
    table: 'debate_consensus',
    grid: 'platform.create',
    params: { id: 'debate_sessions' },
  },
  {
    method: 'POST',
    path: '/api/broker-assets/bulk-upsert',
    table: 'broker_assets',
    grid: 'platform.create',
  },
  // owned specials: a sync replaces the caller's own positions; fills belong to their order
  { method: 'POST', path: '/api/positions/sync', table: 'positions', grid: 'owned.create' },
  {
    method: 'POST',
    path: '/api/orders/{id}/fills',
    // the access decision is on the order the fill is added to
    table: 'orders',
    grid: 'owned.row',
    params: { id: 'orders' },
  },
  { method: 'POST', path: '/api/work-items/claim', table: 'work_items', grid: 'service-work' },
];

/** The grids of a generic resource's operations, from its table's class. */
function resourceOperations([path, table, ops]: [string, string, string]): ContractOperation[] {
  const cls = TABLE_CLASS[table];
  const unlinked = UNLINKED_ROWS_ARE_PLATFORM.includes(table);
  const item = `${path}/{id}`;
  const id = { id: table };
  const out: ContractOperation[] = [];
  const grids: Record<string, GridName> =
    cls === 'platform'
      ? {
          L: 'platform.list',
          C: 'platform.create',
          R: 'platform.read',
          U: table in PROTECTED_STATES ? 'platform.write+protected' : 'platform.write',
          D: table in PROTECTED_STATES ? 'platform.write+protected' : 'platform.write',
        }
      : cls === 'admin'
        ? { L: 'admin.list', C: 'admin.create', R: 'admin.row', U: 'admin.row', D: 'admin.row' }
        : unlinked
          ? {
              L: 'child+platform.list',
              C: 'child+platform.create',
              R: 'child+platform.read',
              U: 'child+platform.write',
              D: 'child+platform.delete',
            }
          : {
              L: `${cls}.list` as GridName,
              C: `${cls}.create` as GridName,
              R: `${cls}.row` as GridName,
              U: `${cls}.row` as GridName,
              D: `${cls}.row` as GridName,
            };
  const shape: Record<string, [ContractOperation['method'], string, boolean]> = {
    L: ['GET', path, false],
    C: ['POST', path, false],
    R: ['GET', item, true],
    U: ['PATCH', item, true],
    D: ['DELETE', item, true],
  };
  for (const letter of ops) {
    const [method, p, withId] = shape[letter];
    out.push({ method, path: p, table, grid: grids[letter], ...(withId ? { params: id } : {}) });
  }
  return out;
}

/** Every operation of the contract: the generic resources' and the special ones. */
export const OPERATIONS: ContractOperation[] = [
  ...RESOURCES.flatMap(resourceOperations),
  ...SPECIAL_OPERATIONS,
];

/** The outcome rows of one operation, keyed by caller. */
export function cellsOf(op: ContractOperation): Array<{
  variant: Variant;
  outcomes: Record<Caller, Outcome>;
}> {
  return (GRIDS[op.grid] as GridRow[]).map(([variant, ...row]) => ({
    variant,
    outcomes: Object.fromEntries(CALLERS.map((c, i) => [c, row[i]])) as Record<Caller, Outcome>,
  }));
}
