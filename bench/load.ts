/** A small closed-loop load generator: `concurrency` workers send requests back to back. */
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

/** An HTTP GET that succeeds on 2xx and reads the whole body (as a real client would). */
export function getter(url: string, headers: Record<string, string> = {}): () => Promise<boolean> {
  return async () => {
    const r = await fetch(url, { headers });
    await r.arrayBuffer();
    return r.ok;
  };
}
