/** `strategy_id` → `strategyId` */
export function snakeToCamel(s: string): string {
  return s.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** `broker_assets` → `broker asset`; used only for human-readable messages. */
export function humanizeTable(table: string | undefined): string {
  if (!table) return 'record';
  const words = table.split('_');
  const last = words.pop() ?? '';
  const singular = /ies$/.test(last)
    ? last.replace(/ies$/, 'y')
    : /(ss|us|is|sis)$/.test(last)
      ? last
      : last.replace(/s$/, '');
  return [...words, singular].join(' ');
}
