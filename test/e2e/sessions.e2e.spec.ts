import request from 'supertest';
import { hashToken } from '@app/core';
import { buildUser } from '@app/testing';
import { Client, personSignedIn, signIn, startTestApp, type TestApp } from '../support/test-app';

const DAY_MS = 86_400_000;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

/** A script's client: an API token and nothing a browser would add (no cookie, no CSRF header). */
const bearer = (token: string) => ({
  get: (path: string) => request(t.url).get(path).set('Authorization', `Bearer ${token}`),
  post: (path: string, body: object = {}) => request(t.url).post(path).set('Authorization', `Bearer ${token}`).send(body),
  patch: (path: string, body: object = {}) => request(t.url).patch(path).set('Authorization', `Bearer ${token}`).send(body),
  delete: (path: string) => request(t.url).delete(path).set('Authorization', `Bearer ${token}`),
});

/** The same session cookie a browser would send cross-site: no X-Requested-With header. */
const withoutCsrfHeader = (client: Client) => ({
  post: (path: string, body: object = {}) => request(t.url).post(path).set('Cookie', client.cookie!).send(body),
  patch: (path: string, body: object = {}) => request(t.url).patch(path).set('Cookie', client.cookie!).send(body),
  delete: (path: string) => request(t.url).delete(path).set('Cookie', client.cookie!),
});

const cookieValue = (client: Client) => client.cookie!.slice('artc_session='.length);

async function createToken(client: Client, name = 'script') {
  const response = await client.post('/api/v1/me/tokens', { name });
  expect(response.status).toBe(201);
  return response.body as { id: string; name: string; token: string };
}

const count = async (sql: string, params: unknown[]) => (await t.db.query(sql, params))[0].n as number;

describe('CSRF protection of cookie-authenticated writes', () => {
  it('refuses a cookie POST without X-Requested-With with 403 CSRF_HEADER_MISSING and creates nothing', async () => {
    const person = await personSignedIn(t);
    const response = await withoutCsrfHeader(person.client).post('/api/v1/me/tokens', { name: 'forged' });
    expect(response.status).toBe(403);
    expect(response.body.code).toBe('CSRF_HEADER_MISSING');
    expect(await count('SELECT count(*)::int AS n FROM api_token WHERE user_id = $1', [person.id])).toBe(0);
  });

  it('refuses a cookie PATCH without X-Requested-With and leaves the profile unchanged', async () => {
    const person = await personSignedIn(t, { displayName: 'Original Name' });
    const response = await withoutCsrfHeader(person.client).patch('/api/v1/me', { displayName: 'Forged Name' });
    expect(response.status).toBe(403);
    expect(response.body.code).toBe('CSRF_HEADER_MISSING');
    expect((await person.client.get('/api/v1/me')).body.displayName).toBe('Original Name');
  });

  it('refuses a cookie DELETE without X-Requested-With and keeps the token alive', async () => {
    const person = await personSignedIn(t);
    const token = await createToken(person.client);
    const response = await withoutCsrfHeader(person.client).delete(`/api/v1/me/tokens/${token.id}`);
    expect(response.status).toBe(403);
    expect(response.body.code).toBe('CSRF_HEADER_MISSING');
    expect((await bearer(token.token).get('/api/v1/me')).status).toBe(200);
  });

  it('refuses a cookie sign-out without X-Requested-With, so a cross-site page cannot end the session', async () => {
    const person = await personSignedIn(t);
    const response = await withoutCsrfHeader(person.client).post('/api/v1/auth/logout');
    expect(response.status).toBe(403);
    expect(response.body.code).toBe('CSRF_HEADER_MISSING');
    expect((await person.client.get('/api/v1/me')).status).toBe(200);
  });

  it('allows cookie reads without the header (GET is safe)', async () => {
    const person = await personSignedIn(t);
    const response = await request(t.url).get('/api/v1/me').set('Cookie', person.client.cookie!);
    expect(response.status).toBe(200);
    expect(response.body.id).toBe(person.id);
  });
});

describe('personal API tokens', () => {
  it('shows the token once at creation and stores only its hash', async () => {
    const person = await personSignedIn(t);
    const created = await createToken(person.client, 'nightly export');
    expect(created).toMatchObject({ id: expect.any(String), name: 'nightly export', token: expect.stringMatching(/^at_/) });
    const [row] = await t.db.query('SELECT token_hash FROM api_token WHERE id = $1', [created.id]);
    expect(row.token_hash).not.toBe(created.token);
    expect(row.token_hash).toBe(hashToken(created.token));
  });

  it('authenticates GET /me with Authorization: Bearer', async () => {
    const person = await personSignedIn(t);
    const { token } = await createToken(person.client);
    const response = await bearer(token).get('/api/v1/me');
    expect(response.status).toBe(200);
    expect(response.body.id).toBe(person.id);
  });

  it('allows writes with a Bearer token without the CSRF header (browsers never send it on their own)', async () => {
    const person = await personSignedIn(t);
    const { token } = await createToken(person.client);
    const response = await bearer(token).patch('/api/v1/me', { pronouns: 'they/them' });
    expect(response.status).toBe(200);
    expect(response.body.pronouns).toBe('they/them');
  });

  it('never shows the secret (or its hash) when listing tokens, and records when a token was last used', async () => {
    const person = await personSignedIn(t);
    const created = await createToken(person.client, 'listed');
    expect((await bearer(created.token).get('/api/v1/me')).status).toBe(200);
    const list = await person.client.get('/api/v1/me/tokens');
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(1);
    expect(Object.keys(list.body.items[0]).sort()).toEqual(['createdAt', 'id', 'lastUsedAt', 'name']);
    expect(list.body.items[0]).toMatchObject({ id: created.id, name: 'listed', lastUsedAt: expect.any(String) });
    const text = JSON.stringify(list.body);
    expect(text).not.toContain(created.token);
    expect(text).not.toContain(hashToken(created.token));
  });

  it('revokes a token with DELETE: it then answers 401 and disappears from the list', async () => {
    const person = await personSignedIn(t);
    const { id, token } = await createToken(person.client);
    expect((await person.client.delete(`/api/v1/me/tokens/${id}`)).status).toBe(204);
    const me = await bearer(token).get('/api/v1/me');
    expect(me.status).toBe(401);
    expect(me.body.code).toBe('UNAUTHENTICATED');
    expect((await person.client.get('/api/v1/me/tokens')).body.items).toEqual([]);
  });

  it('returns 404 when revoking someone else’s token, and their token keeps working', async () => {
    const owner = await personSignedIn(t);
    const other = await personSignedIn(t);
    const { id, token } = await createToken(owner.client);
    const response = await other.client.delete(`/api/v1/me/tokens/${id}`);
    expect(response.status).toBe(404);
    expect((await bearer(token).get('/api/v1/me')).status).toBe(200);
  });

  it('refuses a garbage Bearer token with 401, even alongside a valid session cookie', async () => {
    const person = await personSignedIn(t);
    for (const garbage of ['nonsense', 'at_not-a-real-token', 'as_looks-like-a-session']) {
      const response = await bearer(garbage).get('/api/v1/me');
      expect(response.status).toBe(401);
      expect(response.body.code).toBe('UNAUTHENTICATED');
    }
    const mixed = await request(t.url)
      .get('/api/v1/me')
      .set('Cookie', person.client.cookie!)
      .set('Authorization', 'Bearer at_forged');
    expect(mixed.status).toBe(401);
  });

  it('does not accept a session cookie value as a Bearer token', async () => {
    const person = await personSignedIn(t);
    const response = await bearer(cookieValue(person.client)).get('/api/v1/me');
    expect(response.status).toBe(401);
  });
});

describe('password change', () => {
  it('refuses a wrong current password with 400 WRONG_PASSWORD and keeps the old password', async () => {
    const person = await personSignedIn(t);
    const response = await person.client.post('/api/v1/me/password', {
      currentPassword: 'not my password',
      newPassword: 'a brand new password',
    });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('WRONG_PASSWORD');
    await expect(signIn(t.url, person.email, person.password)).resolves.toBeInstanceOf(Client);
  });

  it('refuses a new password shorter than 10 characters with 400 VALIDATION_FAILED', async () => {
    const person = await personSignedIn(t);
    const response = await person.client.post('/api/v1/me/password', { currentPassword: person.password, newPassword: 'short' });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect(response.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'newPassword' })]));
    await expect(signIn(t.url, person.email, person.password)).resolves.toBeInstanceOf(Client);
  });

  it('on success (204) ends the person’s other sessions and API tokens at once but keeps the current session', async () => {
    const person = await personSignedIn(t);
    const otherDevice = await signIn(t.url, person.email, person.password);
    const { token } = await createToken(person.client);
    const bystander = await personSignedIn(t);

    const response = await person.client.post('/api/v1/me/password', {
      currentPassword: person.password,
      newPassword: 'an entirely new passphrase',
    });
    expect(response.status).toBe(204);
    expect((await person.client.get('/api/v1/me')).status).toBe(200);
    const ended = await otherDevice.get('/api/v1/me');
    expect(ended.status).toBe(401);
    expect(ended.body.code).toBe('UNAUTHENTICATED');
    // A token minted by whoever knew the old password must not outlive it.
    expect((await bearer(token).get('/api/v1/me')).status).toBe(401);
    expect((await bystander.client.get('/api/v1/me')).status).toBe(200);
  });

  it('when changed through an API token, ends every session and token, that token included', async () => {
    const person = await personSignedIn(t);
    const { token } = await createToken(person.client);
    const response = await bearer(token).post('/api/v1/me/password', {
      currentPassword: person.password,
      newPassword: 'changed from a script',
    });
    expect(response.status).toBe(204);
    expect((await bearer(token).get('/api/v1/me')).status).toBe(401);
    expect((await person.client.get('/api/v1/me')).status).toBe(401);
  });

  it('lets the person sign in with the new password and refuses the old one', async () => {
    const person = await personSignedIn(t);
    const newPassword = 'another fresh passphrase';
    expect((await person.client.post('/api/v1/me/password', { currentPassword: person.password, newPassword })).status).toBe(204);
    const old = await new Client(t.url).post('/api/v1/auth/login', { email: person.email, password: person.password });
    expect(old.status).toBe(401);
    expect(old.body.code).toBe('INVALID_CREDENTIALS');
    const fresh = await signIn(t.url, person.email, newPassword);
    expect((await fresh.get('/api/v1/me')).body.id).toBe(person.id);
  });
});

describe('deactivation', () => {
  it('ends every session and API token of the person at once, and they cannot sign in again', async () => {
    const admin = await personSignedIn(t, { platformRole: 'admin' });
    const person = await personSignedIn(t);
    const secondDevice = await signIn(t.url, person.email, person.password);
    const { token } = await createToken(person.client);

    const response = await admin.client.post(`/api/v1/members/${person.id}/deactivate`);
    expect(response.status).toBe(204);
    for (const client of [person.client, secondDevice]) {
      expect((await client.get('/api/v1/me')).status).toBe(401);
    }
    expect((await bearer(token).get('/api/v1/me')).status).toBe(401);
    expect(
      await count('SELECT count(*)::int AS n FROM user_session WHERE user_id = $1 AND revoked_at IS NULL', [person.id]),
    ).toBe(0);
    expect(await count('SELECT count(*)::int AS n FROM api_token WHERE user_id = $1 AND revoked_at IS NULL', [person.id])).toBe(
      0,
    );
    const again = await new Client(t.url).post('/api/v1/auth/login', { email: person.email, password: person.password });
    expect(again.status).toBe(401);
    expect(again.body.code).toBe('INVALID_CREDENTIALS');
    expect((await admin.client.get('/api/v1/me')).status).toBe(200);
  });

  it('refuses deactivation by a plain member with 403 and leaves the target signed in', async () => {
    const member = await personSignedIn(t);
    const target = await personSignedIn(t);
    const response = await member.client.post(`/api/v1/members/${target.id}/deactivate`);
    expect(response.status).toBe(403);
    expect((await target.client.get('/api/v1/me')).status).toBe(200);
  });
});

describe('session storage and expiry', () => {
  it('stores only a hash of the session cookie token', async () => {
    const person = await personSignedIn(t);
    const value = cookieValue(person.client);
    const rows: { token_hash: string }[] = await t.db.query('SELECT token_hash FROM user_session WHERE user_id = $1', [
      person.id,
    ]);
    expect(rows).toHaveLength(1);
    expect(rows[0].token_hash).not.toBe(value);
    expect(rows[0].token_hash).toBe(hashToken(value));
    expect(await count('SELECT count(*)::int AS n FROM user_session s WHERE strpos(row_to_json(s)::text, $1) > 0', [value])).toBe(
      0,
    );
  });

  // Moves the clock 30 days: keep last in this file, it ends every session opened above.
  it('keeps a session for 30 days and answers 401 once it has expired', async () => {
    const user = await buildUser(t.db);
    const client = await signIn(t.url, user.email, user.password);
    t.clock.advance(29 * DAY_MS);
    expect((await client.get('/api/v1/me')).status).toBe(200);
    t.clock.advance(DAY_MS + 1000);
    const expired = await client.get('/api/v1/me');
    expect(expired.status).toBe(401);
    expect(expired.body.code).toBe('UNAUTHENTICATED');
  });
});
