import { Lsn } from './lsn';

interface Entry {
  lsn: Lsn;
  expiresAt: number;
}

/**
 * Each caller's last write position on the primary, kept in memory for a while: as long as a
 * caller has an entry, its reads may only go to a replica that has replayed at least that far.
 * An entry outlives any lag we tolerate (replicas further behind than DB_REPLICA_MAX_LAG_MS are
 * out of rotation), so when it expires every replica in rotation has the write. Another app
 * instance does not share this memory: clients that talk to several instances send the
 * position back in a header instead (read-routing.interceptor.ts).
 */
export class WritePositions {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  remember(callerId: string, lsn: Lsn): void {
    const previous = this.get(callerId);
    // Concurrent requests of one caller may commit out of order: keep the furthest position.
    const kept = previous !== null && previous > lsn ? previous : lsn;
    this.entries.set(callerId, { lsn: kept, expiresAt: this.now() + this.ttlMs });
  }

  get(callerId: string): Lsn | null {
    const e = this.entries.get(callerId);
    if (!e) return null;
    if (e.expiresAt <= this.now()) {
      this.entries.delete(callerId);
      return null;
    }
    return e.lsn;
  }

  /** Drops expired entries, so memory follows the number of recent writers, not all callers. */
  prune(): void {
    const now = this.now();
    for (const [id, e] of this.entries) if (e.expiresAt <= now) this.entries.delete(id);
  }

  get size(): number {
    return this.entries.size;
  }
}
