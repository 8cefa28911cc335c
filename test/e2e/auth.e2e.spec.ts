import request from 'supertest';
import { buildUser } from '@app/testing';
import { Client, sessionCookieFrom, signIn, startTestApp, type TestApp } from '../support/test-app';

const WINDOW_MS = 15 * 60 * 1000;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const login = (email: string, password: string) => new Client(t.url).post('/api/v1/auth/login', { email, password });

/** Failed sign-ins from this test count against 127.0.0.1; moving past the window starts every test clean. */
const startFreshWindow = () => t.clock.advance(WINDOW_MS + 1000);

describe('sign-in, sessions and sign-out', () => {
  beforeEach(startFreshWindow);

  it('signs in with email and password and sets an httpOnly SameSite=Lax session cookie', async () => {
    const user = await buildUser(t.db, { email: 'Ada@Example.test' });
    const response = await login('ada@example.test', user.password);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id: user.id, email: 'ada@example.test', platformRole: 'member' });
    const cookie = (response.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith('artc_session='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const me = await new Client(t.url, sessionCookieFrom(response)).get('/api/v1/me');
    expect(me.status).toBe(200);
    expect(me.body.id).toBe(user.id);
  });

  it('matches the email case-insensitively', async () => {
    const user = await buildUser(t.db, { email: 'grace.hopper@example.test' });
    const response = await login('Grace.HOPPER@Example.TEST', user.password);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id: user.id, email: 'grace.hopper@example.test' });
  });

  it('refuses a wrong password with 401 INVALID_CREDENTIALS', async () => {
    const user = await buildUser(t.db);
    const response = await login(user.email, 'wrong password');
    expect(response.status).toBe(401);
    expect(response.body.code).toBe('INVALID_CREDENTIALS');
  });

  it('refuses a deactivated person with the right password exactly like a wrong password (no account enumeration)', async () => {
    const active = await buildUser(t.db);
    const deactivated = await buildUser(t.db, { status: 'deactivated' });
    const wrongPassword = await login(active.email, 'not the password at all');
    const refused = await login(deactivated.email, deactivated.password);
    expect(refused.status).toBe(401);
    expect(refused.body.code).toBe('INVALID_CREDENTIALS');
    expect(refused.body.message).toBe(wrongPassword.body.message);
    expect(refused.headers['set-cookie']).toBeUndefined();
    const sessions = await t.db.query('SELECT count(*)::int AS n FROM user_session WHERE user_id = $1', [deactivated.id]);
    expect(sessions[0].n).toBe(0);
  });

  it('answers an unknown email exactly like a wrong password (no account enumeration)', async () => {
    const active = await buildUser(t.db);
    const wrongPassword = await login(active.email, 'not the password at all');
    const unknown = await login('nobody-at-all@example.test', 'whatever password');
    expect(unknown.status).toBe(401);
    expect(unknown.body.code).toBe('INVALID_CREDENTIALS');
    expect(unknown.body.message).toBe(wrongPassword.body.message);
  });

  it('refuses sign-in without the X-Requested-With header with 403 CSRF_HEADER_MISSING and sets no cookie', async () => {
    const user = await buildUser(t.db);
    const response = await request(t.url).post('/api/v1/auth/login').send({ email: user.email, password: user.password });
    expect(response.status).toBe(403);
    expect(response.body.code).toBe('CSRF_HEADER_MISSING');
    expect(response.headers['set-cookie']).toBeUndefined();
    const sessions = await t.db.query('SELECT count(*)::int AS n FROM user_session WHERE user_id = $1', [user.id]);
    expect(sessions[0].n).toBe(0);
  });

  it('refuses sign-in with a different X-Requested-With value (only art-commons counts)', async () => {
    const user = await buildUser(t.db);
    const response = await request(t.url)
      .post('/api/v1/auth/login')
      .set('X-Requested-With', 'XMLHttpRequest')
      .send({ email: user.email, password: user.password });
    expect(response.status).toBe(403);
    expect(response.body.code).toBe('CSRF_HEADER_MISSING');
  });

  it('ends the session at sign-out', async () => {
    const user = await buildUser(t.db);
    const client = await signIn(t.url, user.email, user.password);
    expect((await client.post('/api/v1/auth/logout')).status).toBe(204);
    const me = await client.get('/api/v1/me');
    expect(me.status).toBe(401);
    expect(me.body.code).toBe('UNAUTHENTICATED');
  });
});

describe('sign-in rate limiting', () => {
  beforeEach(startFreshWindow);

  const failTimes = async (email: string, times: number) => {
    for (let i = 0; i < times; i++) {
      const response = await login(email, `wrong password ${i}`);
      expect(response.status).toBe(401);
    }
  };

  it('locks an account after 5 failures: the 6th attempt is 429 RATE_LIMITED with Retry-After, even with the right password', async () => {
    const user = await buildUser(t.db);
    await failTimes(user.email, 5);
    const locked = await login(user.email, user.password);
    expect(locked.status).toBe(429);
    expect(locked.body.code).toBe('RATE_LIMITED');
    expect(locked.headers['retry-after']).toMatch(/^\d+$/);
    const retryAfter = Number(locked.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(WINDOW_MS / 1000);
    expect(locked.headers['set-cookie']).toBeUndefined();
  });

  it('counts failures per account whatever the case of the email', async () => {
    const user = await buildUser(t.db, { email: 'mixed.case@example.test' });
    for (const variant of [
      'Mixed.Case@example.test',
      'MIXED.CASE@EXAMPLE.TEST',
      'mixed.case@Example.Test',
      'mixed.CASE@example.test',
      'Mixed.case@example.TEST',
    ]) {
      expect((await login(variant, 'wrong password')).status).toBe(401);
    }
    const locked = await login(user.email, user.password);
    expect(locked.status).toBe(429);
    expect(locked.body.code).toBe('RATE_LIMITED');
  });

  it('lets the account sign in again once the 15-minute window has passed, and shortens Retry-After as time passes', async () => {
    const user = await buildUser(t.db);
    await failTimes(user.email, 5);
    t.clock.advance(10 * 60 * 1000);
    const stillLocked = await login(user.email, user.password);
    expect(stillLocked.status).toBe(429);
    expect(Number(stillLocked.headers['retry-after'])).toBeLessThanOrEqual(5 * 60 + 1);
    t.clock.advance(WINDOW_MS + 1000 - 10 * 60 * 1000);
    const again = await login(user.email, user.password);
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(user.id);
  });

  it('does not lock other accounts when one account is locked (below the address limit)', async () => {
    const locked = await buildUser(t.db);
    const other = await buildUser(t.db);
    await failTimes(locked.email, 5);
    expect((await login(locked.email, locked.password)).status).toBe(429);
    expect((await login(other.email, other.password)).status).toBe(200);
  });

  it('clears the account’s failures after a successful sign-in', async () => {
    const user = await buildUser(t.db);
    await failTimes(user.email, 4);
    expect((await login(user.email, user.password)).status).toBe(200);
    // Without the reset this would be the 5th and 6th failure, and the right password would then be refused.
    await failTimes(user.email, 4);
    expect((await login(user.email, user.password)).status).toBe(200);
  });

  it('limits one address to 20 failures across different accounts: the next sign-in of anyone is 429', async () => {
    const people = await Promise.all(Array.from({ length: 5 }, () => buildUser(t.db)));
    const bystander = await buildUser(t.db);
    // 20 failures spread so that no single account reaches its own limit of 5.
    for (let i = 0; i < 20; i++) {
      const email = i % 2 === 0 ? people[i % 5].email : `unknown-${i}@example.test`;
      expect((await login(email, 'wrong password')).status).toBe(401);
    }
    const blocked = await login(bystander.email, bystander.password);
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe('RATE_LIMITED');
    expect(blocked.headers['retry-after']).toMatch(/^\d+$/);
    const accountFailures = await t.db.query('SELECT count(*)::int AS n FROM login_failure WHERE subject = $1', [
      `account:${bystander.email}`,
    ]);
    expect(accountFailures[0].n).toBe(0);

    t.clock.advance(WINDOW_MS + 1000);
    expect((await login(bystander.email, bystander.password)).status).toBe(200);
  });
});
