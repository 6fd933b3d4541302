import autocannon from 'autocannon';
import { LoadResult, summarize } from './load';

interface LoadOptions {
  connections: number;
  durationMs: number;
  headers?: Record<string, string>;
  /** Run at least this many requests (single-shot scenarios: a p50 of ≥ 5 samples). */
  minRequests?: number;
  /** Offer this many requests per second in all (open loop) instead of as many as answered. */
  overallRate?: number;
}

export interface Collected {
  latencies: number[];
  errors: number;
  elapsedMs: number;
}

/**
 * One autocannon run (a kept load generator, not ours): `connections` clients send requests
 * back to back. Latencies are taken from its per-response event, which carries them with
 * sub-millisecond resolution (its own histogram rounds to whole ms, too coarse for the ratios
 * we report). A non-2xx answer counts as an error.
 */
async function collect(url: string, opts: LoadOptions, into: Collected): Promise<void> {
  const run = (amount?: number) => {
    const instance = autocannon({
      url,
      connections: opts.connections,
      headers: opts.headers,
      ...(opts.overallRate ? { overallRate: opts.overallRate } : {}),
      ...(amount ? { amount } : { duration: opts.durationMs / 1000 }),
    });
    instance.on('response', (_client, status, _bytes, ms) => {
      if (status >= 200 && status < 300) into.latencies.push(ms);
      else into.errors++;
    });
    return instance;
  };
  const t0 = performance.now();
  const result = await run();
  into.errors += result.errors + result.timeouts;
  const done = into.latencies.length + into.errors;
  if (opts.minRequests && done < opts.minRequests) {
    const more = await run(opts.minRequests - done);
    into.errors += more.errors + more.timeouts;
  }
  into.elapsedMs += performance.now() - t0;
}

async function warmUp(url: string, headers?: Record<string, string>): Promise<void> {
  // Connections, JIT, plan cache; not measured.
  for (let i = 0; i < 3; i++) await (await fetch(url, { headers })).arrayBuffer();
}

export async function httpLoad(url: string, opts: LoadOptions): Promise<LoadResult> {
  await warmUp(url, opts.headers);
  const c: Collected = { latencies: [], errors: 0, elapsedMs: 0 };
  await collect(url, opts, c);
  return summarize(c.latencies, c.errors, c.elapsedMs);
}

/** A scenario that can be measured in slices: adds `durationMs` worth of samples to `into`. */
export type Measure = (durationMs: number, into: Collected) => Promise<void>;

export function httpMeasure(
  url: string,
  opts: { connections: number; headers?: Record<string, string>; overallRate?: number },
): Measure {
  let warm = false;
  return async (durationMs, into) => {
    if (!warm) await warmUp(url, opts.headers);
    warm = true;
    await collect(url, { ...opts, durationMs }, into);
  };
}

/**
 * Scenarios whose ratios we report, measured in alternation (A B C A B C ...) for `rounds`
 * rounds sharing `durationMs` each: on a shared machine the load of the moment then weighs on
 * all of them alike, instead of on whichever happened to run first.
 */
export async function interleave(
  measures: Measure[],
  opts: { durationMs: number; rounds: number },
): Promise<LoadResult[]> {
  const collected = measures.map((): Collected => ({ latencies: [], errors: 0, elapsedMs: 0 }));
  for (let round = 0; round < opts.rounds; round++) {
    for (const [i, measure] of measures.entries()) {
      await measure(opts.durationMs / opts.rounds, collected[i]);
    }
  }
  return collected.map((c) => summarize(c.latencies, c.errors, c.elapsedMs));
}
