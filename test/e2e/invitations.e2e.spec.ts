import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { hashToken } from '@app/core';
import { buildCohort, buildInstitution, buildUser } from '@app/testing';
import { Client, personSignedIn, sessionCookieFrom, startTestApp, type TestApp } from '../support/test-app';

const INVITATION_TTL_MS = 14 * 86_400_000;
const PASSWORD = 'a long enough password';

let t: TestApp;
let schoolA: { id: string; name: string; slug: string };
let schoolB: { id: string; name: string; slug: string };
let cohortA: { id: string; name: string; programYear: number };
let cohortB: { id: string; name: string; programYear: number };
let admin: Client;
let leadA: Client;
let memberA: Client;
let facilitator: Client;

beforeAll(async () => {
  t = await startTestApp();
  schoolA = await buildInstitution(t.db, { name: 'Northfield School of Medicine' });
  schoolB = await buildInstitution(t.db, { name: 'Southgate College of Medicine' });
  cohortA = await buildCohort(t.db, schoolA.id, { name: 'Class of 2028', programYear: 2028 });
  cohortB = await buildCohort(t.db, schoolB.id, { name: 'Class of 2029', programYear: 2029 });
  admin = (await personSignedIn(t, { platformRole: 'admin' })).client;
  leadA = (await personSignedIn(t, { institutionId: schoolA.id, schoolLead: true })).client;
  memberA = (await personSignedIn(t, { institutionId: schoolA.id })).client;
  facilitator = (await personSignedIn(t, { platformRole: 'facilitator' })).client;
});
afterAll(() => t.close());

const uniqueEmail = (label: string) => `${label}-${randomUUID().slice(0, 8)}@example.test`;
const tokenOf = (acceptUrl: string) => acceptUrl.split('/invite/')[1];
const anonymous = () => new Client(t.url);
const acceptBody = (overrides: object = {}) => ({ password: PASSWORD, displayName: 'New Person', ...overrides });

async function invite(by: Client, body: object) {
  const response = await by.post('/api/v1/invitations', body);
  expect(response.status).toBe(201);
  return { ...response.body, token: tokenOf(response.body.acceptUrl) } as {
    id: string;
    email: string;
    acceptUrl: string;
    token: string;
  };
}

const count = async (sql: string, params: unknown[]) => (await t.db.query(sql, params))[0].n as number;
const invitationsFor = (email: string) => count('SELECT count(*)::int AS n FROM invitation WHERE email = $1', [email]);
const usersWith = (email: string) => count('SELECT count(*)::int AS n FROM app_user WHERE email = $1', [email]);

describe('inviting and accepting', () => {
  it('creates an invitation (201) with acceptUrl <PUBLIC_URL>/invite/<token>, storing only the token’s hash', async () => {
    const email = uniqueEmail('first');
    const response = await admin.post('/api/v1/invitations', {
      email,
      displayName: 'First Invitee',
      institutionId: schoolA.id,
      cohortId: cohortA.id,
      schoolRole: 'student',
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      email,
      institutionId: schoolA.id,
      cohortId: cohortA.id,
      schoolRole: 'student',
      platformRole: 'member',
      schoolLead: false,
      status: 'pending',
    });
    expect(response.body.acceptUrl).toMatch(
      new RegExp(`^${t.config.publicUrl.replace(/[.]/g, '\\.')}/invite/inv_[A-Za-z0-9_-]+$`),
    );
    const token = tokenOf(response.body.acceptUrl);
    const [row] = await t.db.query('SELECT row_to_json(i)::text AS text, token_hash FROM invitation i WHERE id = $1', [
      response.body.id,
    ]);
    expect(row.text).not.toContain(token);
    expect(row.token_hash).toBe(hashToken(token));
    expect(await count('SELECT count(*)::int AS n FROM audit_entry a WHERE strpos(row_to_json(a)::text, $1) > 0', [token])).toBe(
      0,
    );
  });

  it('stores the invited email in lower case', async () => {
    const created = await invite(admin, { email: 'Mixed.Case.Invitee@Example.TEST', institutionId: schoolA.id });
    expect(created.email).toBe('mixed.case.invitee@example.test');
  });

  it('previews the invitation publicly with its email, school and cohort', async () => {
    const email = uniqueEmail('preview');
    const { token } = await invite(admin, { email, displayName: 'Pre View', institutionId: schoolA.id, cohortId: cohortA.id });
    const response = await request(t.url).get(`/api/v1/invitations/${token}`);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      email,
      displayName: 'Pre View',
      institution: { id: schoolA.id, name: schoolA.name },
      cohort: { id: cohortA.id, name: cohortA.name },
      expiresAt: expect.any(String),
    });
  });

  it('accepts with password and profile (201): sets the session cookie, and /me shows school, cohort, role and profile', async () => {
    const email = uniqueEmail('accept');
    const { token } = await invite(admin, { email, institutionId: schoolA.id, cohortId: cohortA.id, schoolRole: 'faculty' });
    const response = await anonymous().post(
      `/api/v1/invitations/${token}/accept`,
      acceptBody({
        displayName: 'Dr Ama Mensah',
        pronouns: 'she/her',
        bio: 'Teaches physiology',
        expertise: ['curriculum', 'equity'],
      }),
    );
    expect(response.status).toBe(201);
    const me = await new Client(t.url, sessionCookieFrom(response)).get('/api/v1/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      email,
      displayName: 'Dr Ama Mensah',
      pronouns: 'she/her',
      bio: 'Teaches physiology',
      expertise: ['curriculum', 'equity'],
      schoolRole: 'faculty',
      platformRole: 'member',
      institution: { id: schoolA.id, name: schoolA.name, slug: schoolA.slug },
      cohorts: [{ id: cohortA.id, name: cohortA.name, programYear: cohortA.programYear, institutionId: schoolA.id }],
      schoolLeadOf: [],
    });
    const [row] = await t.db.query('SELECT status, accepted_user_id FROM invitation WHERE email = $1', [email]);
    expect(row).toEqual({ status: 'accepted', accepted_user_id: me.body.id });
  });

  it('answers 410 INVITATION_USED to a second accept and to a preview of a used link', async () => {
    const email = uniqueEmail('twice');
    const { token } = await invite(admin, { email, institutionId: schoolA.id });
    expect((await anonymous().post(`/api/v1/invitations/${token}/accept`, acceptBody())).status).toBe(201);
    const again = await anonymous().post(
      `/api/v1/invitations/${token}/accept`,
      acceptBody({ password: 'another password here' }),
    );
    expect(again.status).toBe(410);
    expect(again.body.code).toBe('INVITATION_USED');
    expect((await request(t.url).get(`/api/v1/invitations/${token}`)).body.code).toBe('INVITATION_USED');
    expect(await usersWith(email)).toBe(1);
  });

  it('lets exactly one of two simultaneous accepts of one link succeed', async () => {
    const email = uniqueEmail('race');
    const { token } = await invite(admin, { email, institutionId: schoolA.id });
    const responses = await Promise.all([
      anonymous().post(`/api/v1/invitations/${token}/accept`, acceptBody({ displayName: 'Racer One' })),
      anonymous().post(`/api/v1/invitations/${token}/accept`, acceptBody({ displayName: 'Racer Two' })),
    ]);
    expect(responses.map((r) => r.status).sort()).toEqual([201, 410]);
    expect(responses.find((r) => r.status === 410)!.body.code).toBe('INVITATION_USED');
    expect(await usersWith(email)).toBe(1);
  });

  it('refuses a short password at accept with 400 and writes nothing', async () => {
    const email = uniqueEmail('short');
    const { token } = await invite(admin, { email, institutionId: schoolA.id });
    const response = await anonymous().post(`/api/v1/invitations/${token}/accept`, acceptBody({ password: 'too short' }));
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect(response.headers['set-cookie']).toBeUndefined();
    expect(await usersWith(email)).toBe(0);
    expect((await t.db.query('SELECT status FROM invitation WHERE email = $1', [email]))[0].status).toBe('pending');
  });

  it('refuses a platformRole smuggled into the accept body (unknown fields are 400)', async () => {
    const email = uniqueEmail('smuggle');
    const { token } = await invite(admin, { email, institutionId: schoolA.id });
    const response = await anonymous().post(`/api/v1/invitations/${token}/accept`, acceptBody({ platformRole: 'admin' }));
    expect(response.status).toBe(400);
    expect(await usersWith(email)).toBe(0);
  });

  it('answers 404 INVITATION_NOT_FOUND for a revoked invitation', async () => {
    const email = uniqueEmail('revoked');
    const { id, token } = await invite(admin, { email, institutionId: schoolA.id });
    expect((await admin.delete(`/api/v1/invitations/${id}`)).status).toBe(204);
    const preview = await request(t.url).get(`/api/v1/invitations/${token}`);
    expect(preview.status).toBe(404);
    expect(preview.body.code).toBe('INVITATION_NOT_FOUND');
    const accept = await anonymous().post(`/api/v1/invitations/${token}/accept`, acceptBody());
    expect(accept.status).toBe(404);
    expect(accept.body.code).toBe('INVITATION_NOT_FOUND');
    expect(await usersWith(email)).toBe(0);
  });

  it('answers 404 INVITATION_NOT_FOUND for a random token', async () => {
    for (const token of ['inv_thisTokenWasNeverIssued', 'garbage']) {
      const preview = await request(t.url).get(`/api/v1/invitations/${token}`);
      expect(preview.status).toBe(404);
      expect(preview.body.code).toBe('INVITATION_NOT_FOUND');
      const accept = await anonymous().post(`/api/v1/invitations/${token}/accept`, acceptBody());
      expect(accept.status).toBe(404);
      expect(accept.body.code).toBe('INVITATION_NOT_FOUND');
    }
  });
});

describe('invitation conflicts', () => {
  it('refuses to invite an email that already has an account with 409 EMAIL_TAKEN, whatever its case', async () => {
    const existing = await buildUser(t.db, { email: uniqueEmail('taken') });
    const response = await admin.post('/api/v1/invitations', { email: existing.email.toUpperCase(), institutionId: schoolA.id });
    expect(response.status).toBe(409);
    expect(response.body.code).toBe('EMAIL_TAKEN');
    expect(await invitationsFor(existing.email)).toBe(0);
  });

  it('refuses a second pending invitation for the same email with 409 INVITATION_PENDING', async () => {
    const email = uniqueEmail('pending');
    await invite(admin, { email, institutionId: schoolA.id });
    const response = await admin.post('/api/v1/invitations', { email, institutionId: schoolB.id });
    expect(response.status).toBe(409);
    expect(response.body.code).toBe('INVITATION_PENDING');
    expect(await invitationsFor(email)).toBe(1);
  });

  it('lets exactly one of two simultaneous invitations of one email succeed; the other is 409 INVITATION_PENDING', async () => {
    const email = uniqueEmail('double');
    const responses = await Promise.all([
      admin.post('/api/v1/invitations', { email, institutionId: schoolA.id }),
      leadA.post('/api/v1/invitations', { email, institutionId: schoolA.id }),
    ]);
    expect(responses.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(responses.find((r) => r.status === 409)!.body.code).toBe('INVITATION_PENDING');
    expect(await invitationsFor(email)).toBe(1);
  });

  it('refuses a cohort of another school with 400 COHORT_NOT_IN_SCHOOL and writes nothing', async () => {
    const email = uniqueEmail('wrong-cohort');
    const response = await admin.post('/api/v1/invitations', { email, institutionId: schoolA.id, cohortId: cohortB.id });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('COHORT_NOT_IN_SCHOOL');
    expect(await invitationsFor(email)).toBe(0);
  });

  // Moves the clock 14 days; sessions opened in beforeAll last 30, so the tests after this still run signed in.
  it('expires after 14 days (410 INVITATION_EXPIRED, no account created) and the email can then be invited again', async () => {
    const email = uniqueEmail('expired');
    const first = await invite(admin, { email, institutionId: schoolA.id });
    t.clock.advance(INVITATION_TTL_MS + 1000);

    const preview = await request(t.url).get(`/api/v1/invitations/${first.token}`);
    expect(preview.status).toBe(410);
    expect(preview.body.code).toBe('INVITATION_EXPIRED');
    const accept = await anonymous().post(`/api/v1/invitations/${first.token}/accept`, acceptBody());
    expect(accept.status).toBe(410);
    expect(accept.body.code).toBe('INVITATION_EXPIRED');
    expect(await usersWith(email)).toBe(0);
    const listed = await admin.get(`/api/v1/invitations?institutionId=${schoolA.id}&status=expired`);
    expect(listed.body.items.map((i: { id: string }) => i.id)).toContain(first.id);

    const second = await invite(admin, { email, institutionId: schoolA.id });
    expect(second.id).not.toBe(first.id);
    // Re-inviting retires the expired link for good.
    expect((await anonymous().post(`/api/v1/invitations/${first.token}/accept`, acceptBody())).body.code).toBe(
      'INVITATION_NOT_FOUND',
    );
    expect((await anonymous().post(`/api/v1/invitations/${second.token}/accept`, acceptBody())).status).toBe(201);
    expect(await usersWith(email)).toBe(1);
  });
});

describe('who may invite', () => {
  it('lets a school lead invite to their own school (201)', async () => {
    const created = await invite(leadA, { email: uniqueEmail('lead-own'), institutionId: schoolA.id, cohortId: cohortA.id });
    expect(created).toMatchObject({ status: 'pending' });
  });

  it('lets an admin grant a platform role and a school lead make a co-lead, which take effect on acceptance', async () => {
    const asFacilitator = await invite(admin, {
      email: uniqueEmail('new-facilitator'),
      institutionId: schoolB.id,
      platformRole: 'facilitator',
    });
    const facilitatorMe = await anonymous().post(`/api/v1/invitations/${asFacilitator.token}/accept`, acceptBody());
    expect(facilitatorMe.status).toBe(201);
    expect(facilitatorMe.body).toMatchObject({ platformRole: 'facilitator', schoolLeadOf: [] });

    const asColead = await invite(leadA, { email: uniqueEmail('co-lead'), institutionId: schoolA.id, schoolLead: true });
    const coleadMe = await anonymous().post(`/api/v1/invitations/${asColead.token}/accept`, acceptBody());
    expect(coleadMe.status).toBe(201);
    expect(coleadMe.body).toMatchObject({ platformRole: 'member', schoolLeadOf: [schoolA.id] });
  });

  it('refuses a school lead inviting to another school with 403 and writes nothing', async () => {
    const email = uniqueEmail('lead-other');
    const response = await leadA.post('/api/v1/invitations', { email, institutionId: schoolB.id });
    expect(response.status).toBe(403);
    expect(await invitationsFor(email)).toBe(0);
  });

  it('refuses a school lead granting platformRole facilitator or admin with 403', async () => {
    for (const platformRole of ['facilitator', 'admin']) {
      const email = uniqueEmail(`lead-${platformRole}`);
      const response = await leadA.post('/api/v1/invitations', { email, institutionId: schoolA.id, platformRole });
      expect(response.status).toBe(403);
      expect(await invitationsFor(email)).toBe(0);
    }
  });

  it('refuses a plain member and a facilitator with 403 (inviting is for admins and school leads)', async () => {
    for (const client of [memberA, facilitator]) {
      const email = uniqueEmail('not-allowed');
      const response = await client.post('/api/v1/invitations', { email, institutionId: schoolA.id });
      expect(response.status).toBe(403);
      expect(await invitationsFor(email)).toBe(0);
    }
  });

  it('lists every school’s invitations for an admin and only their own school’s for a lead', async () => {
    const inA = await invite(admin, { email: uniqueEmail('list-a'), institutionId: schoolA.id });
    const inB = await invite(admin, { email: uniqueEmail('list-b'), institutionId: schoolB.id });
    const all = await admin.get('/api/v1/invitations');
    expect(all.status).toBe(200);
    expect(all.body.items.map((i: { id: string }) => i.id)).toEqual(expect.arrayContaining([inA.id, inB.id]));
    expect(JSON.stringify(all.body)).not.toContain('acceptUrl');

    const lead = await leadA.get('/api/v1/invitations');
    expect(lead.status).toBe(200);
    const leadIds = lead.body.items.map((i: { id: string }) => i.id);
    expect(leadIds).toContain(inA.id);
    expect(leadIds).not.toContain(inB.id);
    expect(lead.body.items.every((i: { institutionId: string }) => i.institutionId === schoolA.id)).toBe(true);
  });

  it('answers 404 to a lead asking for another school’s invitations (out of scope), and 403 to a plain member', async () => {
    const other = await leadA.get(`/api/v1/invitations?institutionId=${schoolB.id}`);
    expect(other.status).toBe(404);
    expect(other.body.items).toBeUndefined();
    expect((await memberA.get('/api/v1/invitations')).status).toBe(403);
  });

  it('refuses a school lead revoking another school’s invitation (404) and leaves it pending', async () => {
    const inB = await invite(admin, { email: uniqueEmail('revoke-b'), institutionId: schoolB.id });
    expect((await leadA.delete(`/api/v1/invitations/${inB.id}`)).status).toBe(404);
    expect((await request(t.url).get(`/api/v1/invitations/${inB.token}`)).status).toBe(200);
  });
});
