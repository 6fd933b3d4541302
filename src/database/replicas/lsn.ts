/**
 * PostgreSQL WAL positions ("16/B374D848": two 32-bit hex halves) as bigints, so they compare
 * and subtract exactly in JavaScript.
 */
export type Lsn = bigint;

const LSN_TEXT = /^([0-9A-F]{1,8})\/([0-9A-F]{1,8})$/i;

export function parseLsn(text: string | null | undefined): Lsn | null {
  const m = text ? LSN_TEXT.exec(text.trim()) : null;
  if (!m) return null;
  return (BigInt(`0x${m[1]}`) << 32n) + BigInt(`0x${m[2]}`);
}

export function formatLsn(lsn: Lsn): string {
  const hi = (lsn >> 32n).toString(16).toUpperCase();
  const lo = (lsn & 0xffffffffn).toString(16).toUpperCase();
  return `${hi}/${lo}`;
}

export function maxLsn(a: Lsn | null, b: Lsn | null): Lsn | null {
  if (a === null) return b;
  if (b === null) return a;
  return a > b ? a : b;
}
