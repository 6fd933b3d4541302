/**
 * An example trading agent on the typed client (clients/typescript). It signs in with a service
 * API key acting for one user, records an AI decision, places an order for it, records two fills
 * and a trade per fill, reads the user's enriched trades page by page, and retries a POST with
 * its Idempotency-Key to show that the retry changes nothing.
 *
 *   LEDGERLINE_URL=http://localhost:3000 LEDGERLINE_API_KEY=llk_... \
 *   LEDGERLINE_ACT_AS_USER=<user id> npm run example:agent
 *
 * test/e2e/client-example.e2e.spec.ts runs it against the real app in `npm test`.
 */
import { randomUUID } from 'node:crypto';
import {
  createLedgerlineClient,
  isLedgerlineError,
  ok,
  pages,
  type Schemas,
} from '../clients/typescript';

export interface AgentOptions {
  baseUrl: string;
  apiKey: string;
  actAsUser: string;
  /** Page size of the trade list (small, so that paging shows). */
  pageSize?: number;
  log?: (line: string) => void;
}

export interface AgentRun {
  actingFor: string;
  decisionId: string;
  orderId: string;
  fills: number;
  tradeIds: string[];
  /** How many trades each page held, in order. */
  pageSizes: number[];
  overfillRefused: boolean;
  /** The retried POST: the same answer as the first time, marked as replayed. */
  retry: { sameAnswer: boolean; replayed: boolean };
}

export async function runAgent(options: AgentOptions): Promise<AgentRun> {
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const api = createLedgerlineClient({
    baseUrl: options.baseUrl,
    token: options.apiKey,
    actAsUser: options.actAsUser,
  });

  const me = await ok(api.GET('/api/auth/me'));
  log(`signed in with API key ${me.apiKey?.name ?? '?'} as ${me.role}, acting for ${me.username}`);

  const decision = await ok(
    api.POST('/api/ai-decisions', {
      body: {
        symbol: 'AAPL',
        action: 'buy',
        confidence: '0.82',
        reasoning: 'momentum above the 50-day average',
      },
    }),
  );
  log(`decision ${decision.id}: ${decision.action} ${decision.symbol}`);

  // The Idempotency-Key makes a retry of this POST (after a timeout, say) safe.
  const order = await ok(
    api.POST('/api/orders', {
      params: { header: { 'Idempotency-Key': randomUUID() } },
      body: {
        broker: 'alpaca',
        brokerOrderId: `example-${randomUUID()}`,
        symbol: 'AAPL',
        side: 'buy',
        type: 'market',
        qty: '10',
        decisionId: decision.id,
      },
    }),
  );
  log(`order ${order.id}: ${order.side} ${order.qty} ${order.symbol}`);

  const fills: Array<{ qty: string; price: string }> = [
    { qty: '4', price: '187.20' },
    { qty: '6', price: '187.35' },
  ];
  const tradeIds: string[] = [];
  let firstTrade:
    | { key: string; body: Schemas['CreateTradeDto']; answer: Schemas['EnrichedTradeDto'] }
    | undefined;
  for (const fill of fills) {
    await ok(
      api.POST('/api/orders/{id}/fills', { params: { path: { id: order.id } }, body: fill }),
    );
    const key = randomUUID();
    const body: Schemas['CreateTradeDto'] = {
      symbol: 'AAPL',
      side: 'buy',
      quantity: fill.qty,
      price: fill.price,
      orderId: order.id,
    };
    const trade = await ok(
      api.POST('/api/trades', { params: { header: { 'Idempotency-Key': key } }, body }),
    );
    tradeIds.push(trade.id);
    firstTrade ??= { key, body, answer: trade };
    log(`fill ${fill.qty} @ ${fill.price} booked as trade ${trade.id}`);
  }

  // Errors arrive as a LedgerlineError whose code is a closed union: switch over it.
  let overfillRefused = false;
  try {
    await ok(
      api.POST('/api/orders/{id}/fills', {
        params: { path: { id: order.id } },
        body: { qty: '1', price: '187.40' },
      }),
    );
  } catch (e) {
    if (!isLedgerlineError(e, 'OVERFILL')) throw e;
    overfillRefused = true;
    log(`a third fill is refused: ${e.code} (${e.message})`);
  }

  const pageSizes: number[] = [];
  for await (const page of pages((cursor) =>
    api.GET('/api/trades', { params: { query: { limit: options.pageSize ?? 1, cursor } } }),
  )) {
    pageSizes.push(page.length);
    for (const t of page)
      log(`  trade ${t.id} ${t.side} ${t.quantity} ${t.symbol} @ ${t.price} (${t.status})`);
  }
  log(`${pageSizes.reduce((a, b) => a + b, 0)} trade(s) in ${pageSizes.length} page(s)`);

  // The same key and body again: the first answer comes back and nothing is written twice.
  if (!firstTrade) throw new Error('no trade was recorded');
  const retried = await api.POST('/api/trades', {
    params: { header: { 'Idempotency-Key': firstTrade.key } },
    body: firstTrade.body,
  });
  const again = await ok(Promise.resolve(retried));
  const retry = {
    sameAnswer: canonical(again) === canonical(firstTrade.answer),
    replayed: retried.response.headers.get('idempotent-replayed') === 'true',
  };
  log(`retry with the same Idempotency-Key: trade ${again.id}, replayed: ${retry.replayed}`);

  return {
    actingFor: options.actAsUser,
    decisionId: decision.id,
    orderId: order.id,
    fills: fills.length,
    tradeIds,
    pageSizes,
    overfillRefused,
    retry,
  };
}

/** JSON with sorted keys: a replayed answer has the same fields and values, not the same order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) {
    process.stderr.write(`${name} is required (see the README: "Running the example agent")\n`);
    process.exit(2);
  }
  return value;
}

if (require.main === module) {
  runAgent({
    baseUrl: process.env.LEDGERLINE_URL ?? 'http://localhost:3000',
    apiKey: required('LEDGERLINE_API_KEY'),
    actAsUser: required('LEDGERLINE_ACT_AS_USER'),
  }).catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
}
