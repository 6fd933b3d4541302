/**
 * Timing helpers for what autocannon cannot drive (statements sent straight through pg): a
 * closed loop of `concurrency` workers, and repeated single shots.
 */
export interface LoadResult {
  requests: number;
  errors: number;
  p50: number;
  p95: number;
  p99: number;
  throughput: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

export function summarize(latencies: number[], errors: number, elapsedMs: number): LoadResult {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    requests: latencies.length,
    errors,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    throughput: (latencies.length / elapsedMs) * 1000,
  };
}

/** `fn` run `n` times one after the other (a single-shot scenario's samples), each timed. */
export async function samples(fn: () => Promise<unknown>, n: number): Promise<LoadResult> {
  const latencies: number[] = [];
  const start = performance.now();
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn();
    latencies.push(performance.now() - t0);
  }
  return summarize(latencies, 0, performance.now() - start);
}

/** Runs `fn` repeatedly from `concurrency` workers for `durationMs` (after `warmup` calls each). */
export async function load(
  fn: () => Promise<boolean>,
  opts: { concurrency: number; durationMs: number; warmup?: number; maxRequests?: number },
): Promise<LoadResult> {
  for (let i = 0; i < (opts.warmup ?? 3); i++) await fn();
  const latencies: number[] = [];
  let errors = 0;
  const start = performance.now();
  const deadline = start + opts.durationMs;
  const worker = async () => {
    while (
      performance.now() < deadline &&
      latencies.length + errors < (opts.maxRequests ?? Infinity)
    ) {
      const t0 = performance.now();
      const ok = await fn().catch(() => false);
      if (ok) latencies.push(performance.now() - t0);
      else errors++;
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, worker));
  return summarize(latencies, errors, performance.now() - start);
}

/** A closed loop of `concurrency` workers calling `fn`, as a slice-wise measure (see interleave). */
export function loopMeasure(
  fn: () => Promise<unknown>,
  concurrency: number,
): (
  durationMs: number,
  into: { latencies: number[]; errors: number; elapsedMs: number },
) => Promise<void> {
  return async (durationMs, into) => {
    const start = performance.now();
    const deadline = start + durationMs;
    const worker = async () => {
      while (performance.now() < deadline) {
        const t0 = performance.now();
        try {
          await fn();
          into.latencies.push(performance.now() - t0);
        } catch {
          into.errors++;
        }
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    into.elapsedMs += performance.now() - start;
  };
}
