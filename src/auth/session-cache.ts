import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import type { PostgresDataSourceOptions } from 'typeorm/driver/postgres/PostgresDataSourceOptions';
import type { AppConfig } from '../config/app-config';
import type { AuthUser } from './auth-user';

/** The channel the database announces session and user changes on (migration AuthChangeNotifications). */
export const AUTH_CHANNEL = 'ledgerline_auth';
/** The triggers that announce; without every one of them enabled, nothing is remembered. */
export const ANNOUNCING_TRIGGERS = [
  'sessions_announce_change',
  'sessions_announce_truncate',
  'users_announce_change',
  'users_announce_truncate',
];
/** Entries an instance keeps at most; the oldest goes first. */
const MAX_ENTRIES = 10_000;
const RECONNECT_MS = 1_000;
/**
 * How often the instance sends itself an announcement through the database, and how long it
 * waits to hear it: a connection that died silently, or a pooler in between that drops
 * notifications, stops the cache within two periods.
 */
const HEARTBEAT_MS = 5_000;

export interface LoadedSession {
  caller: AuthUser;
  /** How long the session still lives, by the database's clock. */
  remainingMs: number;
}

interface Entry {
  caller: AuthUser;
  /** performance.now() after which the entry is not used: the session's end or the cache's limit. */
  until: number;
}

/**
 * The callers of recently used session tokens, so that an authenticated request does not send a
 * statement only to learn who it comes from (half the statements of a list page).
 *
 * Trusted only while this instance hears AUTH_CHANNEL, on which the database itself (triggers,
 * whoever made the change: this instance, another one, an operator's SQL, a TRUNCATE) announces
 * every session deleted or changed and every user deleted, renamed or given or stripped of admin
 * rights; such an announcement removes the entries it concerns. "Hears" is checked, not assumed:
 * the announcing triggers must exist and be enabled when listening starts, and the instance's own
 * heartbeat announcement must come back within HEARTBEAT_MS. Between a commit and its
 * announcement reaching an instance there are milliseconds; the instance that logs a session out
 * forgets it at once. While not hearing, it remembers nothing and looks every token up. An entry
 * never outlives its session (by the database's clock), nor AUTH_CACHE_SECONDS.
 *
 * Off with AUTH_CACHE_SECONDS=0 and behind PgBouncer in transaction pooling (no LISTEN there).
 */
@Injectable()
export class SessionCache implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('SessionCache');
  private readonly entries = new Map<string, Entry>();
  private readonly ttlMs: number;
  /** Bumped by every announcement and every change of hearing: a lookup that started before does not fill. */
  private generation = 0;
  private listener: Client | undefined;
  private hearing = false;
  private stopped = false;
  private retry: NodeJS.Timeout | undefined;
  private heartbeat: NodeJS.Timeout | undefined;
  /** The heartbeat sent and not heard back yet. */
  private pendingPing: string | undefined;
  private lostLogged = false;
  /** Clients already given up on ('error' and 'end' may both report one loss). */
  private readonly gone = new WeakSet<Client>();

  constructor(
    config: ConfigService<AppConfig, true>,
    private readonly ds: DataSource,
  ) {
    const pgbouncer = config.get('db', { infer: true }).pgbouncer;
    this.ttlMs = pgbouncer ? 0 : config.get('auth', { infer: true }).cacheSeconds * 1000;
  }

  /** Whether tokens are answered from memory right now. */
  get listening(): boolean {
    return this.hearing;
  }

  async onModuleInit(): Promise<void> {
    if (this.ttlMs > 0) await this.listen();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    clearInterval(this.heartbeat);
    this.hearing = false;
    const listener = this.listener;
    this.listener = undefined;
    if (listener) this.gone.add(listener);
    await listener?.end().catch(() => undefined);
  }

  /** The session's caller: from memory while that can be trusted, else from `load` (then remembered). */
  async caller(
    sessionId: string,
    load: () => Promise<LoadedSession | undefined>,
  ): Promise<AuthUser | undefined> {
    const hit = this.entries.get(sessionId);
    if (hit && this.hearing && hit.until > performance.now()) return hit.caller;
    if (hit) this.entries.delete(sessionId);
    const generation = this.generation;
    const loaded = await load();
    if (!loaded) return undefined;
    if (this.hearing && generation === this.generation) {
      if (this.entries.size >= MAX_ENTRIES) {
        this.entries.delete(this.entries.keys().next().value as string);
      }
      const until = performance.now() + Math.min(loaded.remainingMs, this.ttlMs);
      this.entries.set(sessionId, { caller: Object.freeze(loaded.caller), until });
    }
    return loaded.caller;
  }

  /** Forgets a session on this instance at once (logout); the others hear it from the database. */
  forget(sessionId: string): void {
    this.generation++;
    this.entries.delete(sessionId);
  }

  private announced(payload: string): void {
    if (payload.startsWith('ping:')) {
      if (payload === this.pendingPing) this.pendingPing = undefined;
      return;
    }
    this.generation++;
    if (payload.startsWith('s:')) {
      this.entries.delete(payload.slice(2));
    } else if (payload.startsWith('u:')) {
      const userId = payload.slice(2);
      for (const [id, e] of this.entries) if (e.caller.userId === userId) this.entries.delete(id);
    } else {
      this.entries.clear();
    }
  }

  private async listen(): Promise<void> {
    const options = this.ds.options as PostgresDataSourceOptions;
    const client = new Client({
      connectionString: options.replication?.master.url ?? options.url,
      application_name: 'ledgerline-auth-listener',
      keepAlive: true,
      connectionTimeoutMillis: 10_000,
    });
    client.on('notification', (n) => {
      if (n.channel === AUTH_CHANNEL) this.announced(n.payload ?? '');
    });
    client.on('error', (e) => this.lost(client, e));
    client.on('end', () => this.lost(client, new Error('connection ended')));
    try {
      await client.connect();
      await client.query(`LISTEN ${AUTH_CHANNEL}`);
      const { rows } = await client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_trigger WHERE tgname = ANY($1) AND tgenabled <> 'D'`,
        [ANNOUNCING_TRIGGERS],
      );
      if (rows[0]?.n !== ANNOUNCING_TRIGGERS.length) {
        throw new Error(
          `the announcing triggers are missing or disabled (${ANNOUNCING_TRIGGERS.join(', ')})`,
        );
      }
    } catch (e) {
      this.lost(client, e);
      return;
    }
    // Given up while connecting ('error' between two awaits), or shut down meanwhile.
    if (this.gone.has(client)) return;
    if (this.stopped) {
      this.gone.add(client);
      await client.end().catch(() => undefined);
      return;
    }
    this.listener = client;
    // Whatever a lookup read while nobody was hearing may be stale: it must not fill.
    this.generation++;
    this.hearing = true;
    this.pendingPing = undefined;
    this.heartbeat = setInterval(() => this.beat(client), HEARTBEAT_MS);
    this.heartbeat.unref();
    if (this.lostLogged)
      this.logger.log('hearing session changes again: tokens are remembered again');
    this.lostLogged = false;
  }

  private beat(client: Client): void {
    if (this.pendingPing !== undefined) {
      this.lost(client, new Error(`no heartbeat back within ${HEARTBEAT_MS} ms`));
      return;
    }
    const ping = `ping:${randomUUID()}`;
    this.pendingPing = ping;
    client
      .query('SELECT pg_notify($1, $2)', [AUTH_CHANNEL, ping])
      .catch((e: unknown) => this.lost(client, e));
  }

  /** No announcements can reach us: forget everything and look every token up until we hear again. */
  private lost(client: Client, error: unknown): void {
    if (this.gone.has(client)) return;
    this.gone.add(client);
    if (this.listener !== undefined && this.listener !== client) return;
    this.listener = undefined;
    this.hearing = false;
    clearInterval(this.heartbeat);
    this.generation++;
    this.entries.clear();
    void client.end().catch(() => undefined);
    if (this.stopped) return;
    if (!this.lostLogged) {
      this.logger.warn(
        `not hearing session changes (${error instanceof Error ? error.message : String(error)}): every token is looked up until that is back`,
      );
      this.lostLogged = true;
    }
    clearTimeout(this.retry);
    this.retry = setTimeout(() => void this.listen(), RECONNECT_MS);
    this.retry.unref();
  }
}
