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

/**
 * One statement that counts, per table, the distinct rows a delete of `root` ($1) would remove.
 * Each table's doomed rows are a CTE defined from its parents' CTEs by semi-joins on the foreign
 * key columns as they are typed (so the FK indexes serve small cascades and hash joins large
 * ones); UNION removes rows reached by several keys. Tables that cascade into each other in a
 * cycle (trades -> ai_decisions -> orders -> trades) take what enters the cycle from outside as
 * plain sets, and share one recursive CTE, tagged by table, for what the cycle's own keys reach
 * from there (its UNION stops at rows already found), so a strategy's million trades are read
 * once rather than walked row by row. PostgreSQL holds the sets (spilling to disk when large);
 * the service receives one count per table.
 */
export function cascadeCountSql(root: EntityMetadata, all: EntityMetadata[]): string {
  const edges = cascadeEdges(all);
  const reachable: EntityMetadata[] = [root];
  for (let i = 0; i < reachable.length; i++) {
    for (const e of edges)
      if (e.parent === reachable[i] && !reachable.includes(e.child)) reachable.push(e.child);
  }
  const inGraph = edges.filter((e) => reachable.includes(e.parent) && reachable.includes(e.child));
  const cte = new Map<EntityMetadata, string>(reachable.map((m, i) => [m, `del_${i}`]));
  const clauses: string[] = [];

  /** The rows of `m` that a cascade from outside its component reaches (plus the root itself). */
  const entries = (m: EntityMetadata, component: EntityMetadata[]): string[] => {
    const from = inGraph
      .filter((e) => e.child === m && !component.includes(e.parent))
      .map(
        (e) =>
          `SELECT c.${pk(m)} FROM ${q(m.tableName)} c WHERE c.${q(e.column)} IN (SELECT id FROM ${cte.get(e.parent)})`,
      );
    if (m === root) from.unshift(`SELECT $1::${pgType(m)}`);
    return from;
  };

  for (const component of componentsInOrder(reachable, inGraph)) {
    const internal = inGraph.filter(
      (e) => component.includes(e.parent) && component.includes(e.child),
    );
    if (internal.length === 0) {
      const [m] = component;
      clauses.push(`${cte.get(m)}(id) AS (${entries(m, component).join(' UNION ')})`);
      continue;
    }
    const types = new Set(component.map(pgType));
    if (types.size > 1)
      throw new Error(`cascade cycle over mixed key types: ${component.map((m) => m.tableName)}`);
    const scc = `${cte.get(component[0])}_cycle`;
    const base = (m: EntityMetadata) => `${cte.get(m)}_base`;
    const tag = (m: EntityMetadata) => component.indexOf(m);
    // What enters the cycle from outside, set-based (these can be millions: a strategy's trades).
    for (const m of component) {
      const from = entries(m, component);
      const none = `SELECT c.${pk(m)} FROM ${q(m.tableName)} c WHERE false`;
      // NOT MATERIALIZED: inlined where used, the planner sees the table's own statistics (a
      // materialized CTE looks like 200 distinct ids to it, and it would then probe an index
      // once per entering row instead of hashing).
      clauses.push(
        `${base(m)}(id) AS NOT MATERIALIZED (${from.length > 0 ? from.join(' UNION ') : none})`,
      );
    }
    // Only what the cycle's own keys reach from there goes through the recursion, whose UNION
    // stops at rows already found: its first step is one semi-join per key on the entry sets,
    // then each step joins the new rows to every key of the cycle at once.
    const first = internal.map(
      (e) =>
        `SELECT ${tag(e.child)}, c.${pk(e.child)} FROM ${q(e.child.tableName)} c WHERE c.${q(e.column)} IN (SELECT id FROM ${base(e.parent)})`,
    );
    const steps = internal.map(
      (e) =>
        `SELECT ${tag(e.parent)} AS kp, c.${q(e.column)} AS idp, ${tag(e.child)} AS kc, c.${pk(e.child)} AS idc FROM ${q(e.child.tableName)} c WHERE c.${q(e.column)} IS NOT NULL`,
    );
    clauses.push(
      `${scc}(k, id) AS (${first.join(' UNION ALL ')} UNION SELECT e.kc, e.idc FROM ${scc} r JOIN (${steps.join(' UNION ALL ')}) e ON e.kp = r.k AND e.idp = r.id)`,
    );
    for (const m of component) {
      clauses.push(
        `${cte.get(m)}(id) AS (SELECT id FROM ${base(m)} UNION ALL SELECT r.id FROM ${scc} r WHERE r.k = ${tag(m)} AND NOT EXISTS (SELECT 1 FROM ${base(m)} b WHERE b.id = r.id))`,
      );
    }
  }
  const counts = reachable.map(
    (m) => `SELECT '${m.tableName}' AS tbl, count(*) AS n FROM ${cte.get(m)}`,
  );
  return `WITH RECURSIVE ${clauses.join(',\n')}\n${counts.join('\nUNION ALL ')}`;
}
