const SECRET_KEY = /pass(word)?|token|secret|api[-_]?key|authorization|credential|private[-_]?key/i;
const MAX_STORED_BYTES = 64 * 1024;
export const REDACTED = '[REDACTED]';

/**
 * A copy of a request body fit for the audit log: values of secret-looking keys replaced, the
 * `value` of a setting marked secret replaced, the route's own sensitive keys (`alwaysRedact`,
 * e.g. every admin setting's `value`, whatever the body says) replaced, and very large bodies
 * summarised.
 */
export function redactBody(body: unknown, alwaysRedact: readonly string[] = []): unknown {
  if (body === undefined || body === null) return null;
  const redacted = redact(body, 0, new Set(alwaysRedact));
  const size = Buffer.byteLength(JSON.stringify(redacted));
  if (size <= MAX_STORED_BYTES) return redacted;
  const keys = typeof redacted === 'object' && redacted !== null ? Object.keys(redacted) : [];
  const counts = Object.fromEntries(
    keys
      .filter((k) => Array.isArray((redacted as Record<string, unknown>)[k]))
      .map((k) => [k, ((redacted as Record<string, unknown[]>)[k] ?? []).length]),
  );
  return { truncated: true, bytes: size, keys, arrayLengths: counts };
}

function redact(value: unknown, depth: number, always: ReadonlySet<string>): unknown {
  if (depth > 20) return '[TOO DEEP]';
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1, always));
  if (typeof value !== 'object' || value === null) return value;
  const source = value as Record<string, unknown>;
  const secretSetting = source.isSecret === true;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(source)) {
    out[k] =
      SECRET_KEY.test(k) || always.has(k) || (secretSetting && k === 'value')
        ? REDACTED
        : redact(v, depth + 1, always);
  }
  return out;
}
