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

  @IsOptional()
  @Transform(blankToUndefined)
  @Matches(/^[A-Za-z0-9_.-]{3,64}$/, { message: 'must be 3..64 letters, digits, _ . or -' })
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
  @Max(24 * 30)
  IDEMPOTENCY_TTL_HOURS = 24;

  @Transform(toInt)
  @IsInt({ message: 'must be an integer' })
  @Min(0)
  SHUTDOWN_TIMEOUT_MS = 10000;

  @Transform(blankToUndefined)
  @IsIn(['json', 'pretty'], { message: 'must be json or pretty' })
  LOG_FORMAT: 'json' | 'pretty' = 'json';

  @Transform(toBool)
  @IsBoolean({ message: 'must be true or false' })
  ENABLE_TEST_ROUTES = false;
}

const SECRET_VARIABLES = new Set(['DATABASE_URL', 'ADMIN_PASSWORD']);

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
  };
  bodyLimit: string;
  /** The body limit of the bulk routes (a broker's whole asset list, a backtest's events). */
  bulkBodyLimit: string;
  logLevel: LogLevel;
  dataDir: string;
  embeddedPgPort: number;
  shutdownTimeoutMs: number;
  logFormat: 'json' | 'pretty';
  /** Mounts /api/test/* (a pg_sleep route for shutdown tests). Never in production. */
  enableTestRoutes: boolean;
  /** How long an Idempotency-Key remembers its first response. */
  idempotencyTtlHours: number;
  auth: {
    sessionTtlHours: number;
    /** First admin, created at start-up when both are set and the user does not exist yet. */
    adminUsername: string | undefined;
    adminPassword: string | undefined;
    loginMaxFailures: number;
    loginLockoutSeconds: number;
  };
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
  for (const key of [...known, 'DATABASE_URL', 'ADMIN_USERNAME', 'ADMIN_PASSWORD'])
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
  return {
    databaseUrl: vars.DATABASE_URL,
    port: vars.PORT,
    db: {
      poolMax: vars.DB_POOL_MAX,
      connectTimeoutMs: vars.DB_CONNECT_TIMEOUT_MS,
      idleTimeoutMs: vars.DB_IDLE_TIMEOUT_MS,
      statementTimeoutMs: vars.DB_STATEMENT_TIMEOUT_MS,
      migrationsRun: vars.MIGRATIONS_RUN,
    },
    bodyLimit: vars.BODY_LIMIT,
    bulkBodyLimit: vars.BULK_BODY_LIMIT,
    logLevel: vars.LOG_LEVEL,
    dataDir: vars.DATA_DIR,
    embeddedPgPort: vars.EMBEDDED_PG_PORT,
    idempotencyTtlHours: vars.IDEMPOTENCY_TTL_HOURS,
    shutdownTimeoutMs: vars.SHUTDOWN_TIMEOUT_MS,
    logFormat: vars.LOG_FORMAT,
    enableTestRoutes: vars.ENABLE_TEST_ROUTES,
    auth: {
      sessionTtlHours: vars.SESSION_TTL_HOURS,
      adminUsername: vars.ADMIN_USERNAME,
      adminPassword: vars.ADMIN_PASSWORD,
      loginMaxFailures: vars.LOGIN_MAX_FAILURES,
      loginLockoutSeconds: vars.LOGIN_LOCKOUT_SECONDS,
    },
  };
}
