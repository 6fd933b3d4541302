/**
 * How deep a request body's JSON may nest. Validation (class-transformer, class-validator, the
 * compiled validators) recurses once per level: ~6,000 levels, 12 KB of brackets, overflowed the
 * stack into a 500, anonymously on login. No request of this API nests beyond a handful of levels.
 */
export const MAX_JSON_DEPTH = 64;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

/**
 * Whether UTF-8 JSON text nests deeper than `max`, from one pass over its bytes before anything
 * parses or recurses over it. Brackets inside strings do not count; in UTF-8 the bytes of `"`, `\`
 * and the brackets never occur inside a multi-byte character, so scanning bytes is exact.
 * Malformed text is the parser's business: this only counts.
 */
export function exceedsJsonDepth(bytes: Uint8Array, max = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (inString) {
      if (b === BACKSLASH) i++;
      else if (b === QUOTE) inString = false;
    } else if (b === QUOTE) {
      inString = true;
    } else if (b === OPEN_BRACE || b === OPEN_BRACKET) {
      if (++depth > max) return true;
    } else if (b === CLOSE_BRACE || b === CLOSE_BRACKET) {
      depth--;
    }
  }
  return false;
}
