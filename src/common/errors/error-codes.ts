/**
 * Every `code` an error body can carry, with the HTTP statuses it comes with. This is the one
 * list: the error classes, the PostgreSQL error map and the global filter only accept an
 * `ErrorCode`, the OpenAPI document publishes the list as the enum of `ErrorBodyDto.code` (so the
 * generated client sees a closed union), and test/lint/error-codes.spec.ts checks that no code
 * literal in src/ escapes it and that docs/API.md describes each one.
 */
export const ERROR_CODES = {
  VALIDATION_FAILED: { status: [400], when: 'a query, path or body value is invalid' },
  MALFORMED_JSON: { status: [400], when: 'the body is not valid JSON' },
  JSON_TOO_DEEP: { status: [400], when: 'the JSON body nests deeper than 64 levels' },
  BAD_REQUEST: { status: [400], when: 'a malformed request, or a 4xx with no specific code' },
  VALUE_TOO_LARGE: { status: [400], when: 'a value too long for its column or index' },
  INVALID_TEXT_REPRESENTATION: { status: [400], when: 'the database refused a value' },
  NUMERIC_OUT_OF_RANGE: { status: [400], when: 'a number out of its column range' },
  UNAUTHENTICATED: { status: [401], when: 'no valid token or API key' },
  FORBIDDEN: { status: [403], when: 'authenticated, but not allowed' },
  NOT_FOUND: { status: [404], when: 'unknown route or id, or a row the caller may not see' },
  METHOD_NOT_ALLOWED: { status: [405], when: 'a method the route does not have' },
  CONFLICT: { status: [409], when: 'a conflict with no more specific code' },
  UNIQUE_VIOLATION: { status: [409], when: 'a unique key is already taken' },
  HAS_DEPENDENTS: { status: [409], when: 'a delete would remove rows the caller does not own' },
  READ_ONLY: { status: [409], when: 'a change to a read-only admin setting' },
  PAYLOAD_TOO_LARGE: { status: [413], when: 'the body is over the limit' },
  UNSUPPORTED_MEDIA_TYPE: {
    status: [415],
    when: 'a Content-Encoding or charset the route refuses',
  },
  UNPROCESSABLE: { status: [422], when: 'a business rule with no more specific code' },
  FOREIGN_KEY_VIOLATION: { status: [422], when: 'a reference to a row that does not exist' },
  NOT_NULL_VIOLATION: { status: [422], when: 'a required value is missing' },
  CHECK_VIOLATION: { status: [422], when: 'a value breaks a table rule' },
  OVERFILL: { status: [422], when: "fills would exceed the order's quantity" },
  IDEMPOTENCY_KEY_REUSED: { status: [422], when: 'an Idempotency-Key reused for another body' },
  RATE_LIMITED: { status: [429], when: 'too many failed logins; see Retry-After' },
  HEADERS_TOO_LARGE: { status: [431], when: 'the request line or headers are too large' },
  INTERNAL_ERROR: { status: [500], when: 'an unexpected error' },
  DATABASE_ERROR: { status: [500], when: 'any other database error' },
  SERIALIZATION_FAILURE: { status: [503], when: 'a concurrent change; retry after Retry-After' },
  QUERY_TIMEOUT: { status: [503], when: 'the statement timed out; retry after Retry-After' },
  DATABASE_UNAVAILABLE: { status: [503], when: 'the database cannot be reached' },
  SERVICE_UNAVAILABLE: { status: [503], when: 'a 503 with no more specific code' },
  SHUTTING_DOWN: { status: [503], when: 'readiness while the instance drains' },
} as const satisfies Record<string, { status: readonly number[]; when: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

/** The codes in the order above (the OpenAPI enum's order). */
export const ERROR_CODE_LIST = Object.keys(ERROR_CODES) as ErrorCode[];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ERROR_CODES, value);
}
