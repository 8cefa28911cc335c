import { resolve } from 'node:path';

/** Raised at start when the environment is unusable; the message names the variable. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`Configuration error: ${variable} ${problem}`);
  }
}

export interface AppConfig {
  readonly env: 'development' | 'production' | 'test';
  readonly host: string;
  readonly port: number;
  readonly publicUrl: string;
  readonly dataDir: string;
  /** Unset means: start the embedded PostgreSQL under `${dataDir}/postgres`. */
  readonly databaseUrl: string | undefined;
  /** Unset means: jobs run in-process and one server instance serves sockets. */
  readonly redisUrl: string | undefined;
  readonly meiliUrl: string | undefined;
  readonly meiliKey: string | undefined;
  /** Unset means: mail is written as .eml files under `${dataDir}/mail`. */
  readonly smtpUrl: string | undefined;
  readonly demo: boolean;
  readonly adminEmail: string | undefined;
  readonly adminPassword: string | undefined;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  readonly sessionTtlDays: number;
  readonly bodyLimitBytes: number;
  readonly webDistDir: string;
  readonly cookieSecure: boolean;
  /** Behind a load balancer: take the client address from X-Forwarded-For. */
  readonly trustProxy: boolean;
  readonly loginRateLimit: { perAccount: number; perAddress: number; windowSeconds: number };
  readonly jobs: JobsConfig;
  /** How long a notification may wait unseen in the app before it is emailed (and coalesced with the next ones). */
  readonly mailImmediateDelaySeconds: number;
}

export interface JobsConfig {
  /** Whether this process runs job processors: by default yes without Redis; with Redis the workers do. */
  readonly runInProcess: boolean;
  /** Names this deployment's queues in Redis (tests give each app its own). */
  readonly queuePrefix: string;
  readonly concurrency: number;
  readonly attempts: number;
  /** First retry delay; each further retry doubles it. */
  readonly backoffMs: number;
  /** SIGTERM: how long running jobs may take to finish before the process exits anyway. */
  readonly shutdownGraceMs: number;
  /** A job whose worker stops answering for this long is given to another worker. */
  readonly stalledMs: number;
}

type Env = Record<string, string | undefined>;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

function text(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = text(env, name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${value}`);
  return value;
}

function boolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = text(env, name)?.toLowerCase();
  if (raw === undefined) return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(name, `must be true or false, got "${raw}"`);
}

function url(env: Env, name: string, protocols: string[]): string | undefined {
  const raw = text(env, name);
  if (raw === undefined) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(name, 'is not a valid URL');
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(name, `must use ${protocols.join(' or ')}, got ${parsed.protocol}`);
  }
  return raw;
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = text(env, name);
  if (raw === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(name, `must be one of ${allowed.join(', ')}, got "${raw}"`);
  }
  return raw as T;
}

/** The one place that reads the environment. Everything else receives an AppConfig. */
export function loadConfig(env: Env = process.env): AppConfig {
  const nodeEnv = oneOf(env, 'NODE_ENV', ['development', 'production', 'test'] as const, 'development');
  const port = integer(env, 'PORT', 3000, 0, 65535);
  const host = text(env, 'HOST') ?? '127.0.0.1';
  const publicUrl = (url(env, 'PUBLIC_URL', ['http:', 'https:']) ?? `http://localhost:${port}`).replace(/\/+$/, '');
  const adminEmail = text(env, 'ADMIN_EMAIL');
  if (adminEmail !== undefined && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(adminEmail)) {
    throw new ConfigError('ADMIN_EMAIL', 'is not an email address');
  }
  const adminPassword = text(env, 'ADMIN_PASSWORD');
  const redisUrl = url(env, 'REDIS_URL', ['redis:', 'rediss:']);
  if (adminPassword !== undefined && adminPassword.length < 10) {
    throw new ConfigError('ADMIN_PASSWORD', 'must be at least 10 characters');
  }
  return {
    env: nodeEnv,
    host,
    port,
    publicUrl,
    dataDir: resolve(text(env, 'DATA_DIR') ?? './data'),
    databaseUrl: url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']),
    redisUrl,
    meiliUrl: url(env, 'MEILI_URL', ['http:', 'https:']),
    meiliKey: text(env, 'MEILI_KEY'),
    smtpUrl: url(env, 'SMTP_URL', ['smtp:', 'smtps:']),
    demo: boolean(env, 'DEMO', true),
    adminEmail,
    adminPassword,
    logLevel: oneOf(env, 'LOG_LEVEL', LOG_LEVELS, nodeEnv === 'test' ? 'silent' : 'info'),
    sessionTtlDays: integer(env, 'SESSION_TTL_DAYS', 30, 1, 365),
    bodyLimitBytes: integer(env, 'BODY_LIMIT_BYTES', 1_048_576, 1024, 50 * 1_048_576),
    webDistDir: resolve(text(env, 'WEB_DIST_DIR') ?? 'dist/web'),
    cookieSecure: publicUrl.startsWith('https:'),
    trustProxy: boolean(env, 'TRUST_PROXY', false),
    loginRateLimit: {
      perAccount: integer(env, 'LOGIN_LIMIT_PER_ACCOUNT', 5, 1, 10_000),
      perAddress: integer(env, 'LOGIN_LIMIT_PER_ADDRESS', 20, 1, 100_000),
      windowSeconds: integer(env, 'LOGIN_LIMIT_WINDOW_SECONDS', 900, 1, 86_400),
    },
    jobs: {
      runInProcess: boolean(env, 'RUN_JOBS', redisUrl === undefined),
      queuePrefix: text(env, 'QUEUE_PREFIX') ?? 'artc',
      concurrency: integer(env, 'JOB_CONCURRENCY', 4, 1, 64),
      attempts: integer(env, 'JOB_ATTEMPTS', 6, 1, 50),
      backoffMs: integer(env, 'JOB_BACKOFF_MS', 5_000, 1, 3_600_000),
      shutdownGraceMs: integer(env, 'JOB_SHUTDOWN_GRACE_MS', 10_000, 0, 600_000),
      stalledMs: integer(env, 'JOB_STALLED_MS', 30_000, 1_000, 3_600_000),
    },
    mailImmediateDelaySeconds: integer(env, 'MAIL_IMMEDIATE_DELAY_SECONDS', 600, 0, 86_400),
  };
}

/** Injection token for AppConfig. */
export const APP_CONFIG = Symbol('APP_CONFIG');
