import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';
import { USERNAME_PATTERN } from '../auth/username';

/** The samplers of the OpenTelemetry SDK configuration spec (OTEL_TRACES_SAMPLER). */
const TRACE_SAMPLERS = [
  'always_on',
  'always_off',
  'traceidratio',
  'parentbased_always_on',
  'parentbased_always_off',
  'parentbased_traceidratio',
] as const;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Environment variables as strings; an empty string counts as "not set". */
function blankToUndefined({ value }: { value: unknown }): unknown {
  return typeof value === 'string' && value.trim() === '' ? undefined : value;
}

function toInt({ value }: { value: unknown }): unknown {
  const v = blankToUndefined({ value });
  return typeof v === 'string' && /^-?\d+$/.test(v.trim()) ? Number(v) : v;
}

function toBool({ value }: { value: unknown }): unknown {
  const v = blankToUndefined({ value });
  if (typeof v !== 'string') return v;
  const s = v.trim().toLowerCase();
  if (['true', '1', 'yes'].includes(s)) return true;
  if (['false', '0', 'no'].includes(s)) return false;
  return v;
}

/**
 * The raw environment, validated. Every variable the service reads is declared here and
 * documented in README.md (Configuration); nothing else in the code reads process.env.
 */
class EnvironmentVariables {
  @IsOptional()
  @Transform(blankToUndefined)
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'must be a postgres:// URL' })
  DATABASE_URL?: string;

  @Transform(toInt)
  @IsInt({ message: 'must be an integer' })
  @Min(1)
  @Max(65535)
  PORT = 3000;

  @Transform(toInt)
  @IsInt({ message: 'must be an integer' })
  @Min(1)
  @Max(1000)
  DB_POOL_MAX = 20;

  @Transform(toInt)
  @IsInt({ message: 'must be an integer' })
  @Min(100)
  DB_CONNECT_TIMEOUT_MS = 5000;

  @Transform(toInt)
  @IsInt({ message: 'must be an integer' })
  @Min(0)
  DB_IDLE_TIMEOUT_MS = 30000;

  @Transform(toInt)
  @IsInt({ message: 'must be an integer' })
  @Min(0)
  DB_STATEMENT_TIMEOUT_MS = 15000;

  @Transform(toBool)
  @IsBoolean({ message: 'must be true or false' })
  MIGRATIONS_RUN = true;

  @Transform(toInt)
  @IsInt({ message: 'must be an integer' })
  @Min(1)
  MIGRATION_LOCK_TIMEOUT_MS = 2000;

  @Transform(toInt)
  @IsInt({ message: 'must be an integer' })
  @Min(1)
  MIGRATION_LOCK_ATTEMPTS = 10;

  @Transform(blankToUndefined)
  @Matches(/^\d+(b|kb|mb)$/i, { message: 'must be a size such as 512kb or 1mb' })
  BODY_LIMIT = '1mb';

  @Transform(blankToUndefined)
  @Matches(/^\d+(b|kb|mb)$/i, { message: 'must be a size such as 512kb or 32mb' })
  BULK_BODY_LIMIT = '32mb';

  @Transform(blankToUndefined)
  @IsIn(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL: LogLevel = 'log';

  @Transform(blankToUndefined)
  @IsString()
  DATA_DIR = '.data';

  @Transform(toInt)
  @IsInt({ message: 'must be an integer' })
  @Min(1024)
  @Max(65535)
  EMBEDDED_PG_PORT = 54329;

  @Transform(toInt)
  @IsInt({ message: 'must be an integer' })
  @Min(1)
  @Max(24 * 365)
  SESSION_TTL_HOURS = 24;

  /** How long an instance may answer a session token from memory; 0 looks every one up. */
  @Transform(toInt)
  @IsInt({ message: 'must be an integer' })
  @Min(0)
  @Max(3600)
  AUTH_CACHE_SECONDS = 60;

  @IsOptional()
  @Transform(blankToUndefined)
  @Matches(USERNAME_PATTERN, { message: 'must be 3..64 letters, digits, _ . or -' })
  ADMIN_USERNAME?: string;

  @IsOptional()
  @Transform(blankToUndefined)
  @IsString()
  @MinLength(8, { message: 'must be at least 8 characters' })
  ADMIN_PASSWORD?: string;

  @Transform(toInt)
  @IsInt({ message: 'must be an integer' })
  @Min(1)
  LOGIN_MAX_FAILURES = 5;

  @Transform(toInt)
  @IsInt({ message: 'must be an integer' })
  @Min(1)
  LOGIN_LOCKOUT_SECONDS = 900;

  @Transform(toInt)
  @IsInt({ message: 'must be an integer' })
  @Min(1)
  LOGIN_MAX_FAILURES_PER_ADDRESS = 50;

  @Transform(toBool)
  @IsBoolean({ message: 'must be true or false' })
  SIGNUP_ENABLED = true;

  /** Accounts signup makes per client address in SIGNUP_WINDOW_SECONDS; then 429. */
  @Transform(toInt)
  @IsInt({ message: 'must be an integer' })
  @Min(1)
  SIGNUP_MAX_PER_ADDRESS = 5;

  @Transform(toInt)
  @IsInt({ message: 'must be an integer' })
  @Min(1)
  @Max(7 * 24 * 3600)
  SIGNUP_WINDOW_SECONDS = 3600;

  /** Express's `trust proxy`: false, true, a hop count, or addresses/subnets/names (comma-separated). */
  @Transform(blankToUndefined)
  @Matches(/^(false|true|\d{1,2}|[A-Za-z0-9.:/, _-]+)$/, {
    message: 'must be false, true, a hop count or a comma-separated list of addresses/subnets',
  })
  TRUST_PROXY = 'false';

  /** Browser origins allowed by CORS (comma-separated, e.g. https://dashboard.example.com). */
  @IsOptional()
  @Transform(blankToUndefined)
  @Matches(/^https?:\/\/[^\s,]+(\s*,\s*https?:\/\/[^\s,]+)*$/, {
    message: 'must be a comma-separated list of http(s) origins',
  })
  CORS_ORIGINS?: string;

  @Transform(toInt)
  @IsInt({ message: 'must be an integer' })
  @Min(1)
  @Max(24 * 30)
  IDEMPOTENCY_TTL_HOURS = 24;

  @Transform(toInt)
  @IsInt({ message: 'must be an integer' })
  @Min(0)
  SHUTDOWN_TIMEOUT_MS = 10000;

  @Transform(toInt)
  @IsInt({ message: 'must be an integer' })
  @Min(0)
  SHUTDOWN_DELAY_MS = 5000;

  @Transform(blankToUndefined)
  @IsString()
  NODE_ENV = 'development';

  @Transform(toBool)
  @IsBoolean({ message: 'must be true or false' })
  EMBEDDED_POSTGRES = false;

  @Transform(toInt)
  @IsInt({ message: 'must be an integer' })
  @Min(0)
  MAINTENANCE_INTERVAL_MINUTES = 60;

  @Transform(toInt)
  @IsInt({ message: 'must be an integer' })
  @Min(1)
  AUDIT_RETENTION_DAYS = 365;

  @Transform(blankToUndefined)
  @IsIn(['json', 'pretty'], { message: 'must be json or pretty' })
  LOG_FORMAT: 'json' | 'pretty' = 'json';

  @Transform(toBool)
  @IsBoolean({ message: 'must be true or false' })
  ENABLE_TEST_ROUTES = false;

  @IsOptional()
  @Transform(blankToUndefined)
  @Matches(/^postgres(ql)?:\/\/[^,\s]+(,\s*postgres(ql)?:\/\/[^,\s]+)*$/, {
    message: 'must be a comma-separated list of postgres:// URLs',
  })
  DATABASE_REPLICA_URLS?: string;

  @Transform(toInt)
  @IsInt({ message: 'must be an integer' })
  @Min(0)
  DB_REPLICA_MAX_LAG_MS = 30000;

  @Transform(toInt)
  @IsInt({ message: 'must be an integer' })
  @Min(1)
  DB_READ_YOUR_WRITES_TTL_SECONDS = 60;

  @Transform(toBool)
  @IsBoolean({ message: 'must be true or false' })
  DB_PGBOUNCER = false;

  /**
   * The key list cursors are signed with. 32 characters at least: the HMAC is only as strong as
   * the key is hard to guess. Unset: a random key kept in server_secrets (shared by instances).
   */
  @IsOptional()
  @Transform(blankToUndefined)
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters' })
  CURSOR_SECRET?: string;

  /** The key before the last rotation: cursors it signed are still accepted, never issued. */
  @IsOptional()
  @Transform(blankToUndefined)
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters' })
  CURSOR_SECRET_PREVIOUS?: string;

  /** Where spans go (OTLP/HTTP); unset: tracing is off and no OpenTelemetry SDK is loaded. */
  @IsOptional()
  @Transform(blankToUndefined)
  @Matches(/^https?:\/\/\S+$/, { message: 'must be an http(s) URL' })
  OTEL_EXPORTER_OTLP_ENDPOINT?: string;

  /** The traces-only endpoint of the OTLP spec; it also switches tracing on. */
  @IsOptional()
  @Transform(blankToUndefined)
  @Matches(/^https?:\/\/\S+$/, { message: 'must be an http(s) URL' })
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?: string;

  @Transform(blankToUndefined)
  @IsString()
  OTEL_SERVICE_NAME = 'ledgerline';

  /** Read by the SDK itself; validated here so a typo stops the start instead of sampling everything. */
  @IsOptional()
  @Transform(blankToUndefined)
  @IsIn(TRACE_SAMPLERS, { message: `must be one of ${TRACE_SAMPLERS.join(', ')}` })
  OTEL_TRACES_SAMPLER?: string;

  @IsOptional()
  @Transform(blankToUndefined)
  @Matches(/^(0(\.\d+)?|1(\.0+)?)$/, { message: 'must be a ratio between 0 and 1' })
  OTEL_TRACES_SAMPLER_ARG?: string;

  /** Tests only (honoured with NODE_ENV=test): spans kept in memory for /api/test/telemetry. */
  @Transform(toBool)
  @IsBoolean({ message: 'must be true or false' })
  OTEL_TEST_IN_MEMORY_EXPORTER = false;
}

const SECRET_VARIABLES = new Set([
  'DATABASE_URL',
  'DATABASE_REPLICA_URLS',
  'ADMIN_PASSWORD',
  'CURSOR_SECRET',
  'CURSOR_SECRET_PREVIOUS',
]);

export interface TelemetryConfig {
  enabled: boolean;
  serviceName: string;
  /** Spans kept in memory instead of exported: NODE_ENV=test and OTEL_TEST_IN_MEMORY_EXPORTER=true. */
  inMemoryExporter: boolean;
}

export interface AppConfig {
  /** Undefined means: start the embedded PostgreSQL. */
  databaseUrl: string | undefined;
  port: number;
  db: {
    poolMax: number;
    connectTimeoutMs: number;
    idleTimeoutMs: number;
    statementTimeoutMs: number;
    migrationsRun: boolean;
    /** DATABASE_URL is PgBouncer in transaction pooling: no session state, no startup options. */
    pgbouncer: boolean;
  };
  /** How migrations wait for locks (src/database/migrate.ts). */
  migrations: { lockTimeoutMs: number; attempts: number };
  /** Streaming replicas for plain reads; empty: every statement goes to DATABASE_URL. */
  replicas: {
    urls: string[];
    /** A replica further behind than this is taken out of rotation. */
    maxLagMs: number;
    /** How long a caller's last write pins its reads to servers that have replayed it. */
    readYourWritesTtlSeconds: number;
  };
  bodyLimit: string;
  /** The body limit of the bulk routes (a broker's whole asset list, a backtest's events). */
  bulkBodyLimit: string;
  logLevel: LogLevel;
  dataDir: string;
  embeddedPgPort: number;
  shutdownTimeoutMs: number;
  /** After a signal, how long the server keeps accepting (with readiness 503) before it stops. */
  shutdownDelayMs: number;
  /** NODE_ENV; `production` refuses to start an embedded PostgreSQL unless `embeddedPostgres`. */
  nodeEnv: string;
  /** EMBEDDED_POSTGRES=true: the operator wants the embedded server even in production. */
  embeddedPostgres: boolean;
  maintenance: {
    /** Minutes between scheduled runs of the maintenance job; 0 = never run by the server. */
    intervalMinutes: number;
    auditRetentionDays: number;
    loginLockoutSeconds: number;
  };
  logFormat: 'json' | 'pretty';
  /** Mounts /api/test/* (a pg_sleep route for shutdown tests). Never in production. */
  enableTestRoutes: boolean;
  /** How long an Idempotency-Key remembers its first response. */
  idempotencyTtlHours: number;
  auth: {
    sessionTtlHours: number;
    /** Session tokens answered from memory this long at most (0: off); see session-cache.ts. */
    cacheSeconds: number;
    /** First admin, created at start-up when both are set and the user does not exist yet. */
    adminUsername: string | undefined;
    adminPassword: string | undefined;
    loginMaxFailures: number;
    loginLockoutSeconds: number;
    /** Failed logins from one address (any usernames) before that address is locked. */
    loginMaxFailuresPerAddress: number;
    signupEnabled: boolean;
    /** Accounts signup makes per client address within `signupWindowSeconds`. */
    signupMaxPerAddress: number;
    signupWindowSeconds: number;
  };
  /** OpenTelemetry tracing (src/telemetry); `enabled` only with an OTLP endpoint. */
  telemetry: TelemetryConfig;
  http: {
    /** Express's `trust proxy` value: where the client address comes from behind a proxy. */
    trustProxy: boolean | number | string;
    /** Origins allowed by CORS; empty: CORS stays closed (no CORS headers at all). */
    corsOrigins: string[];
  };
  /** Keys of the list cursors' signatures (src/common/pagination/cursor-signer.ts). Never logged. */
  cursor: {
    /** Signs and verifies; undefined: the key kept in server_secrets. */
    secret: string | undefined;
    /** Verifies only (the key before a rotation). */
    previousSecret: string | undefined;
  };
}

/** `TRUST_PROXY` as Express wants it: a boolean, a hop count, or the list as given. */
function trustProxyValue(raw: string): boolean | number | string {
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  if (/^\d+$/.test(raw)) return Number(raw);
  return raw;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration: ${problems.join('; ')}`);
    this.name = 'ConfigError';
  }
}

/** Validates the environment and returns the typed configuration, or throws ConfigError. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const known = Object.keys(new EnvironmentVariables());
  const raw: Record<string, string | undefined> = {};
  for (const key of [
    ...known,
    'DATABASE_URL',
    'DATABASE_REPLICA_URLS',
    'ADMIN_USERNAME',
    'ADMIN_PASSWORD',
    'CORS_ORIGINS',
    'CURSOR_SECRET',
    'CURSOR_SECRET_PREVIOUS',

    'OTEL_EXPORTER_OTLP_ENDPOINT',
    'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT',
    'OTEL_TRACES_SAMPLER',
    'OTEL_TRACES_SAMPLER_ARG',
  ])
    raw[key] = env[key];
  // Absent variables must fall back to the class defaults, so drop undefined keys.
  for (const key of Object.keys(raw)) if (raw[key] === undefined) delete raw[key];

  const vars = plainToInstance(EnvironmentVariables, raw);
  const errors = validateSync(vars, { skipMissingProperties: false });
  if (errors.length > 0) {
    throw new ConfigError(
      errors.map((e) => {
        // Never echo secrets: the URL may hold a password.
        const shown = SECRET_VARIABLES.has(e.property) ? '' : ` (got "${String(e.value)}")`;
        return `${e.property} ${Object.values(e.constraints ?? {}).join(', ')}${shown}`;
      }),
    );
  }
  // In a container the embedded server's disk vanishes with the container: production must say
  // where its database is, or say explicitly that local disk is what it wants.
  if (vars.NODE_ENV === 'production' && !vars.DATABASE_URL && !vars.EMBEDDED_POSTGRES) {
    throw new ConfigError([
      'DATABASE_URL must be set when NODE_ENV=production (EMBEDDED_POSTGRES=true to use the embedded PostgreSQL on local disk anyway)',
    ]);
  }
  // The test routes hold connections and sleep on request, anonymously: a production process
  // that mounted them would hand anyone a way to drain its pool. Refuse rather than warn.
  if (vars.NODE_ENV === 'production' && vars.ENABLE_TEST_ROUTES) {
    throw new ConfigError([
      'ENABLE_TEST_ROUTES=true is not allowed when NODE_ENV=production (the test routes hold database connections for anyone who asks)',
    ]);
  }
  return {
    databaseUrl: vars.DATABASE_URL,
    port: vars.PORT,
    db: {
      poolMax: vars.DB_POOL_MAX,
      connectTimeoutMs: vars.DB_CONNECT_TIMEOUT_MS,
      idleTimeoutMs: vars.DB_IDLE_TIMEOUT_MS,
      statementTimeoutMs: vars.DB_STATEMENT_TIMEOUT_MS,
      migrationsRun: vars.MIGRATIONS_RUN,
      pgbouncer: vars.DB_PGBOUNCER,
    },
    migrations: {
      lockTimeoutMs: vars.MIGRATION_LOCK_TIMEOUT_MS,
      attempts: vars.MIGRATION_LOCK_ATTEMPTS,
    },
    replicas: {
      urls: (vars.DATABASE_REPLICA_URLS ?? '')
        .split(',')
        .map((u) => u.trim())
        .filter((u) => u !== ''),
      maxLagMs: vars.DB_REPLICA_MAX_LAG_MS,
      readYourWritesTtlSeconds: vars.DB_READ_YOUR_WRITES_TTL_SECONDS,
    },
    bodyLimit: vars.BODY_LIMIT,
    bulkBodyLimit: vars.BULK_BODY_LIMIT,
    logLevel: vars.LOG_LEVEL,
    dataDir: vars.DATA_DIR,
    embeddedPgPort: vars.EMBEDDED_PG_PORT,
    idempotencyTtlHours: vars.IDEMPOTENCY_TTL_HOURS,
    shutdownTimeoutMs: vars.SHUTDOWN_TIMEOUT_MS,
    shutdownDelayMs: vars.SHUTDOWN_DELAY_MS,
    nodeEnv: vars.NODE_ENV,
    embeddedPostgres: vars.EMBEDDED_POSTGRES,
    maintenance: {
      intervalMinutes: vars.MAINTENANCE_INTERVAL_MINUTES,
      auditRetentionDays: vars.AUDIT_RETENTION_DAYS,
      loginLockoutSeconds: vars.LOGIN_LOCKOUT_SECONDS,
    },
    logFormat: vars.LOG_FORMAT,
    enableTestRoutes: vars.ENABLE_TEST_ROUTES,
    auth: {
      sessionTtlHours: vars.SESSION_TTL_HOURS,
      cacheSeconds: vars.AUTH_CACHE_SECONDS,
      adminUsername: vars.ADMIN_USERNAME,
      adminPassword: vars.ADMIN_PASSWORD,
      loginMaxFailures: vars.LOGIN_MAX_FAILURES,
      loginLockoutSeconds: vars.LOGIN_LOCKOUT_SECONDS,
      loginMaxFailuresPerAddress: vars.LOGIN_MAX_FAILURES_PER_ADDRESS,
      signupEnabled: vars.SIGNUP_ENABLED,
      signupMaxPerAddress: vars.SIGNUP_MAX_PER_ADDRESS,
      signupWindowSeconds: vars.SIGNUP_WINDOW_SECONDS,
    },
    telemetry: {
      enabled: Boolean(vars.OTEL_EXPORTER_OTLP_ENDPOINT ?? vars.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT),
      serviceName: vars.OTEL_SERVICE_NAME,
      inMemoryExporter: vars.NODE_ENV === 'test' && vars.OTEL_TEST_IN_MEMORY_EXPORTER,
    },
    http: {
      trustProxy: trustProxyValue(vars.TRUST_PROXY),
      corsOrigins: (vars.CORS_ORIGINS ?? '')
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean),
    },
    cursor: { secret: vars.CURSOR_SECRET, previousSecret: vars.CURSOR_SECRET_PREVIOUS },
  };
}
