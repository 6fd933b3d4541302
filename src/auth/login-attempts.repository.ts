import { Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import { GenerateSql } from '../database/generate-sql';
import type { Tx } from '../database/transaction';

/** Backoff of a locked key: 30 s, doubling with each further failure, up to the window. */
const BACKOFF_BASE_SECONDS = 30;

export interface ThrottleKey {
  key: string;
  max: number;
}

const KEYS: ThrottleKey[] = [
  { key: 'pair:alice|203.0.113.7', max: 5 },
  { key: 'addr:203.0.113.7', max: 50 },
];

/** The failed-login counters and the signup counters (the UNLOGGED `login_attempts` table). */
@Injectable()
export class LoginAttemptsRepository {
  constructor(@InjectTransactionHost() private readonly tx: Tx) {}

  /** Queues attempts on one key behind each other until the holder's transaction ends. */
  @GenerateSql({ params: ['pair:alice|203.0.113.7'] })
  async serialize(key: string): Promise<void> {
    await this.tx.tx.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 7))`, [key]);
  }

  /** Seconds until the latest lock among `keys` ends; undefined when none is locked. */
  @GenerateSql({ params: [KEYS.map((k) => k.key)] })
  async lockedFor(keys: string[]): Promise<number | undefined> {
    const rows: Array<{ seconds: number | null }> = await this.tx.tx.query(
      `SELECT ceil(extract(epoch FROM max(locked_until) - now()))::int AS seconds
         FROM login_attempts WHERE key = ANY($1) AND locked_until > now()`,
      [keys],
    );
    return rows[0]?.seconds ?? undefined;
  }

  /**
   * Counts a failure on every key in one statement: a fresh window once the old one is over
   * and unlocked, a lock once a key reaches its limit. Returns the keys whose failure should be
   * written to the audit log (at most once a minute per key).
   */
  @GenerateSql({ params: [KEYS, 900] })
  async recordFailure(keys: ThrottleKey[], windowSeconds: number): Promise<Set<string>> {
    const fresh = `(a.window_started_at < now() - make_interval(secs => $3::int) AND (a.locked_until IS NULL OR a.locked_until <= now()))`;
    const count = `CASE WHEN ${fresh} THEN 1 ELSE a.failures + 1 END`;
    const lockFor = (failures: string, max: string) =>
      `CASE WHEN ${failures} >= ${max} THEN now() + make_interval(secs => least($3::double precision, ${BACKOFF_BASE_SECONDS} * power(2, ${failures} - ${max}))) END`;
    const rows: Array<{ key: string; audit: boolean }> = await this.tx.tx.query(
      `INSERT INTO login_attempts AS a (key, failures, window_started_at, locked_until, last_audited_at, updated_at)
       SELECT k.key, 1, now(), ${lockFor('1', 'k.max')}, now(), now()
         FROM unnest($1::text[], $2::int[]) AS k(key, max)
       ON CONFLICT (key) DO UPDATE SET
         failures = ${count},
         window_started_at = CASE WHEN ${fresh} THEN now() ELSE a.window_started_at END,
         locked_until = coalesce(${lockFor(count, `(SELECT m.max FROM unnest($1::text[], $2::int[]) AS m(key, max) WHERE m.key = a.key)`)}, a.locked_until),
         last_audited_at = CASE WHEN a.last_audited_at IS NULL OR a.last_audited_at <= now() - interval '1 minute'
                           THEN now() ELSE a.last_audited_at END,
         updated_at = now()
       RETURNING a.key, a.last_audited_at = now() AS audit`,
      [keys.map((k) => k.key), keys.map((k) => k.max), windowSeconds],
    );
    return new Set(rows.filter((r) => r.audit).map((r) => r.key));
  }

  /**
   * Counts one event on `key` in a fixed window of `windowSeconds` from the key's first event,
   * and returns the count so far (this one included) and the seconds until the window ends. The
   * row's `locked_until` holds the window's end, so maintenance keeps the row until then. The
   * upsert locks the row until the transaction ends: parallel events on one key count one after
   * the other, and an event whose transaction rolls back (its request failed) counts nothing.
   */
  @GenerateSql({ params: ['signup:203.0.113.7', 3600] })
  async countInWindow(
    key: string,
    windowSeconds: number,
  ): Promise<{ count: number; secondsLeft: number }> {
    const over = `(a.locked_until IS NULL OR a.locked_until <= now())`;
    const rows: Array<{ count: number; secondsLeft: number }> = await this.tx.tx.query(
      `INSERT INTO login_attempts AS a (key, failures, window_started_at, locked_until, updated_at)
       VALUES ($1, 1, now(), now() + make_interval(secs => $2::int), now())
       ON CONFLICT (key) DO UPDATE SET
         failures = CASE WHEN ${over} THEN 1 ELSE a.failures + 1 END,
         window_started_at = CASE WHEN ${over} THEN now() ELSE a.window_started_at END,
         locked_until = CASE WHEN ${over} THEN now() + make_interval(secs => $2::int) ELSE a.locked_until END,
         updated_at = now()
       RETURNING a.failures AS count,
                 greatest(1, ceil(extract(epoch FROM a.locked_until - now())))::int AS "secondsLeft"`,
      [key, windowSeconds],
    );
    return rows[0]!;
  }

  @GenerateSql({ params: ['pair:alice|203.0.113.7'] })
  async clear(key: string): Promise<void> {
    await this.tx.tx.query(`DELETE FROM login_attempts WHERE key = $1`, [key]);
  }
}
