/** A ticker symbol after upper-casing: a letter, then letters, digits, dots or dashes (max 15). */
export const SYMBOL_PATTERN = /^[A-Z][A-Z0-9.-]{0,14}$/;

export function toUpperCaseSymbol({ value }: { value: unknown }): unknown {
  return typeof value === 'string' ? value.trim().toUpperCase() : value;
}

export function toUpperCaseSymbols({ value }: { value: unknown }): unknown {
  return Array.isArray(value) ? value.map((v) => toUpperCaseSymbol({ value: v })) : value;
}
