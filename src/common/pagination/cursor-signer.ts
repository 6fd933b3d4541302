import { createHmac, timingSafeEqual } from 'node:crypto';

/** Separates this use of the key from any other the service may make of it one day. */
const PURPOSE = 'ledgerline list cursor v1';

/**
 * Signs list cursors and verifies them: HMAC-SHA256 over the cursor's key and its binding (the
 * list's path, filters and caller, see cursor-context.ts). A cursor is `<key>.<mac>`, both
 * base64url. The first key signs; every key verifies, so after a rotation the cursors signed
 * with the previous key stay valid until their clients have paged on.
 *
 * The keys live only in this object: nothing logs it, and its own properties are private.
 */
export class CursorSigner {
  readonly #keys: readonly Buffer[];

  constructor(current: string, previous: ReadonlyArray<string | undefined> = []) {
    this.#keys = [current, ...previous.filter((k): k is string => k !== undefined)].map((k) =>
      Buffer.from(k, 'utf8'),
    );
  }

  sign(binding: string, payload: string): string {
    return `${payload}.${this.#mac(this.#keys[0], binding, payload).toString('base64url')}`;
  }

  /** The payload of a cursor one of the keys signed for this binding, else null. */
  verify(binding: string, cursor: string): string | null {
    const dot = cursor.lastIndexOf('.');
    if (dot <= 0) return null;
    const payload = cursor.slice(0, dot);
    const sent = Buffer.from(cursor.slice(dot + 1), 'base64url');
    // base64url decoding ignores stray characters: insist on the canonical spelling, so one
    // signature has exactly one cursor text.
    if (sent.toString('base64url') !== cursor.slice(dot + 1)) return null;
    for (const key of this.#keys) {
      const expected = this.#mac(key, binding, payload);
      if (sent.length === expected.length && timingSafeEqual(sent, expected)) return payload;
    }
    return null;
  }

  #mac(key: Buffer, binding: string, payload: string): Buffer {
    return createHmac('sha256', key)
      .update(PURPOSE)
      .update('\0')
      .update(binding)
      .update('\0')
      .update(payload)
      .digest();
  }
}
