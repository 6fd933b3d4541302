import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createLedgerlineClient, isLedgerlineError, items, ok } from '../../clients/typescript';
import { runAgent } from '../../examples/agent';
import { ROOT } from '../support/built-app';
import { startTestApp, TestApp, TestUser } from '../support/test-app';

/**
 * The typed client (clients/typescript) and the example agent (examples/agent.ts) against the
 * real app listening on a port: what the README tells a user to run must work.
 */
describe('the typed client and the example agent', () => {
  let t: TestApp;
  let alice: TestUser;
  let bob: TestUser;
  let baseUrl: string;
  let apiKey: string;

  beforeAll(async () => {
    t = await startTestApp('client_example');
    await t.app.listen(0, '127.0.0.1');
    const { port } = t.app.getHttpServer().address() as AddressInfo;
    baseUrl = `http://127.0.0.1:${port}`;
    alice = t.user;
    bob = await t.newUser('bob');
    const issued = await t.admin.api
      .post('/api/admin/api-keys')
      .send({ name: 'example-agent', scopes: ['act-as-user'] })
      .expect(201);
    apiKey = issued.body.key as string;
    // One older trade of alice's, so her list spans pages; one of bob's, which she never sees.
    await alice.api
      .post('/api/trades')
      .send({ symbol: 'MSFT', side: 'buy', quantity: '1', price: '400' })
      .expect(201);
    await bob.api
      .post('/api/trades')
      .send({ symbol: 'TSLA', side: 'buy', quantity: '1', price: '200' })
      .expect(201);
  });
  afterAll(async () => t?.close());

  it('runs the example: decision, order, two fills, paged trades, an idempotent retry', async () => {
    const lines: string[] = [];
    const run = await runAgent({
      baseUrl,
      apiKey,
      actAsUser: alice.id,
      pageSize: 2,
      log: (l) => lines.push(l),
    });

    expect(lines[0]).toBe(
      `signed in with API key example-agent as service, acting for ${alice.username}`,
    );
    expect(run.fills).toBe(2);
    expect(run.overfillRefused).toBe(true);
    // Three trades of alice's (the older one and one per fill) in pages of 2; none of bob's.
    expect(run.pageSizes).toEqual([2, 1]);
    expect(run.retry).toEqual({ sameAnswer: true, replayed: true });

    // What the agent wrote, as alice reads it with her own session.
    const trades = await alice.api.get('/api/trades?limit=50').expect(200);
    expect(trades.body.items).toHaveLength(3);
    expect(trades.body.items.map((x: { id: string }) => x.id)).toEqual(
      expect.arrayContaining(run.tradeIds),
    );
    const order = await alice.api.get(`/api/orders/${run.orderId}`).expect(200);
    expect(order.body.fills).toHaveLength(2);
    expect(order.body.decisionId).toBe(run.decisionId);
  });

  it('iterates a list item by item across pages and surfaces errors as typed codes', async () => {
    const api = createLedgerlineClient({ baseUrl, token: alice.token });
    const symbols: string[] = [];
    for await (const trade of items((cursor) =>
      api.GET('/api/trades', { params: { query: { limit: 1, cursor } } }),
    ))
      symbols.push(trade.symbol);
    expect(symbols).toHaveLength(3);
    expect(symbols).not.toContain('TSLA');

    const error = await ok(
      api.GET('/api/trades/{id}', {
        params: { path: { id: '00000000-0000-4000-8000-000000000000' } },
      }),
    ).catch((e: unknown) => e);
    expect(isLedgerlineError(error, 'NOT_FOUND')).toBe(true);

    const anonymous = createLedgerlineClient({ baseUrl });
    const refused = await ok(anonymous.GET('/api/trades')).catch((e: unknown) => e);
    expect(isLedgerlineError(refused, 'UNAUTHENTICATED')).toBe(true);
    expect(refused).toMatchObject({ status: 401, requestId: expect.any(String) });
  });

  it('runs as `npm run example:agent` does: the built script, configured by its environment', async () => {
    const script = join(ROOT, 'dist', 'examples', 'agent.js');
    expect(existsSync(script)).toBe(true); // npm test builds it (pretest)
    // Asynchronously: the app under test answers from this very process.
    const run = await promisify(execFile)(process.execPath, [script], {
      env: {
        ...process.env,
        LEDGERLINE_URL: baseUrl,
        LEDGERLINE_API_KEY: apiKey,
        LEDGERLINE_ACT_AS_USER: bob.id,
      },
      encoding: 'utf8',
      timeout: 30000,
    });
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/retry with the same Idempotency-Key: trade \S+, replayed: true/);
    // bob's own trade and the agent's two, never alice's.
    expect(run.stdout).toMatch(/^3 trade\(s\) in 3 page\(s\)$/m);
  });
});
