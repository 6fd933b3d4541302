/**
 * The range of PostgreSQL's `integer` (int4). Integer DTO fields are bounded by it so that an
 * out-of-range value is a VALIDATION_FAILED naming the field, not a NUMERIC_OUT_OF_RANGE from the
 * database after a round trip.
 */
export const INT4_MAX = 2_147_483_647;
export const INT4_MIN = -2_147_483_648;
