import autocannon from 'autocannon';
import { LoadResult, summarize } from './load';

/**
 * HTTP load from autocannon (a kept load generator, not ours): `connections` clients send
 * requests back to back for `durationMs`. Latencies are taken from its per-response event,
 * which carries them with sub-millisecond resolution (its own histogram rounds to whole ms,
 * too coarse for the ratios we report). A non-2xx answer counts as an error.
 */
export async function httpLoad(
  url: string,
  opts: {
    connections: number;
    durationMs: number;
    headers?: Record<string, string>;
    /** Run at least this many requests (single-shot scenarios: a p50 of ≥ 5 samples). */
    minRequests?: number;
  },
): Promise<LoadResult> {
  // Warm-up: connections, JIT, plan cache; not measured.
  for (let i = 0; i < 3; i++) await (await fetch(url, { headers: opts.headers })).arrayBuffer();
  const latencies: number[] = [];
  let errors = 0;
  const run = (amount?: number) => {
    const instance = autocannon({
      url,
      connections: opts.connections,
      headers: opts.headers,
      ...(amount ? { amount } : { duration: opts.durationMs / 1000 }),
    });
    instance.on('response', (_client, status, _bytes, ms) => {
      if (status >= 200 && status < 300) latencies.push(ms);
      else errors++;
    });
    return instance;
  };
  const t0 = performance.now();
  const result = await run();
  errors += result.errors + result.timeouts;
  if (opts.minRequests && latencies.length + errors < opts.minRequests) {
    const more = await run(opts.minRequests - latencies.length - errors);
    errors += more.errors + more.timeouts;
  }
  return summarize(latencies, errors, performance.now() - t0);
}
