/**
 * A response body that is already JSON (built by PostgreSQL, see json-object.ts): the
 * JsonTextInterceptor sends its text as it is instead of parsing and stringifying it again.
 * Anything else that serializes it (an idempotency record, a test) gets the parsed value.
 */
export class JsonText {
  constructor(readonly text: string) {}

  toJSON(): unknown {
    return JSON.parse(this.text);
  }
}
