import { createHash } from 'node:crypto';
import type { Type as ClassType } from '@nestjs/common';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { accessOf } from '../../src/auth/policy/table-access';

/** Whose a row is: a user's id, `platform` (shared data), or `none` (a child row without parent). */
export type OwnerKey = string;
export const PLATFORM = 'platform';

export interface SnapshotRow {
  table: string;
  id: string;
  owner: OwnerKey;
  /** md5 of the row's JSON: any change of any column changes it. */
  hash: string;
}

export interface OwnerSnapshot {
  /** Every row of every non-admin table, keyed `table:id`. */
  rows: Map<string, SnapshotRow>;
  /** md5 over each owner's rows across all tables (sorted), the owner-scoped checksum. */
  checksums: Map<OwnerKey, string>;
}

/**
 * The owner of a row of `entity` (seen as `alias`) as SQL, following the access policy's own
 * declarations: the owner column of an owned table, the parent chain of a child table (a child
 * without parent is platform data when its class says so), `platform` for shared tables.
 */
function ownerSql(
  ds: DataSource,
  entity: ClassType<unknown>,
  alias: string,
  depth: number,
): string {
  const rule = accessOf(entity);
  switch (rule.class) {
    case 'platform':
    case 'admin':
      return `'${PLATFORM}'`;
    case 'owned':
      return `${alias}."${rule.ownerColumn}"::text`;
    case 'child': {
      const parent = ds.getMetadata(rule.parent());
      const p = `o${depth}`;
      const inner = ownerSql(ds, rule.parent(), p, depth + 1);
      const viaParent = `(SELECT ${inner} FROM "${parent.tableName}" ${p} WHERE ${p}.id = ${alias}."${rule.parentColumn}")`;
      return `COALESCE(${viaParent}, '${rule.unlinkedIsPlatform ? PLATFORM : 'none'}')`;
    }
  }
}

/** One statement listing every row of the non-admin tables with its owner and hash. */
export function ownerSnapshotSql(ds: DataSource): string {
  const parts: string[] = [];
  for (const meta of ds.entityMetadatas) {
    const entity = meta.target as ClassType<unknown>;
    if (accessOf(entity).class === 'admin') continue;
    parts.push(
      `SELECT '${meta.tableName}' AS t, x.id::text AS id, ${ownerSql(ds, entity, 'x', 1)} AS owner, ` +
        `md5(row_to_json(x)::text) AS h FROM "${meta.tableName}" x`,
    );
  }
  return parts.join('\nUNION ALL\n');
}

/**
 * Takes owner-scoped snapshots of a test database on a connection of its own: a prepared
 * statement, so a snapshot after every step of a long run costs one round trip.
 */
export class OwnerSnapshots {
  private readonly client: Client;
  private readonly sql: string;

  constructor(url: string, ds: DataSource) {
    this.client = new Client({ connectionString: url });
    this.sql = ownerSnapshotSql(ds);
  }

  async connect(): Promise<void> {
    await this.client.connect();
  }

  end(): Promise<void> {
    return this.client.end();
  }

  query<T>(text: string, params: unknown[] = []): Promise<T[]> {
    return this.client.query(text, params).then((r) => r.rows as T[]);
  }

  async take(): Promise<OwnerSnapshot> {
    const result = await this.client.query<{ t: string; id: string; owner: string; h: string }>({
      name: 'owner_snapshot',
      text: this.sql,
    });
    const rows = new Map<string, SnapshotRow>();
    const perOwner = new Map<OwnerKey, string[]>();
    for (const r of result.rows) {
      rows.set(`${r.t}:${r.id}`, { table: r.t, id: r.id, owner: r.owner, hash: r.h });
      const list = perOwner.get(r.owner) ?? [];
      list.push(`${r.t}:${r.id}:${r.h}`);
      perOwner.set(r.owner, list);
    }
    const checksums = new Map<OwnerKey, string>();
    for (const [owner, list] of perOwner)
      checksums.set(owner, createHash('md5').update(list.sort().join(',')).digest('hex'));
    return { rows, checksums };
  }
}

/** Owners whose checksum differs between two snapshots (rows added, removed, changed or moved). */
export function changedOwners(before: OwnerSnapshot, after: OwnerSnapshot): Set<OwnerKey> {
  const owners = new Set([...before.checksums.keys(), ...after.checksums.keys()]);
  return new Set([...owners].filter((o) => before.checksums.get(o) !== after.checksums.get(o)));
}

/** What happened to one owner's rows between two snapshots, for failure messages. */
export function describeChanges(
  before: OwnerSnapshot,
  after: OwnerSnapshot,
  owner: OwnerKey,
): string[] {
  const out: string[] = [];
  for (const [key, row] of before.rows) {
    if (row.owner !== owner) continue;
    const now = after.rows.get(key);
    if (!now) out.push(`removed ${key}`);
    else if (now.owner !== owner) out.push(`moved ${key} to ${now.owner}`);
    else if (now.hash !== row.hash) out.push(`changed ${key}`);
  }
  for (const [key, row] of after.rows) {
    if (row.owner === owner && before.rows.get(key)?.owner !== owner) out.push(`added ${key}`);
  }
  return out;
}

/** Rows removed between two snapshots, counted per table (what a delete preview must have said). */
export function removedPerTable(
  before: OwnerSnapshot,
  after: OwnerSnapshot,
): Record<string, number> {
  const removed: Record<string, number> = {};
  for (const [key, row] of before.rows)
    if (!after.rows.has(key)) removed[row.table] = (removed[row.table] ?? 0) + 1;
  return removed;
}
