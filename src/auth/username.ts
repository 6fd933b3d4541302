/**
 * The only characters a username may hold (signup, admin-made accounts, ADMIN_USERNAME, the user
 * CLI), and the only ones login accepts: anything else is a 400 before any lookup or counter.
 */
export const USERNAME_PATTERN = /^[A-Za-z0-9_.-]{3,64}$/;
export const USERNAME_MESSAGE = 'username must be 3..64 letters, digits, _ . or -';

/**
 * The one form under which two spellings are the same account: ASCII letters folded to lower
 * case, every other character left as it is. The login throttle keys on it and the lookup
 * compares it with `lower(username COLLATE "C")`, which folds exactly the same letters (in the
 * C collation PostgreSQL lower-cases ASCII only, whatever the database's locale). A
 * locale-aware fold must not be used on either side: JavaScript turns `İ` (U+0130) into `i̇`
 * while PostgreSQL's libc turns it into `i`, so the throttle and the lookup disagreed on which
 * account a spelling named, and each `İ` spelling got a fresh throttle counter.
 */
export function canonicalUsername(username: string): string {
  return username.replace(/[A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 32));
}

/** The SQL twin of canonicalUsername() for a column or expression (the index migration UsernameCanonicalIndex matches it). */
export const canonicalUsernameSql = (expr: string): string => `lower(${expr} COLLATE "C")`;
