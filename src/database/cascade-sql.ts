import { EntityMetadata } from 'typeorm/metadata/EntityMetadata';

/** A cascading foreign key: deleting a `parent` row deletes the `child` rows whose `column` names it. */
interface Edge {
  parent: EntityMetadata;
  child: EntityMetadata;
  column: string;
}

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;
const pk = (m: EntityMetadata) => q(m.primaryColumns[0].databaseName);
const pgType = (m: EntityMetadata) =>
  m.primaryColumns[0].type === 'uuid'
    ? 'uuid'
    : m.primaryColumns[0].type === Number || /int/.test(String(m.primaryColumns[0].type))
      ? 'bigint'
      : 'text';

function cascadeEdges(all: EntityMetadata[]): Edge[] {
  return all.flatMap((child) =>
    child.foreignKeys
      .filter((fk) => fk.onDelete === 'CASCADE' && fk.referencedEntityMetadata)
      .map((fk) => ({
        parent: fk.referencedEntityMetadata,
        child,
        column: fk.columns[0].databaseName,
      })),
  );
}

/** Strongly connected components (Tarjan), returned parents before children. */
function componentsInOrder(nodes: EntityMetadata[], edges: Edge[]): EntityMetadata[][] {
  const index = new Map<EntityMetadata, number>();
  const low = new Map<EntityMetadata, number>();
  const stack: EntityMetadata[] = [];
  const onStack = new Set<EntityMetadata>();
  const out: EntityMetadata[][] = [];
  let next = 0;
  const visit = (v: EntityMetadata) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const e of edges.filter((x) => x.parent === v)) {
      if (!index.has(e.child)) {
        visit(e.child);
        low.set(v, Math.min(low.get(v)!, low.get(e.child)!));
      } else if (onStack.has(e.child)) {
        low.set(v, Math.min(low.get(v)!, index.get(e.child)!));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component: EntityMetadata[] = [];
      let w: EntityMetadata;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      out.push(component);
    }
  };
  for (const n of nodes) if (!index.has(n)) visit(n);
  // Tarjan emits children first.
  return out.reverse();
}

/** A way rows of a table are reached, as conditions on a row `c` of that table. */
interface Key {
  /** `c` is reached this way. */
  reached: string;
  /** `c` is not (NULL-safe: a NULL key reaches nothing). */
  missed: string;
}

/**
 * One statement that counts, per table, the distinct rows a delete of `root` ($1) would remove.
 *
 * Shaped so that a strategy over a million trades is counted in well under a second, with no id
 * set in Node and none materialized in PostgreSQL:
 * - Every set is an inlined (NOT MATERIALIZED) expression, so the planner sees each table's own
 *   statistics and joins from the small side (an empty child table probes its parent's primary
 *   key) instead of writing a million ids to a tuplestore and scanning them back.
 * - Keys are compared as they are typed, the parameter cast rather than the column, so the FK
 *   indexes serve (`user_id = $1` is an index-only scan).
 * - No DISTINCT: a table reached by several keys is counted once per key, each count skipping
 *   the rows an earlier key reached (anti-joins), which costs no hash of all the ids.
 * - A cascade cycle (trades -> ai_decisions -> orders -> trades) entered from outside is counted
 *   in three disjoint layers: the rows its members are reached by from outside (a strategy's
 *   trades, a user's decisions); the rows one of the cycle's keys reaches from those and that
 *   are not already counted (decisions of those trades that the strategy does not own); and the
 *   rest, by recursion. The first two are plain semi-joins, however large: when a strategy owns
 *   a million trades but not their 300,000 decisions, those are one hash join, not 300,000 rows
 *   through the recursion's UNION hash table and a per-row step. The recursion starts from the
 *   children of the second layer and never admits a row of the first two (tested on the row's
 *   own keys), so it holds only rows two keys or more inside the cycle, usually none, and each
 *   of its steps is an FK index probe per new row.
 *
 * Run it through countCascade, which turns JIT off for it.
 */
export function cascadeCountSql(
  root: EntityMetadata,
  all: EntityMetadata[],
  extra?: CascadeColumns,
): string {
  const edges = cascadeEdges(all);
  const reachable: EntityMetadata[] = [root];
  for (let i = 0; i < reachable.length; i++) {
    for (const e of edges)
      if (e.parent === reachable[i] && !reachable.includes(e.child)) reachable.push(e.child);
  }
  const inGraph = edges.filter((e) => reachable.includes(e.parent) && reachable.includes(e.child));
  const components = componentsInOrder(reachable, inGraph);
  const rootComponent = components.find((c) => c.includes(root))!;
  // Outside a cycle the root is only the parameter: its children compare their key to it.
  const rootIsParam = !inGraph.some(
    (e) => rootComponent.includes(e.parent) && rootComponent.includes(e.child),
  );
  const param = `$1::${pgType(root)}`;
  const name = new Map<EntityMetadata, string>(reachable.map((m, i) => [m, `d_${i}`]));
  /** Rows of a child table whose `column` names a row of the set `set` (of `parent`'s ids). */
  const via = (e: Edge, set: string | undefined): Key =>
    set === undefined
      ? {
          reached: `c.${q(e.column)} = ${param}`,
          missed: `c.${q(e.column)} IS DISTINCT FROM ${param}`,
        }
      : {
          reached: `c.${q(e.column)} IN (SELECT id FROM ${set})`,
          missed: `NOT EXISTS (SELECT 1 FROM ${set} WHERE id = c.${q(e.column)})`,
        };
  const from = (m: EntityMetadata) => `FROM ${q(m.tableName)} c`;
  /** The rows of `m` some key reaches (ids may repeat: the set only serves IN and EXISTS). */
  const setOf = (m: EntityMetadata, keys: Key[], and: string[] = []) =>
    keys.length === 0
      ? `SELECT c.${pk(m)} ${from(m)} WHERE false`
      : keys
          .map((k) => `SELECT c.${pk(m)} ${from(m)} WHERE ${[k.reached, ...and].join(' AND ')}`)
          .join(' UNION ALL ');
  /** Terms of a sum: the distinct rows of `m` the keys reach, each key's what earlier ones missed. */
  const countOf = (m: EntityMetadata, keys: Key[], and: string[] = []) =>
    keys.map((k, i) => {
      const where = [k.reached, ...and, ...keys.slice(0, i).map((x) => x.missed)];
      return `(SELECT count(*) ${from(m)} WHERE ${where.join(' AND ')})`;
    });

  const clauses: string[] = [];
  const counts = new Map<EntityMetadata, string[]>();
  for (const component of components) {
    const inside = (e: Edge) => component.includes(e.parent) && component.includes(e.child);
    const internal = inGraph.filter(inside);
    /** Keys from outside the component, the root's own row first. */
    const entryKeys = (m: EntityMetadata): Key[] => [
      ...(m === root
        ? [{ reached: `c.${pk(m)} = ${param}`, missed: `c.${pk(m)} <> ${param}` }]
        : []),
      ...inGraph
        .filter((e) => e.child === m && !inside(e))
        .map((e) => via(e, e.parent === root && rootIsParam ? undefined : name.get(e.parent))),
    ];
    if (internal.length === 0) {
      const [m] = component;
      if (!(m === root && rootIsParam)) {
        clauses.push(`${name.get(m)}(id) AS NOT MATERIALIZED (${setOf(m, entryKeys(m))})`);
        counts.set(m, countOf(m, entryKeys(m)));
      } else {
        counts.set(m, [`(SELECT count(*) ${from(m)} WHERE c.${pk(m)} = ${param})`]);
      }
      continue;
    }
    const types = new Set(component.map(pgType));
    if (types.size > 1)
      throw new Error(`cascade cycle over mixed key types: ${component.map((m) => m.tableName)}`);
    const entered = (m: EntityMetadata) => `${name.get(m)}_entered`;
    const hop = (m: EntityMetadata) => `${name.get(m)}_hop`;
    const deeper = `${name.get(component[0])}_deeper`;
    const tag = (m: EntityMetadata) => component.indexOf(m);
    const notEntered = (m: EntityMetadata) => entryKeys(m).map((k) => k.missed);
    const hopKeys = (m: EntityMetadata) =>
      internal.filter((e) => e.child === m).map((e) => via(e, entered(e.parent)));
    // Entered only through the root's own row, the cycle needs no second layer: the recursion
    // starts from that row's children (and the statement stays small to plan for one trade).
    const layered = !component.includes(root);
    /** What the recursion may admit: rows of neither set layer. */
    const notYet = (m: EntityMetadata) =>
      layered ? [...notEntered(m), ...hopKeys(m).map((k) => k.missed)] : notEntered(m);
    for (const m of component) {
      clauses.push(`${entered(m)}(id) AS NOT MATERIALIZED (${setOf(m, entryKeys(m))})`);
    }
    if (layered) {
      for (const m of component) {
        clauses.push(`${hop(m)}(id) AS NOT MATERIALIZED (${setOf(m, hopKeys(m), notEntered(m))})`);
      }
    }
    const start = internal.map((e) => {
      const where = [
        via(e, layered ? hop(e.parent) : entered(e.parent)).reached,
        ...notYet(e.child),
      ];
      return `SELECT ${tag(e.child)} AS k, c.${pk(e.child)} AS id ${from(e.child)} WHERE ${where.join(' AND ')}`;
    });
    const step = internal.map((e) => {
      const where = [`r.k = ${tag(e.parent)}`, `c.${q(e.column)} = r.id`, ...notYet(e.child)];
      return `SELECT ${tag(e.child)} AS k, c.${pk(e.child)} AS id ${from(e.child)} WHERE ${where.join(' AND ')}`;
    });
    // One reference to the recursive CTE is allowed: a lateral UNION ALL follows every key of
    // the cycle from each new row, only the branches of that row's table running.
    clauses.push(
      `${deeper}(k, id) AS (${start.join(' UNION ALL ')} UNION SELECT s.k, s.id FROM ${deeper} r CROSS JOIN LATERAL (${step.join(' UNION ALL ')}) s)`,
    );
    for (const m of component) {
      const sets = [entered(m), ...(layered ? [hop(m)] : [])].map((x) => `SELECT id FROM ${x}`);
      clauses.push(
        `${name.get(m)}(id) AS NOT MATERIALIZED (${[...sets, `SELECT id FROM ${deeper} WHERE k = ${tag(m)}`].join(' UNION ALL ')})`,
      );
      counts.set(m, [
        ...countOf(m, entryKeys(m)),
        ...(layered ? countOf(m, hopKeys(m), notEntered(m)) : []),
        `(SELECT count(*) FROM ${deeper} WHERE k = ${tag(m)})`,
      ]);
    }
  }
  if (!extra) {
    const rows = reachable.map(
      (m) => `SELECT '${m.tableName}' AS tbl, ${counts.get(m)!.join(' + ')} AS n`,
    );
    // A table nothing cascades from needs no set at all (and WITH takes at least one).
    const sets = clauses.length > 0 ? `WITH RECURSIVE ${clauses.join(',\n')}\n` : '';
    return `${sets}${rows.join('\nUNION ALL ')}`;
  }
  /** The rows `c` of `m` the delete removes. */
  const removed = (m: EntityMetadata) =>
    m === root && rootIsParam
      ? `c.${pk(m)} = ${param}`
      : `c.${pk(m)} IN (SELECT id FROM ${name.get(m)})`;
  const rows = reachable.map(
    (m) =>
      `SELECT '${m.tableName}' AS tbl, ${counts.get(m)!.join(' + ')} AS n, ${extra.columns(m, removed(m)).join(', ')}`,
  );
  // Rows a SET NULL key of a removed row changes (and that the delete does not remove anyway).
  const nulling = all.flatMap((child) =>
    child.foreignKeys
      .filter(
        (fk) =>
          fk.onDelete === 'SET NULL' &&
          fk.referencedEntityMetadata &&
          reachable.includes(fk.referencedEntityMetadata),
      )
      .map((fk) => ({
        parent: fk.referencedEntityMetadata,
        child,
        column: fk.columns[0].databaseName,
      })),
  );
  for (const child of new Set(nulling.map((e) => e.child))) {
    const keys = nulling
      .filter((e) => e.child === child)
      .map(
        (e) => via(e, e.parent === root && rootIsParam ? undefined : name.get(e.parent)).reached,
      );
    const where = [`(${keys.join(' OR ')})`];
    if (reachable.includes(child)) where.push(`NOT (${removed(child)})`);
    rows.push(
      `SELECT '${child.tableName}' AS tbl, 0::bigint AS n, ${extra.columns(child, where.join(' AND ')).join(', ')}`,
    );
  }
  const withs = [...extra.prelude(param), ...clauses];
  return `WITH RECURSIVE ${withs.join(',\n')}\n${rows.join('\nUNION ALL ')}`;
}

/**
 * More columns per table of a cascade statement (e.g. how many of the rows it reaches belong to
 * someone else), and the CTEs they read (placed first, given the root's bound parameter).
 * `where` selects, as `c`, the rows of `m` the delete removes, or those a SET NULL key of a
 * removed row changes (a table so changed gets its own row with `n` = 0).
 */
export interface CascadeColumns {
  prelude(param: string): string[];
  columns(m: EntityMetadata, where: string): string[];
}

/** What a count returns: one row per table of the cascade, `n` a bigint as text. */
export type CascadeCounts = Array<{ tbl: string; n: string }>;

/**
 * Runs a cascadeCountSql statement in the caller's transaction (which it must be in), with JIT
 * off for that statement only. Over a million trades its estimated cost is far above
 * jit_above_cost (a recursive CTE's row estimate is a guess, here in the millions), so
 * PostgreSQL would compile and optimize every expression of its dozens of plan nodes: on the
 * benchmark data 5 to 10 s of JIT for 0.2 to 0.5 s of execution, for counts that gain nothing.
 */
export async function countCascade(
  query: (sql: string, params?: unknown[]) => Promise<unknown>,
  sql: string,
  id: string | number,
): Promise<CascadeCounts> {
  return runCascade<CascadeCounts[number]>(query, sql, [id]);
}

/** countCascade for any cascade statement and its parameters (the root's id first). */
export async function runCascade<Row>(
  query: (sql: string, params?: unknown[]) => Promise<unknown>,
  sql: string,
  params: unknown[],
): Promise<Row[]> {
  await query('SET LOCAL jit = off');
  const rows = (await query(sql, params)) as Row[];
  // Back to the configured value for whatever else the caller's transaction runs.
  await query('SET LOCAL jit = DEFAULT');
  return rows;
}
