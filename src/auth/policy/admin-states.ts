import type { Type as ClassType } from '@nestjs/common';
import { ForbiddenError } from '../../common/errors/domain-errors';
import { Strategy } from '../../strategies/entities/strategy.entity';
import { StrategyVersion } from '../../strategies/entities/strategy-version.entity';
import { UniverseCandidate } from '../../universe/entities/universe-candidate.entity';
import type { AuthUser } from '../auth-user';

/**
 * A state of a row that only an administrator brings about or ends: the active version of a
 * strategy, a strategy switched on, an approved universe candidate. Checking each verb on its own
 * left holes (a `platform:write` key could not archive the active version by PATCH, but could
 * DELETE it, or delete an approved candidate and create it again as NEW), so every verb asks the
 * same rule: creating a row in the state, changing a row in it (or moving one into or out of it),
 * and deleting one (directly or by a cascade) are 403 for anyone but an admin.
 */
export interface AdminState {
  entity: () => ClassType<unknown>;
  /** The property and its column that hold the state, and the values that are the state. */
  property: string;
  column: string;
  values: readonly (string | boolean)[];
  /**
   * Whether every field of a row in the state is the admin's (the active version is what trades
   * run on), or only the state's own field is, whatever its value (switching a strategy on and
   * switching it off are both an admin's decision; its name is anyone's to correct).
   */
  frozen: boolean;
  /** For messages: "the active version of a strategy". */
  what: string;
  /** For messages: the route by which an administrator brings the state about. */
  via?: string;
}

export const ADMIN_STATES: readonly AdminState[] = [
  {
    entity: () => StrategyVersion,
    property: 'status',
    column: 'status',
    values: ['active'],
    frozen: true,
    what: 'the active version of a strategy',
    via: 'POST /api/strategies/{strategyId}/versions/{id}/activate',
  },
  {
    entity: () => Strategy,
    property: 'isActive',
    column: 'is_active',
    values: [true],
    frozen: false,
    what: 'an active strategy',
  },
  {
    entity: () => UniverseCandidate,
    property: 'status',
    column: 'status',
    values: ['APPROVED'],
    frozen: true,
    what: 'an approved universe candidate',
    via: 'POST /api/universe-candidates/{id}/approve',
  },
];

function statesOf(entity: ClassType<unknown>): AdminState[] {
  return ADMIN_STATES.filter((s) => s.entity() === entity);
}

const inState = (state: AdminState, value: unknown) => state.values.some((v) => v === value);

const made = (state: AdminState) =>
  state.frozen
    ? `${state.what} is made by an administrator only (${state.via ?? 'an admin route'})`
    : `${state.property} is set by an administrator only, whatever its value (${state.what} is an administrator's decision)`;

/**
 * A request body (POST/PUT/upsert, or the fields of a PATCH): a non-admin may not put a row in an
 * admin state, nor set at all the field of a state that is not frozen (it is the admin's, whatever
 * its value). Needs no row, so the services that write without reading first ask it too.
 */
export function assertCreateAllowed(
  entity: ClassType<unknown>,
  values: Record<string, unknown>,
  caller: AuthUser,
): void {
  if (caller.isAdmin) return;
  for (const state of statesOf(entity)) {
    const value = values[state.property];
    if (value !== undefined && (!state.frozen || inState(state, value)))
      throw new ForbiddenError(made(state));
  }
}

/**
 * PATCH: the body's rule above, and a non-admin may not change any field of a row in a frozen
 * state (the rule above already keeps the field of the other states).
 */
export function assertUpdateAllowed(
  entity: ClassType<unknown>,
  row: Record<string, unknown>,
  values: Record<string, unknown>,
  caller: AuthUser,
): void {
  if (caller.isAdmin) return;
  assertCreateAllowed(entity, values, caller);
  for (const state of statesOf(entity)) {
    if (state.frozen && inState(state, row[state.property]))
      throw new ForbiddenError(`${state.what} is changed by an administrator only`);
  }
}

/**
 * The SQL condition (rows of `entity` seen as `alias`) of its admin states, or null when it has
 * none: a delete by a non-admin whose cascade reaches such a row is refused. The values are the
 * fixed ones above, written as literals.
 */
export function adminStateSql(entity: ClassType<unknown>, alias: string): string | null {
  const conditions = statesOf(entity).map((state) => {
    const literals = state.values.map((v) =>
      typeof v === 'boolean' ? String(v) : `'${v.replace(/'/g, "''")}'`,
    );
    return `${alias}."${state.column}" IN (${literals.join(', ')})`;
  });
  return conditions.length > 0 ? `(${conditions.join(' OR ')})` : null;
}

/** The admin states `entity` has, named for a 403 (e.g. deleting them). */
export function adminStateNames(entity: ClassType<unknown>): string[] {
  return statesOf(entity).map((s) => s.what);
}
