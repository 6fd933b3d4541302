import { QueryFailedError } from 'typeorm';
import { snakeToCamel, humanizeTable } from '../text';
import type { ErrorCode } from './error-codes';

/** The parts of a mapped error that the filter needs to write a response. */
export interface MappedError {
  status: number;
  code: ErrorCode;
  message: string;
  details?: unknown;
  retryAfterSeconds?: number;
}

interface PgDriverError {
  code?: string;
  constraint?: string;
  detail?: string;
  table?: string;
  column?: string;
  message?: string;
}

/** SQLSTATE classes and node errors that mean "the database cannot be reached right now". */
const UNAVAILABLE_SQLSTATES = new Set([
  '57P01', // admin_shutdown (pg_terminate_backend, server stopping)
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, shutting down)
  '53300', // too_many_connections
  '53400', // configuration_limit_exceeded
  '3D000', // invalid_catalog_name: the database is gone
  '28000', // invalid_authorization_specification
  '28P01', // invalid_password
]);
const UNAVAILABLE_NODE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
const UNAVAILABLE_MESSAGES = [
  /connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /connection (is )?(closed|ended)/i,
  /cannot use a pool after calling end/i,
  /client has encountered a connection error/i,
  /driver not connected/i,
  /connection .* is not established/i,
  /is not currently accepting connections/i,
];

function driverErrorOf(err: unknown): PgDriverError | undefined {
  if (err instanceof QueryFailedError) return err.driverError as PgDriverError;
  if (typeof err === 'object' && err !== null && 'code' in err) return err as PgDriverError;
  return undefined;
}

/** `Key (symbol)=(AAPL) already exists.` → { columns: ['symbol'], values: 'AAPL' } */
function parseKeyDetail(
  detail: string | undefined,
): { columns: string[]; values: string } | undefined {
  const m = detail?.match(/^Key \((.+?)\)=\((.*)\)/);
  if (!m) return undefined;
  // Expression keys such as lower(username COLLATE "C") are reported by the column inside.
  const columns = m[1].split(',').map((c) =>
    c
      .trim()
      .replace(/^\w+\((.+)\)$/, '$1')
      .replace(/ COLLATE "?\w+"?$/, '')
      .replace(/::\w+$/, '')
      .replace(/^"|"$/g, ''),
  );
  return { columns, values: m[2] };
}

/**
 * Columns that scope a key to its owner (the caller's own id, the owner a child row inherits):
 * a conflict is always within the caller's scope, so they name nothing the client could change.
 */
const SCOPE_COLUMNS = new Set(['user_id', 'owner_id']);

/**
 * The fields a unique key's conflict is about, as the client names them; undefined when the key
 * has none (a singleton's constant expression).
 */
function conflictFields(columns: string[]): string[] | undefined {
  const names = columns.filter((c) => /^[a-z_][a-z0-9_]*$/i.test(c) && !/^(true|false)$/i.test(c));
  const named = names.filter((c) => !SCOPE_COLUMNS.has(c));
  const fields = (named.length > 0 ? named : names).map(snakeToCamel);
  return fields.length > 0 ? fields : undefined;
}

/**
 * Maps an error thrown by pg/TypeORM to the contract's typed error, or undefined when the error
 * did not come from the database. The messages are written here from the error's fields: no SQL,
 * no parameters and no server text reach the response. A unique conflict names the key's fields
 * and constraint, never the value PostgreSQL reports: that value may be the spelling another
 * caller's row holds (a username differing in case, a platform row's key), not the client's own.
 */
export function mapDatabaseError(err: unknown): MappedError | undefined {
  const pg = driverErrorOf(err);
  const code = pg?.code;
  const message = err instanceof Error ? err.message : '';

  if (code === '23505') {
    const key = parseKeyDetail(pg?.detail);
    const fields = key && conflictFields(key.columns);
    const what = humanizeTable(pg?.table);
    return {
      status: 409,
      code: 'UNIQUE_VIOLATION',
      message: fields
        ? `${what} with this ${fields.join(', ')} already exists`
        : `${what} already exists`,
      details: { constraint: pg?.constraint, fields },
    };
  }
  if (code === '23503') {
    const key = parseKeyDetail(pg?.detail);
    const referenced = pg?.detail?.match(/table "([^"]+)"/)?.[1];
    const stillReferenced = /still referenced/.test(pg?.detail ?? '');
    const field = key ? key.columns.map(snakeToCamel).join(', ') : undefined;
    return {
      status: 422,
      code: 'FOREIGN_KEY_VIOLATION',
      message: stillReferenced
        ? `${humanizeTable(pg?.table)} is still referenced by ${humanizeTable(referenced)} rows`
        : `${field ?? 'a reference'} ${key?.values ?? ''} refers to a ${humanizeTable(referenced)} that does not exist`.replace(
            /\s+/g,
            ' ',
          ),
      details: { constraint: pg?.constraint, field },
    };
  }
  if (code === '23502') {
    const field = pg?.column ? snakeToCamel(pg.column) : undefined;
    return {
      status: 422,
      code: 'NOT_NULL_VIOLATION',
      message: `${field ?? 'a required field'} must not be null`,
      details: { field },
    };
  }
  if (code === '23514') {
    return {
      status: 422,
      code: 'CHECK_VIOLATION',
      message: `${humanizeTable(pg?.table)} violates the rule ${pg?.constraint ?? ''}`.trim(),
      details: { constraint: pg?.constraint },
    };
  }
  if (code === '22P02') {
    const type = message.match(/invalid input (?:syntax|value) for (?:type )?(\w+)/)?.[1];
    return {
      status: 400,
      code: 'INVALID_TEXT_REPRESENTATION',
      message: `a value is not a valid ${type ?? 'input'}`,
      details: type ? { type } : undefined,
    };
  }
  if (code === '22003') {
    return {
      status: 400,
      code: 'NUMERIC_OUT_OF_RANGE',
      message: 'a numeric value is out of range',
    };
  }
  if (code === '22021' || code === '22P05' || code === '22025' || code === '2200H') {
    return {
      status: 400,
      code: 'INVALID_TEXT_REPRESENTATION',
      message: 'a text value contains characters the database cannot store',
    };
  }
  if (code === '54000') {
    // e.g. a value too large for the index of its column (btree rows are limited to ~2.7 kB)
    return {
      status: 400,
      code: 'VALUE_TOO_LARGE',
      message: 'a value is too large to be stored or indexed',
    };
  }
  if (code === '22001') {
    return {
      status: 400,
      code: 'VALUE_TOO_LARGE',
      message: 'a value is longer than its column allows',
    };
  }
  // 22008 datetime_field_overflow, 22009 invalid_time_zone_displacement_value: a date/time that
  // parses in JavaScript but not in PostgreSQL (year +275760, an offset of GMT+1400).
  if (code === '22007' || code === '22008' || code === '22009') {
    return {
      status: 400,
      code: 'INVALID_TEXT_REPRESENTATION',
      message: 'a date/time value is invalid or out of range',
    };
  }
  if (code === '22023') {
    // invalid_parameter_value: a value a function refuses (a time zone, an interval part).
    return {
      status: 400,
      code: 'INVALID_TEXT_REPRESENTATION',
      message: 'a value is not valid where it is used',
    };
  }
  if (code === '40001' || code === '40P01') {
    return {
      status: 503,
      code: 'SERIALIZATION_FAILURE',
      message: 'the request conflicted with a concurrent change; retry it',
      retryAfterSeconds: 1,
    };
  }
  if (code === '57014') {
    return {
      status: 503,
      code: 'QUERY_TIMEOUT',
      message: 'the database took too long to answer',
      retryAfterSeconds: 1,
    };
  }
  if (
    (code &&
      (code.startsWith('08') ||
        UNAVAILABLE_SQLSTATES.has(code) ||
        UNAVAILABLE_NODE_CODES.has(code))) ||
    UNAVAILABLE_MESSAGES.some((re) => re.test(message)) ||
    (err instanceof Error && err.name === 'ConnectionIsNotSetError') ||
    // TypeORM releases a transaction's query runner when its connection dies (found by fault
    // injection): the next statement or the rollback then fails with this, not the 57P01.
    (err instanceof Error &&
      (err.name === 'QueryRunnerAlreadyReleasedError' ||
        err.name === 'QueryRunnerProviderAlreadyReleasedError'))
  ) {
    return {
      status: 503,
      code: 'DATABASE_UNAVAILABLE',
      message: 'the database is unavailable',
      retryAfterSeconds: 2,
    };
  }
  if (err instanceof QueryFailedError || (code && /^[0-9A-Z]{5}$/.test(code))) {
    return { status: 500, code: 'DATABASE_ERROR', message: 'a database error occurred' };
  }
  return undefined;
}
