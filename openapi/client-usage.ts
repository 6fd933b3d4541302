// A tiny typed client over the generated types (`npm run openapi:client` compiles it): when a
// route, a query parameter or a body field changes in the document, this stops compiling.
import type { components, paths } from './ledgerline';

type JsonOf<R> = R extends { content: { 'application/json': infer B } } ? B : never;

export type TradePage = JsonOf<paths['/api/trades']['get']['responses'][200]>;
export type TradeQuery = NonNullable<paths['/api/trades']['get']['parameters']['query']>;
export type NewTrade = components['schemas']['CreateTradeDto'];
export type PositionsSync = JsonOf<paths['/api/positions/sync']['post']['requestBody']>;
export type NewAlertRule = components['schemas']['CreateAlertRuleDto'];

async function call<T>(base: string, token: string, path: string, init: RequestInit = {}) {
  const res = await fetch(`${base}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
  });
  if (!res.ok) throw new Error(`${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

export function listTrades(base: string, token: string, query: TradeQuery): Promise<TradePage> {
  const qs = new URLSearchParams(
    Object.entries(query).map(([k, v]) => [k, String(v)] as [string, string]),
  );
  return call<TradePage>(base, token, `/api/trades?${qs.toString()}`);
}

export function recordTrade(base: string, token: string, trade: NewTrade) {
  return call<components['schemas']['EnrichedTradeDto']>(base, token, '/api/trades', {
    method: 'POST',
    body: JSON.stringify(trade),
  });
}

// Compile-time checks of a few shapes the contract promises.
export const example: {
  trade: NewTrade;
  sync: PositionsSync;
  rule: NewAlertRule;
  query: TradeQuery;
} = {
  trade: { symbol: 'AAPL', side: 'buy', quantity: '10', price: '187.5', status: 'completed' },
  sync: { positions: [] },
  rule: { name: 'drawdown', ruleType: 'drawdown', condition: { gt: 5 }, threshold: '5' },
  query: { pnlDirection: 'profit', limit: 50 },
};
