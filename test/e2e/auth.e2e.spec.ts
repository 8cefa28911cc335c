import { buildUser } from '@app/testing';
import { Client, sessionCookieFrom, signIn, startTestApp, type TestApp } from '../support/test-app';

describe('sign-in, sessions and sign-out', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('signs in with email and password and sets an httpOnly SameSite=Lax session cookie', async () => {
    const user = await buildUser(t.db, { email: 'Ada@Example.test' });
    const response = await new Client(t.url).post('/api/v1/auth/login', { email: 'ada@example.test', password: user.password });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id: user.id, email: 'ada@example.test', platformRole: 'member' });
    const cookie = (response.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith('artc_session='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const me = await new Client(t.url, sessionCookieFrom(response)).get('/api/v1/me');
    expect(me.status).toBe(200);
    expect(me.body.id).toBe(user.id);
  });

  it('refuses a wrong password with 401 INVALID_CREDENTIALS', async () => {
    const user = await buildUser(t.db);
    const response = await new Client(t.url).post('/api/v1/auth/login', { email: user.email, password: 'wrong password' });
    expect(response.status).toBe(401);
    expect(response.body.code).toBe('INVALID_CREDENTIALS');
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
