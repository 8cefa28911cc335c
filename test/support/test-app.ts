import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { DestinationStream } from 'pino';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createRootLogger, loadConfig, type AppConfig } from '@app/core';
import { TestClock, buildUser, type BuildUserOptions } from '@app/testing';
import { createApp } from '../../apps/server/src/create-app';
import { resetDatabase, testDatabaseUrl } from './test-database';

export interface TestApp {
  app: NestFastifyApplication;
  url: string;
  db: DataSource;
  clock: TestClock;
  config: AppConfig;
  close(): Promise<void>;
}

let appCount = 0;

/** Mail written as files (no SMTP_URL) lands in a folder of this test process, not in the project's ./data. */
function testDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'artc-test-data-'));
}

/**
 * The real server (Fastify, PostgreSQL, Redis when REDIS_URL is set) on a random port, over an emptied database.
 * `joinRunning` starts a further server on the database a running one already uses, as a second instance of a
 * deployment would: emptying it then would also race the first server's jobs (a TRUNCATE against their locks).
 */
export async function startTestApp(
  env: Record<string, string> = {},
  options: { logDestination?: DestinationStream; joinRunning?: boolean } = {},
): Promise<TestApp> {
  const databaseUrl = await testDatabaseUrl();
  if (!options.joinRunning) await resetDatabase(databaseUrl);
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    DEMO: 'false',
    DATABASE_URL: databaseUrl,
    ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {}),
    // Each app runs its own jobs on its own queues, so parallel test files never take each other's work.
    RUN_JOBS: 'true',
    QUEUE_PREFIX: `artc-test-${process.pid}-${++appCount}`,
    JOB_BACKOFF_MS: '50',
    JOB_SHUTDOWN_GRACE_MS: '2000',
    DATA_DIR: testDataDir(),
    ...env,
  });
  const clock = new TestClock();
  const app = await createApp({ config, databaseUrl, logger: createRootLogger(config, options.logDestination), clock });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address() as { port: number };
  return {
    app,
    url: `http://127.0.0.1:${address.port}`,
    db: app.get(DataSource),
    clock,
    config,
    close: () => app.close(),
  };
}

/** A person's HTTP client: cookie session plus the CSRF header a browser client sends. */
export class Client {
  constructor(
    readonly url: string,
    public cookie?: string,
  ) {}

  private with(test: request.Test): request.Test {
    test.set('X-Requested-With', 'art-commons');
    if (this.cookie) test.set('Cookie', this.cookie);
    return test;
  }

  get(path: string) {
    return this.with(request(this.url).get(path));
  }
  post(path: string, body?: object) {
    return this.with(request(this.url).post(path)).send(body ?? {});
  }
  put(path: string, body?: object) {
    return this.with(request(this.url).put(path)).send(body ?? {});
  }
  patch(path: string, body?: object) {
    return this.with(request(this.url).patch(path)).send(body ?? {});
  }
  delete(path: string) {
    return this.with(request(this.url).delete(path));
  }
}

export function sessionCookieFrom(response: request.Response): string {
  const header = response.headers['set-cookie'] as unknown as string[] | undefined;
  const cookie = header?.find((c) => c.startsWith('artc_session='));
  if (!cookie) throw new Error(`no session cookie in response ${response.status}: ${JSON.stringify(response.body)}`);
  return cookie.split(';')[0];
}

export async function signIn(url: string, email: string, password: string): Promise<Client> {
  const response = await new Client(url).post('/api/v1/auth/login', { email, password });
  if (response.status !== 200) throw new Error(`sign-in failed: ${response.status} ${JSON.stringify(response.body)}`);
  return new Client(url, sessionCookieFrom(response));
}

/** Creates a person in the database and returns them signed in. */
export async function personSignedIn(testApp: TestApp, options: BuildUserOptions = {}) {
  const user = await buildUser(testApp.db, options);
  return { ...user, client: await signIn(testApp.url, user.email, user.password) };
}

/** Redis-backed tests run only where REDIS_URL is set; the global setup prints why they were skipped. */
export const describeWithRedis: jest.Describe = process.env.REDIS_URL ? describe : describe.skip;
