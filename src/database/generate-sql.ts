/**
 * Marks a repository method whose SQL is committed under `src/queries/` (as Immich does): `npm run
 * generate` calls it with each case's arguments against a real, migrated database, inside a
 * transaction it rolls back, and writes every statement it sent. A reviewer then sees in the diff
 * when a change adds a query, a join or an N+1. Arguments must be constants (no random ids), so
 * the output is the same on every run.
 */
export interface SqlCase {
  /** Shown in the file; defaults to the method name. */
  name?: string;
  params: unknown[];
}

interface Registered {
  method: string;
  cases: SqlCase[];
}

const registry = new Map<object, Registered[]>();

export function GenerateSql(...cases: SqlCase[]): MethodDecorator {
  return (target, key) => {
    const list = registry.get(target.constructor) ?? [];
    list.push({ method: String(key), cases: cases.length > 0 ? cases : [{ params: [] }] });
    registry.set(target.constructor, list);
  };
}

/** Every repository class with marked methods, and its methods in declaration order. */
export function sqlCases(): Array<[new (...args: never[]) => unknown, Registered[]]> {
  return [...registry.entries()].map(([cls, list]) => [
    cls as new (...args: never[]) => unknown,
    list,
  ]);
}

/** Constant arguments for the cases: the same ids on every run. */
export const SAMPLE = {
  uuid: '00000000-0000-4000-8000-000000000001',
  otherUuid: '00000000-0000-4000-8000-000000000002',
  date: '2026-01-02T03:04:05.000Z',
};

/** Callers for the cases (the access policy shapes most statements). */
export const SAMPLE_CALLERS = {
  user: { role: 'user', userId: SAMPLE.uuid, username: 'sample', isAdmin: false },
  admin: { role: 'admin', userId: SAMPLE.otherUuid, username: 'admin', isAdmin: true },
} as const;
