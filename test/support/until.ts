/** Generous: the machine is shared and may be slow; a wait ends on its condition, long before this. */
export const DEADLINE_MS = 60000;

/**
 * Polls `probe` until it returns something other than undefined, and returns that. Tests wait on
 * conditions with this, never on sleeps sized for an idle machine; the deadline only turns a
 * condition that never comes into a clear failure.
 */
export async function until<T>(
  what: string,
  probe: () => Promise<T | undefined> | T | undefined,
  deadlineMs = DEADLINE_MS,
): Promise<T> {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > deadline)
      throw new Error(`timed out after ${deadlineMs} ms waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Polls `request` until it answers `status`, and returns that response. */
export function untilStatus<R extends { status: number }>(
  what: string,
  request: () => PromiseLike<R>,
  status: number,
  deadlineMs = DEADLINE_MS,
): Promise<R> {
  return until(
    what,
    async () => {
      const r = await request();
      return r.status === status ? r : undefined;
    },
    deadlineMs,
  );
}
