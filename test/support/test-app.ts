import { randomBytes } from 'node:crypto';
import type { INestApplication, LoggerService } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory';
import { AppConfig, loadConfig } from '../../src/config/app-config';
import { createTestDatabase, TestDatabase } from './test-database';
import { PGBOUNCER_PORT_ENV } from './test-server';

type Agent = ReturnType<typeof request>;
type Call = ReturnType<Agent['get']>;

/** supertest calls that carry one user's bearer token. */
export interface Client {
  get(url: string): Call;
  post(url: string): Call;
  put(url: string): Call;
  patch(url: string): Call;
  delete(url: string): Call;
}

export interface TestUser {
  id: string;
  username: string;
  token: string;
  api: Client;
}

export interface TestApp {
  app: INestApplication;
  /** Unauthenticated requests. */
  http: Agent;
  /** A regular user signed up at start. */
  api: Client;
  user: TestUser;
  /** The admin created from ADMIN_USERNAME/ADMIN_PASSWORD at start. */
  admin: TestUser;
  dataSource: DataSource;
  db: TestDatabase;
  config: AppConfig;
  /** Signs up and logs in a new regular user. */
  newUser(prefix?: string): Promise<TestUser>;
  login(username: string, password: string): Promise<TestUser>;
  close(): Promise<void>;
}

export const TEST_PASSWORD = 'correct horse battery staple';
export const ADMIN = { username: 'admin', password: 'admin password 123' };

/**
 * Calls with one bearer token: a user's session, or a service's API key (with `actAs`, acting
 * for that user through X-Act-As-User).
 */
export function clientFor(http: Agent, token: string, actAs?: string): Client {
  const auth = (call: Call) => {
    call.set('Authorization', `Bearer ${token}`);
    return actAs ? call.set('X-Act-As-User', actAs) : call;
  };
  return {
    get: (url) => auth(http.get(url)),
    post: (url) => auth(http.post(url)),
    put: (url) => auth(http.put(url)),
    patch: (url) => auth(http.patch(url)),
    delete: (url) => auth(http.delete(url)),
  };
}

/** A service's API key as a client, optionally acting for a user. */
export const serviceClient = (t: Pick<TestApp, 'http'>, key: string, actAs?: string): Client =>
  clientFor(t.http, key, actAs);

/** A new API key with these scopes, issued by the admin; its secret. */
export async function issueKey(t: Pick<TestApp, 'admin'>, scopes: string[]): Promise<string> {
  const r = await t.admin.api
    .post('/api/admin/api-keys')
    .send({ name: `svc-${randomBytes(4).toString('hex')}`, scopes })
    .expect(201);
  return r.body.key as string;
}

/** A new AI decision of this user's; its id. */
export async function decisionOf(user: TestUser, symbol = 'AAPL'): Promise<string> {
  return (await user.api.post('/api/ai-decisions').send({ symbol, action: 'buy' }).expect(201)).body
    .id as string;
}

/** The full text of one row, hashed: any change to any column shows (null: no such row). */
export async function rowSum(
  t: Pick<TestApp, 'dataSource'>,
  table: string,
  id: string,
): Promise<string | null> {
  const rows = (await t.dataSource.query(`SELECT md5(x::text) AS s FROM ${table} x WHERE id = $1`, [
    id,
  ])) as Array<{ s: string }>;
  return rows[0]?.s ?? null;
}

let counter = 0;

export interface TestAppOptions {
  /** Create the database on this server instead of the run's (e.g. a primary with replicas). */
  server?: string;
  /** Variables that depend on the database, e.g. a replica's URL of it (they win over DATABASE_URL). */
  envFor?: (db: TestDatabase) => Record<string, string>;
}

/**
 * Where the app reaches its database: directly, or through the run's PgBouncer when
 * TEST_VIA_PGBOUNCER=true (global-setup started it in front of the test server).
 */
function connectionEnv(db: TestDatabase, options: TestAppOptions): Record<string, string> {
  const bouncerPort = process.env[PGBOUNCER_PORT_ENV];
  if (!bouncerPort || options.server) return { DATABASE_URL: db.url };
  const u = new URL(db.url);
  u.port = bouncerPort;
  return { DATABASE_URL: u.toString(), DB_PGBOUNCER: 'true' };
}

/**
 * The real application on its own fresh database, migrated exactly as in production, with an
 * admin and one regular user logged in. `env` overrides configuration variables as the process
 * would read them.
 */
export async function startTestApp(
  label: string,
  env: Record<string, string> = {},
  logger?: LoggerService,
  options: TestAppOptions = {},
): Promise<TestApp> {
  const db = await createTestDatabase(label, options.server);
  const config = loadConfig({
    LOG_LEVEL: 'error',
    ADMIN_USERNAME: ADMIN.username,
    ADMIN_PASSWORD: ADMIN.password,
    // Scheduled maintenance would change rows under a test's feet; tests that want it ask for it.
    MAINTENANCE_INTERVAL_MINUTES: '0',
    // Every test signs its users up from 127.0.0.1: the signup throttle would stop the sixth.
    // The signup-throttle test asks for a small limit.
    SIGNUP_MAX_PER_ADDRESS: '1000000',
    ...env,
    ...connectionEnv(db, options),
    ...options.envFor?.(db),
  });
  let app: INestApplication | undefined;
  try {
    app = await createApp(
      config,
      logger ?? (process.env.TEST_APP_LOGS === 'true' ? undefined : false),
    );
    await app.init();
  } catch (e) {
    await app?.close().catch(() => undefined);
    await db.drop();
    throw e;
  }
  const started = app;
  const http = request(started.getHttpServer());

  const login = async (username: string, password: string): Promise<TestUser> => {
    const r = await http.post('/api/auth/login').send({ username, password });
    if (r.status !== 200)
      throw new Error(`login ${username} failed: ${r.status} ${JSON.stringify(r.body)}`);
    return {
      id: r.body.user.id,
      username,
      token: r.body.token,
      api: clientFor(http, r.body.token),
    };
  };
  // Filled right after start: with signup closed, newUser needs the admin.
  const created: { admin?: TestUser } = {};
  const newUser = async (prefix = 'user'): Promise<TestUser> => {
    const username = `${prefix}${++counter}_${process.pid}`;
    // With signup closed, an admin creates the account.
    const r = config.auth.signupEnabled
      ? await http.post('/api/auth/signup').send({ username, password: TEST_PASSWORD })
      : await created
          .admin!.api.post('/api/users')
          .send({ username, password: TEST_PASSWORD, role: 'user' });
    if (r.status !== 201)
      throw new Error(`signup ${username} failed: ${r.status} ${JSON.stringify(r.body)}`);
    return login(username, TEST_PASSWORD);
  };

  const admin = await login(ADMIN.username, ADMIN.password);
  created.admin = admin;
  const user = await newUser();
  return {
    app: started,
    http,
    api: user.api,
    user,
    admin,
    dataSource: started.get(DataSource),
    db,
    config,
    newUser,
    login,
    async close() {
      await started.close();
      await db.drop();
    },
  };
}
