import { randomUUID } from 'node:crypto';
import type { Subscription } from 'rxjs';
import { hashToken } from '@app/core';
import { IdentityMailEvents, type IdentityMail } from '@app/identity';
import { buildInstitution, buildUser } from '@app/testing';
import { Client, personSignedIn, signIn, startTestApp, type TestApp } from '../support/test-app';

const HOUR_MS = 60 * 60_000;
const NEW_PASSWORD = 'a brand new passphrase';

let t: TestApp;
let subscription: Subscription;
const mails: IdentityMail[] = [];

beforeAll(async () => {
  t = await startTestApp();
  subscription = t.app.get(IdentityMailEvents).events.subscribe((mail) => mails.push(mail));
});
afterAll(async () => {
  subscription?.unsubscribe();
  await t.close();
});
// Past both the hourly per-person limit and the per-address window: every test starts clean.
beforeEach(() => t.clock.advance(HOUR_MS + 1000));

const anonymous = () => new Client(t.url);
const requestReset = (email: string) => anonymous().post('/api/v1/auth/password-reset', { email });
const confirm = (token: string, password = NEW_PASSWORD) =>
  anonymous().post('/api/v1/auth/password-reset/confirm', { token, password });
const login = (email: string, password: string) => anonymous().post('/api/v1/auth/login', { email, password });
const uniqueEmail = (label: string) => `${label}-${randomUUID().slice(0, 8)}@example.test`;

function resetMailsTo(email: string) {
  return mails.filter(
    (m): m is Extract<IdentityMail, { type: 'password_reset' }> => m.type === 'password_reset' && m.email === email,
  );
}

/** Asks for a link and returns the token the mail would carry. */
async function tokenFor(email: string): Promise<string> {
  const before = resetMailsTo(email).length;
  expect((await requestReset(email)).status).toBe(202);
  const sent = resetMailsTo(email);
  expect(sent).toHaveLength(before + 1);
  return sent[sent.length - 1].token;
}

describe('asking for a reset link', () => {
  it('answers 202 { ok: true } for an unknown or deactivated address and sends nothing', async () => {
    const deactivated = await buildUser(t.db, { status: 'deactivated' });
    const active = await buildUser(t.db);
    const before = mails.length;
    const unknown = await requestReset(uniqueEmail('nobody'));
    const closed = await requestReset(deactivated.email);
    expect(mails.length).toBe(before);
    const known = await requestReset(active.email);
    for (const response of [unknown, closed, known]) {
      expect(response.status).toBe(202);
      expect(response.body).toEqual({ ok: true });
    }
    expect(mails.length).toBe(before + 1);
  });

  it('publishes a password_reset mail with a one-hour token, storing only its hash', async () => {
    const person = await buildUser(t.db, { displayName: 'Rosa Parks', email: 'Rosa.Parks@Example.test' });
    const asked = t.clock.now().getTime();
    expect((await requestReset('ROSA.PARKS@example.test')).status).toBe(202);
    const [mail] = resetMailsTo(person.email);
    expect(mail).toMatchObject({ type: 'password_reset', userId: person.id, email: person.email, displayName: 'Rosa Parks' });
    expect(mail.token).toMatch(/^pr_[A-Za-z0-9_-]{40,}$/);
    expect(Math.abs(mail.expiresAt.getTime() - (asked + HOUR_MS))).toBeLessThan(5000);
    const rows = await t.db.query('SELECT row_to_json(r)::text AS text, token_hash FROM password_reset r WHERE user_id = $1', [
      person.id,
    ]);
    expect(rows).toHaveLength(1);
    expect(rows[0].text).not.toContain(mail.token);
    expect(rows[0].token_hash).toBe(hashToken(mail.token));
  });

  it('sends at most 3 links per person per hour, answering the same 202 beyond that', async () => {
    const person = await buildUser(t.db);
    for (let i = 0; i < 5; i += 1) {
      const response = await requestReset(person.email);
      expect(response.status).toBe(202);
      expect(response.body).toEqual({ ok: true });
    }
    expect(resetMailsTo(person.email)).toHaveLength(3);
    t.clock.advance(HOUR_MS + 1000);
    expect((await requestReset(person.email)).status).toBe(202);
    expect(resetMailsTo(person.email)).toHaveLength(4);
  });

  it('answers 429 with Retry-After once one address has asked too often, whatever the email', async () => {
    const { perAddress } = t.config.loginRateLimit;
    for (let i = 0; i < perAddress; i += 1) expect((await requestReset(uniqueEmail('spray'))).status).toBe(202);
    const refused = await requestReset(uniqueEmail('spray'));
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe('RATE_LIMITED');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // Sign-ins are counted apart: asking for links locked nobody out.
    const person = await buildUser(t.db);
    expect((await login(person.email, person.password)).status).toBe(200);
  });
});

describe('setting a new password from the link', () => {
  it('sets the password (204), signs out every session and API token, and writes an audit entry', async () => {
    const person = await personSignedIn(t);
    const other = await signIn(t.url, person.email, person.password);
    const apiToken = (await person.client.post('/api/v1/me/tokens', { name: 'script' })).body.token as string;
    const token = await tokenFor(person.email);

    const response = await confirm(token);
    expect(response.status).toBe(204);

    expect((await person.client.get('/api/v1/me')).status).toBe(401);
    expect((await other.get('/api/v1/me')).status).toBe(401);
    expect((await anonymous().get('/api/v1/me').set('Authorization', `Bearer ${apiToken}`)).status).toBe(401);
    const old = await login(person.email, person.password);
    expect(old.status).toBe(401);
    expect(old.body.code).toBe('INVALID_CREDENTIALS');
    expect((await login(person.email, NEW_PASSWORD)).status).toBe(200);
    const audit = await t.db.query(
      "SELECT actor_id FROM audit_entry WHERE action = 'password_reset.confirm' AND target_id = $1",
      [person.id],
    );
    expect(audit).toEqual([{ actor_id: person.id }]);
  });

  it('refuses the same link a second time with 400 RESET_TOKEN_INVALID', async () => {
    const person = await buildUser(t.db);
    const token = await tokenFor(person.email);
    expect((await confirm(token)).status).toBe(204);
    const again = await confirm(token, 'yet another passphrase');
    expect(again.status).toBe(400);
    expect(again.body.code).toBe('RESET_TOKEN_INVALID');
    expect((await login(person.email, NEW_PASSWORD)).status).toBe(200);
  });

  it('closes the person’s other open links when one is used', async () => {
    const person = await buildUser(t.db);
    const first = await tokenFor(person.email);
    const second = await tokenFor(person.email);
    expect((await confirm(second)).status).toBe(204);
    const stale = await confirm(first, 'yet another passphrase');
    expect(stale.status).toBe(400);
    expect(stale.body.code).toBe('RESET_TOKEN_INVALID');
  });

  it('refuses an expired link with 400 RESET_TOKEN_EXPIRED and keeps the old password', async () => {
    const person = await buildUser(t.db);
    const token = await tokenFor(person.email);
    t.clock.advance(HOUR_MS + 1000);
    const response = await confirm(token);
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('RESET_TOKEN_EXPIRED');
    expect((await login(person.email, person.password)).status).toBe(200);
  });

  it('refuses a link whose person was deactivated since', async () => {
    const person = await buildUser(t.db);
    const token = await tokenFor(person.email);
    await t.db.query("UPDATE app_user SET status = 'deactivated' WHERE id = $1", [person.id]);
    const response = await confirm(token);
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('RESET_TOKEN_INVALID');
  });

  it('refuses a weak password with 400 WEAK_PASSWORD and leaves the link usable', async () => {
    const person = await buildUser(t.db);
    const token = await tokenFor(person.email);
    const weak = await confirm(token, 'short');
    expect(weak.status).toBe(400);
    expect(weak.body.code).toBe('WEAK_PASSWORD');
    expect(weak.body.details).toEqual([{ field: 'password', message: expect.any(String) }]);
    expect((await login(person.email, person.password)).status).toBe(200);
    expect((await confirm(token)).status).toBe(204);
  });

  it('answers 400 RESET_TOKEN_INVALID to a token that was never issued', async () => {
    const response = await confirm(`pr_${'x'.repeat(43)}`);
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('RESET_TOKEN_INVALID');
  });
});

describe('bad input', () => {
  it.each<[string, string, object]>([
    ['a missing email', '/api/v1/auth/password-reset', {}],
    ['an email that is not one', '/api/v1/auth/password-reset', { email: 'not-an-email' }],
    ['an overlong email', '/api/v1/auth/password-reset', { email: `${'a'.repeat(250)}@example.test` }],
    ['an unknown field', '/api/v1/auth/password-reset', { email: 'a@example.test', role: 'admin' }],
    ['a missing token', '/api/v1/auth/password-reset/confirm', { password: NEW_PASSWORD }],
    ['a missing password', '/api/v1/auth/password-reset/confirm', { token: 'pr_abc' }],
    ['an overlong token', '/api/v1/auth/password-reset/confirm', { token: 'x'.repeat(201), password: NEW_PASSWORD }],
    ['an overlong password', '/api/v1/auth/password-reset/confirm', { token: 'pr_abc', password: 'p'.repeat(201) }],
    ['a non-string password', '/api/v1/auth/password-reset/confirm', { token: 'pr_abc', password: 12345678901 }],
  ])('answers 400 VALIDATION_FAILED to %s', async (_, path, body) => {
    const before = mails.length;
    const response = await anonymous().post(path, body);
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect(mails.length).toBe(before);
  });
});

describe('invitation mail', () => {
  it('publishes an invitation mail whose token accepts the invitation', async () => {
    const school = await buildInstitution(t.db, { name: 'Eastbrook School of Medicine' });
    const admin = await personSignedIn(t, { platformRole: 'admin', displayName: 'Ada Admin' });
    const email = uniqueEmail('invitee');
    const created = await admin.client.post('/api/v1/invitations', {
      email,
      displayName: 'Ivy Invitee',
      institutionId: school.id,
    });
    expect(created.status).toBe(201);
    expect(created.body.acceptUrl).toContain('/invite/');
    const mail = mails.find((m) => m.type === 'invitation' && m.email === email);
    expect(mail).toMatchObject({
      type: 'invitation',
      invitationId: created.body.id,
      displayName: 'Ivy Invitee',
      invitedByName: 'Ada Admin',
      institutionName: 'Eastbrook School of Medicine',
      expiresAt: expect.any(Date),
    });
    const accepted = await anonymous().post(`/api/v1/invitations/${mail!.token}/accept`, {
      displayName: 'Ivy Invitee',
      password: NEW_PASSWORD,
    });
    expect(accepted.status).toBe(201);
    expect(accepted.body.email).toBe(email);
  });

  it('publishes one invitation mail per created row of a bulk invitation, none for rejected rows', async () => {
    const school = await buildInstitution(t.db);
    const admin = await personSignedIn(t, { platformRole: 'admin' });
    const [ok1, ok2] = [uniqueEmail('bulk'), uniqueEmail('bulk')];
    const csv = `email,name\n${ok1},One Person\nnot-an-email,Bad Row\n${ok2},Two Person`;
    const response = await admin.client.post('/api/v1/invitations/bulk', { institutionId: school.id, csv });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ created: 2, rejected: 1 });
    const sent = mails.filter((m) => m.type === 'invitation' && [ok1, ok2].includes(m.email));
    expect(sent.map((m) => m.email).sort()).toEqual([ok1, ok2].sort());
    const urls = response.body.rows
      .filter((r: { acceptUrl?: string }) => r.acceptUrl)
      .map((r: { acceptUrl: string }) => r.acceptUrl);
    expect(urls.sort()).toEqual(sent.map((m) => `${t.config.publicUrl}/invite/${m.token}`).sort());
    expect(mails.some((m) => m.email === 'not-an-email')).toBe(false);
  });
});
