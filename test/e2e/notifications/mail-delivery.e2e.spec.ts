import { randomUUID } from 'node:crypto';
import type { ParsedMail } from 'mailparser';
import request from 'supertest';
import { buildInstitution, buildUser } from '@app/testing';
import { startSmtpSink, type SmtpSink } from '../../support/smtp-sink';
import { Client, personSignedIn, signIn, startTestApp, type TestApp } from '../../support/test-app';

const ATTEMPTS = 3;
const PASSWORD = 'a long enough password';

let t: TestApp;
let sink: SmtpSink;
let admin: Client;
let member: Client;
let school: { id: string; name: string };

beforeAll(async () => {
  sink = await startSmtpSink();
  t = await startTestApp({ SMTP_URL: sink.url, JOB_ATTEMPTS: String(ATTEMPTS) });
  school = await buildInstitution(t.db, { name: 'Eastbrook School of Medicine' });
  admin = (await personSignedIn(t, { platformRole: 'admin', displayName: 'Ada Admin' })).client;
  member = (await personSignedIn(t, { institutionId: school.id })).client;
});
afterAll(async () => {
  await t.close();
  await sink.close();
});
// Every test starts with the sink accepting, whatever the one before left.
afterEach(() => sink.refuse(false));

const uniqueEmail = (label: string) => `${label}-${randomUUID().slice(0, 8)}@example.test`;
const anonymous = () => new Client(t.url);
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const recipients = (m: ParsedMail) => [m.to ?? []].flat().flatMap((a) => a.value.map((v) => v.address));
const mailTo = (email: string) => sink.waitFor((m) => recipients(m).includes(email));

/** Polls until `check` answers something, for work done by jobs in the background. */
async function eventually<T>(check: () => Promise<T | undefined | null>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== null) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const mailRow = async (email: string) =>
  (
    await t.db.query(
      `SELECT id, purpose, user_id AS "userId", sent_at AS "sentAt", attempts, last_error AS "lastError"
         FROM outgoing_mail WHERE to_address = $1`,
      [email],
    )
  )[0] as
    | { id: string; purpose: string; userId: string | null; sentAt: Date | null; attempts: number; lastError: string | null }
    | undefined;

const deadJobOf = async (mailId: string) =>
  (await t.db.query(`SELECT id FROM dead_job WHERE payload->>'mailId' = $1`, [mailId]))[0] as { id: string } | undefined;

/** A password reset for a new person while the sink refuses: its send job uses up its attempts. */
async function deadLetteredResetMail() {
  sink.refuse(true);
  const person = await buildUser(t.db);
  const refusedBefore = sink.refusedCount;
  expect((await anonymous().post('/api/v1/auth/password-reset', { email: person.email })).status).toBe(202);
  const mail = await eventually(() => mailRow(person.email));
  const dead = await eventually(() => deadJobOf(mail.id));
  return { person, mail, dead, refused: sink.refusedCount - refusedBefore };
}

describe('invitations and password resets by email', () => {
  it('mails an invitee the platform name and the /invite/<token> link, and that token accepts', async () => {
    const email = uniqueEmail('invitee');
    const created = await admin.post('/api/v1/invitations', { email, displayName: 'Ines Invitee', institutionId: school.id });
    expect(created.status).toBe(201);
    const message = await mailTo(email);
    expect(message.subject).toContain('ART Commons');
    const link = new RegExp(`${escape(t.config.publicUrl)}/invite/(inv_[A-Za-z0-9_-]+)`);
    const token = link.exec(message.text ?? '')?.[1];
    expect(token).toBeDefined();
    expect(`${t.config.publicUrl}/invite/${token}`).toBe(created.body.acceptUrl);
    expect(message.html).toContain(`href="${t.config.publicUrl}/invite/${token}"`);
    for (const part of [message.text, message.html]) {
      expect(part).toContain('ART Commons');
      expect(part).toContain('Ada Admin');
      expect(part).toContain(school.name);
    }
    // Transactional: nothing to unsubscribe from.
    expect(message.headers.has('list-unsubscribe')).toBe(false);
    // The sink answers before the job marks the row sent.
    await eventually(async () => (await mailRow(email))?.sentAt);
    expect(await mailRow(email)).toMatchObject({ purpose: 'invitation', userId: null, attempts: 1, lastError: null });

    const accepted = await anonymous().post(`/api/v1/invitations/${token}/accept`, {
      password: PASSWORD,
      displayName: 'Ines Invitee',
    });
    expect(accepted.status).toBe(201);
    expect((await signIn(t.url, email, PASSWORD)).cookie).toBeDefined();
  });

  it('mails a password reset link that sets the new password', async () => {
    const person = await buildUser(t.db, { displayName: 'Rosa Reset' });
    expect((await anonymous().post('/api/v1/auth/password-reset', { email: person.email })).status).toBe(202);
    const message = await mailTo(person.email);
    expect(message.subject).toMatch(/password/i);
    expect(message.subject).toContain('ART Commons');
    expect(message.text).toContain('Rosa Reset');
    const token = new RegExp(`${escape(t.config.publicUrl)}/password/reset/(pr_[A-Za-z0-9_-]+)`).exec(message.text ?? '')?.[1];
    expect(token).toBeDefined();
    expect(message.html).toContain(`/password/reset/${token}`);
    expect(message.messageId).toMatch(/^<password_reset\.[0-9a-f-]{36}@[^>]+>$/);
    await eventually(async () => (await mailRow(person.email))?.sentAt);
    expect(await mailRow(person.email)).toMatchObject({ purpose: 'password_reset', userId: person.id });

    const confirmed = await anonymous().post('/api/v1/auth/password-reset/confirm', {
      token,
      password: 'a brand new passphrase',
    });
    expect(confirmed.status).toBe(204);
    expect((await signIn(t.url, person.email, 'a brand new passphrase')).cookie).toBeDefined();
  });
});

describe('when SMTP refuses mail', () => {
  it(`retries ${ATTEMPTS} times, then dead-letters the job with its error; the server keeps answering`, async () => {
    const { person, mail, dead, refused } = await deadLetteredResetMail();
    expect(refused).toBe(ATTEMPTS);
    expect(await mailRow(person.email)).toMatchObject({
      sentAt: null,
      attempts: ATTEMPTS,
      lastError: expect.stringContaining('550'),
    });

    const failed = await admin.get('/api/v1/admin/jobs/failed');
    expect(failed.status).toBe(200);
    expect(failed.body.items).toContainEqual({
      id: dead.id,
      name: 'mail.send',
      jobId: `mail.send|${mail.id}`,
      payload: { mailId: mail.id },
      error: expect.stringContaining('550'),
      attempts: ATTEMPTS,
      failedAt: expect.any(String),
    });
    expect((await request(t.url).get('/health/live')).status).toBe(200);
    expect((await admin.get('/api/v1/me')).status).toBe(200);
  });

  it('delivers a dead-lettered mail once an admin retries it after SMTP recovers', async () => {
    const { person, mail, dead } = await deadLetteredResetMail();
    sink.refuse(false);
    expect((await admin.post(`/api/v1/admin/jobs/failed/${dead.id}/retry`)).status).toBe(204);
    const message = await mailTo(person.email);
    expect(message.text).toContain('/password/reset/pr_');
    expect((await eventually(async () => (await mailRow(person.email))?.sentAt)).getTime()).toBeGreaterThan(0);
    expect(await deadJobOf(mail.id)).toBeUndefined();
    const failed = await admin.get('/api/v1/admin/jobs/failed');
    expect(failed.body.items.map((item: { id: string }) => item.id)).not.toContain(dead.id);
    // The retried job is not dead-lettered again on success.
    expect((await t.db.query("SELECT count(*)::int AS n FROM dead_job WHERE payload->>'mailId' = $1", [mail.id]))[0].n).toBe(0);
  });

  it('discards a dead-lettered job: it leaves the list and is not sent', async () => {
    const { person, mail, dead } = await deadLetteredResetMail();
    sink.refuse(false);
    expect((await admin.delete(`/api/v1/admin/jobs/failed/${dead.id}`)).status).toBe(204);
    expect(await deadJobOf(mail.id)).toBeUndefined();
    expect((await admin.get('/api/v1/admin/jobs/failed')).body.items.map((item: { id: string }) => item.id)).not.toContain(
      dead.id,
    );
    expect((await admin.delete(`/api/v1/admin/jobs/failed/${dead.id}`)).status).toBe(404);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sink.messages.some((m) => recipients(m).includes(person.email))).toBe(false);
    expect((await mailRow(person.email))?.sentAt).toBeNull();
  });

  it('answers 404 to anyone but a platform admin on the failed-jobs routes, and changes nothing', async () => {
    const { mail, dead } = await deadLetteredResetMail();
    expect((await member.get('/api/v1/admin/jobs/failed')).status).toBe(404);
    expect((await member.get('/api/v1/admin/jobs/summary')).status).toBe(404);
    expect((await member.post(`/api/v1/admin/jobs/failed/${dead.id}/retry`)).status).toBe(404);
    expect((await member.delete(`/api/v1/admin/jobs/failed/${dead.id}`)).status).toBe(404);
    expect(await deadJobOf(mail.id)).toEqual({ id: dead.id });
    expect((await request(t.url).get('/api/v1/admin/jobs/failed')).status).toBe(401);
  });
});
