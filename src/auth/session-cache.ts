import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import type { PostgresDataSourceOptions } from 'typeorm/driver/postgres/PostgresDataSourceOptions';
import type { AppConfig } from '../config/app-config';
import type { AuthUser } from './auth-user';

/** The channel the database announces session and user changes on (migration AuthChangeNotifications). */
export const AUTH_CHANNEL = 'ledgerline_auth';
/** Entries an instance keeps at most; the oldest goes first. */
const MAX_ENTRIES = 10_000;
const RECONNECT_MS = 1_000;

export interface LoadedSession {
  caller: AuthUser;
  expiresAt: Date;
}

interface Entry {
  caller: AuthUser;
  /** Epoch ms after which the entry is not used: the session's expiry or the cache's limit. */
  until: number;
}

/**
 * The callers of recently used session tokens, so that an authenticated request does not send a
 * statement only to learn who it comes from (half the statements of a list page).
 *
 * Trusted only while this instance listens on AUTH_CHANNEL, on which the database itself (triggers,
 * whoever made the change: this instance, another one, an operator's SQL) announces every session
 * deleted or changed and every user deleted, renamed or given or stripped of admin rights; such an
 * announcement removes the entries it concerns. Between a commit and its announcement reaching an
 * instance there are milliseconds; the instance that logs a session out forgets it at once. When
 * the listening connection is lost, everything is forgotten and every token is looked up again
 * until it is back. An entry never outlives its session, nor AUTH_CACHE_SECONDS.
 *
 * Off with AUTH_CACHE_SECONDS=0 and behind PgBouncer in transaction pooling (no LISTEN there).
 */
@Injectable()
export class SessionCache implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('SessionCache');
  private readonly entries = new Map<string, Entry>();
  private readonly ttlMs: number;
  /** Bumped by every announcement: a lookup that started before one does not fill the cache. */
  private generation = 0;
  private listener: Client | undefined;
  private listening = false;
  private stopped = false;
  private retry: NodeJS.Timeout | undefined;
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

  async onModuleInit(): Promise<void> {
    if (this.ttlMs > 0) await this.listen();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    this.listening = false;
    const listener = this.listener;
    this.listener = undefined;
    await listener?.end().catch(() => undefined);
  }

  /** The session's caller: from memory while that can be trusted, else from `load` (then remembered). */
  async caller(
    sessionId: string,
    load: () => Promise<LoadedSession | undefined>,
  ): Promise<AuthUser | undefined> {
    const now = Date.now();
    const hit = this.entries.get(sessionId);
    if (hit && this.listening && hit.until > now) return hit.caller;
    if (hit) this.entries.delete(sessionId);
    const generation = this.generation;
    const loaded = await load();
    if (!loaded) return undefined;
    if (this.listening && generation === this.generation) {
      if (this.entries.size >= MAX_ENTRIES) {
        this.entries.delete(this.entries.keys().next().value as string);
      }
      const until = Math.min(loaded.expiresAt.getTime(), Date.now() + this.ttlMs);
      this.entries.set(sessionId, { caller: loaded.caller, until });
    }
    return loaded.caller;
  }

  /** Forgets a session on this instance at once (logout); the others hear it from the database. */
  forget(sessionId: string): void {
    this.generation++;
    this.entries.delete(sessionId);
  }

  private announced(payload: string): void {
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
    });
    client.on('notification', (n) => {
      if (n.channel === AUTH_CHANNEL) this.announced(n.payload ?? '');
    });
    client.on('error', (e) => this.lost(client, e));
    client.on('end', () => this.lost(client, new Error('connection ended')));
    try {
      await client.connect();
      await client.query(`LISTEN ${AUTH_CHANNEL}`);
    } catch (e) {
      this.lost(client, e);
      return;
    }
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.listener = client;
    this.listening = true;
    if (this.lostLogged) this.logger.log('listening again: session tokens are remembered again');
    this.lostLogged = false;
  }

  /** No announcements can reach us: forget everything and look every token up until we listen again. */
  private lost(client: Client, error: unknown): void {
    if (this.gone.has(client)) return;
    this.gone.add(client);
    if (this.listener !== undefined && this.listener !== client) return;
    this.listener = undefined;
    this.listening = false;
    this.generation++;
    this.entries.clear();
    void client.end().catch(() => undefined);
    if (this.stopped) return;
    if (!this.lostLogged) {
      this.logger.warn(
        `not listening for session changes (${error instanceof Error ? error.message : String(error)}): every token is looked up until it is back`,
      );
      this.lostLogged = true;
    }
    clearTimeout(this.retry);
    this.retry = setTimeout(() => void this.listen(), RECONNECT_MS);
    this.retry.unref();
  }
}
