import { resolve } from 'node:path';
import { ConfigError, loadConfig } from './config';

/** Runs loadConfig and returns the ConfigError it throws, failing the test if it throws nothing or something else. */
function configErrorFor(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
}

describe('loadConfig defaults', () => {
  // An explicit empty environment, so the developer's own shell variables cannot leak into the defaults.
  const config = loadConfig({});

  it('listens on port 3000 of 127.0.0.1', () => {
    expect(config.port).toBe(3000);
    expect(config.host).toBe('127.0.0.1');
  });

  it('keeps data in ./data, resolved to an absolute path', () => {
    expect(config.dataDir).toBe(resolve('./data'));
    expect(config.dataDir).toMatch(/^\//);
  });

  it('runs the demo by default', () => {
    expect(config.demo).toBe(true);
  });

  it('falls back to the embedded PostgreSQL, in-process jobs and .eml mail when no URLs are given', () => {
    expect(config.databaseUrl).toBeUndefined();
    expect(config.redisUrl).toBeUndefined();
    expect(config.smtpUrl).toBeUndefined();
    expect(config.meiliUrl).toBeUndefined();
  });

  it('derives the public URL from the port and sends non-Secure cookies over plain http', () => {
    expect(config.publicUrl).toBe('http://localhost:3000');
    expect(config.cookieSecure).toBe(false);
  });

  it('logs at info in development and stays silent under NODE_ENV=test', () => {
    expect(config.env).toBe('development');
    expect(config.logLevel).toBe('info');
    expect(loadConfig({ NODE_ENV: 'test' }).logLevel).toBe('silent');
  });

  it('does not trust X-Forwarded-For unless told to', () => {
    expect(config.trustProxy).toBe(false);
  });

  it('limits sign-in attempts to 5 per account and 20 per address in 15 minutes', () => {
    expect(config.loginRateLimit).toEqual({ perAccount: 5, perAddress: 20, windowSeconds: 900 });
  });

  it('treats a blank variable as unset', () => {
    const blank = loadConfig({ PORT: '   ', DEMO: '', DATABASE_URL: ' ', ADMIN_EMAIL: '' });
    expect(blank.port).toBe(3000);
    expect(blank.demo).toBe(true);
    expect(blank.databaseUrl).toBeUndefined();
    expect(blank.adminEmail).toBeUndefined();
  });
});

describe('loadConfig accepted values', () => {
  it('sends Secure cookies when the public URL is https', () => {
    const config = loadConfig({ PUBLIC_URL: 'https://commons.example.org' });
    expect(config.cookieSecure).toBe(true);
    expect(config.publicUrl).toBe('https://commons.example.org');
  });

  it('strips trailing slashes from the public URL so links can be joined with /path', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://commons.example.org///' }).publicUrl).toBe('https://commons.example.org');
  });

  it.each([
    ['1', true],
    ['TRUE', true],
    ['yes', true],
    ['on', true],
    ['0', false],
    ['false', false],
    ['No', false],
    ['off', false],
  ])('reads DEMO=%s as %s', (value, expected) => {
    expect(loadConfig({ DEMO: value }).demo).toBe(expected);
  });

  it('accepts postgres:// and postgresql:// database URLs, redis:// and rediss:// Redis URLs', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@db/app' }).databaseUrl).toBe('postgres://u@db/app');
    expect(loadConfig({ DATABASE_URL: 'postgresql://u@db/app' }).databaseUrl).toBe('postgresql://u@db/app');
    expect(loadConfig({ REDIS_URL: 'redis://cache:6379' }).redisUrl).toBe('redis://cache:6379');
    expect(loadConfig({ REDIS_URL: 'rediss://cache:6380' }).redisUrl).toBe('rediss://cache:6380');
  });

  it('accepts the extremes of the port range', () => {
    expect(loadConfig({ PORT: '0' }).port).toBe(0);
    expect(loadConfig({ PORT: '65535' }).port).toBe(65535);
  });

  it('accepts a well-formed admin email and a 10-character password', () => {
    const config = loadConfig({ ADMIN_EMAIL: 'admin@example.org', ADMIN_PASSWORD: '0123456789' });
    expect(config.adminEmail).toBe('admin@example.org');
    expect(config.adminPassword).toBe('0123456789');
  });
});

describe('loadConfig refuses an unusable environment, naming the variable', () => {
  it.each<[string, string]>([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['PORT', '-1'],
    ['PORT', '3000.5'],
    ['DATABASE_URL', 'mysql://x'],
    ['DATABASE_URL', 'not a url'],
    ['REDIS_URL', 'http://x'],
    ['PUBLIC_URL', 'notaurl'],
    ['PUBLIC_URL', 'ftp://example.org'],
    ['SMTP_URL', 'http://mail'],
    ['MEILI_URL', 'redis://x'],
    ['DEMO', 'maybe'],
    ['TRUST_PROXY', 'sometimes'],
    ['ADMIN_EMAIL', 'nope'],
    ['ADMIN_EMAIL', 'two words@example.org'],
    ['ADMIN_PASSWORD', 'short'],
    ['LOG_LEVEL', 'loud'],
    ['NODE_ENV', 'staging'],
    ['SESSION_TTL_DAYS', '0'],
    ['SESSION_TTL_DAYS', '366'],
    ['BODY_LIMIT_BYTES', '10'],
    ['LOGIN_LIMIT_PER_ACCOUNT', '0'],
    ['LOGIN_LIMIT_WINDOW_SECONDS', 'forever'],
  ])('%s=%s', (variable, value) => {
    const error = configErrorFor({ [variable]: value });
    expect(error.variable).toBe(variable);
    expect(error.message).toContain(variable);
    expect(error.message).toMatch(/^Configuration error: /);
  });

  it('never repeats a rejected admin password in the message, which ends up in logs', () => {
    const error = configErrorFor({ ADMIN_PASSWORD: 'hunter2' });
    expect(error.message).not.toContain('hunter2');
  });

  it('never repeats the credentials of a rejected database URL', () => {
    expect(configErrorFor({ DATABASE_URL: 'mysql://app:s3cret-pw@db/app' }).message).not.toContain('s3cret-pw');
    expect(configErrorFor({ DATABASE_URL: 'postgres://app:s3cret-pw@db:notaport/app' }).message).not.toContain('s3cret-pw');
  });

  it('says which range a port must be in', () => {
    expect(configErrorFor({ PORT: '70000' }).message).toContain('between 0 and 65535');
  });

  it('says which protocols a URL may use', () => {
    expect(configErrorFor({ REDIS_URL: 'http://x' }).message).toContain('redis: or rediss:');
  });
});
