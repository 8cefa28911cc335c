import request from 'supertest';
import { buildCohort, buildInstitution, buildUser } from '@app/testing';
import { Client, personSignedIn, startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
let schoolA: { id: string; name: string };
let schoolB: { id: string; name: string };
let cohortA: { id: string; name: string };
let admin: Client;
let leadA: Client;
let memberA: Client;

beforeAll(async () => {
  t = await startTestApp();
  schoolA = await buildInstitution(t.db, { name: 'Lakeside Medical School' });
  schoolB = await buildInstitution(t.db, { name: 'Hillcrest Medical School' });
  cohortA = await buildCohort(t.db, schoolA.id, { name: 'Class of 2028' });
  // Same kind of name in another school: a cohort is looked up only within the school being invited to.
  await buildCohort(t.db, schoolB.id, { name: 'Class of 2030' });
  admin = (await personSignedIn(t, { platformRole: 'admin' })).client;
  leadA = (await personSignedIn(t, { institutionId: schoolA.id, schoolLead: true })).client;
  memberA = (await personSignedIn(t, { institutionId: schoolA.id })).client;
});
afterAll(() => t.close());

interface BulkRow {
  row: number;
  email: string;
  status: 'created' | 'rejected';
  code?: string;
  message?: string;
  acceptUrl?: string;
}

const bulk = (by: Client, institutionId: string, csv: string) => by.post('/api/v1/invitations/bulk', { institutionId, csv });
const invitationCount = async () => (await t.db.query('SELECT count(*)::int AS n FROM invitation'))[0].n as number;
const invitationsFor = async (emails: string[]) =>
  (await t.db.query('SELECT count(*)::int AS n FROM invitation WHERE email = ANY($1)', [emails]))[0].n as number;

describe('bulk invitations from CSV', () => {
  it('reports every row with its status and code, creates the good rows and writes nothing for the rejected ones', async () => {
    const existing = await buildUser(t.db, { email: 'already.here@example.test' });
    const csv = [
      'email,name,school_role,cohort',
      'amara.obi@example.test,Amara Obi,student,Class of 2028',
      'not-an-email,Bad Email,student,',
      'ben.roe@example.test,Ben Roe,janitor,',
      'cleo.ng@example.test,Cleo Ng,faculty,Class of 2030',
      'AMARA.OBI@example.test,Amara Again,student,',
      `${existing.email},Already Here,staff,`,
      'dana.ito@example.test,Dana Ito,,',
      'eli.park@example.test,Eli Park,Faculty,class of 2028',
      'nora.vu@example.test,,student,',
    ].join('\n');
    const before = await invitationCount();

    const response = await bulk(admin, schoolA.id, csv);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ created: 3, rejected: 6 });
    const rows = response.body.rows as BulkRow[];
    expect(rows.map(({ row, email, status, code }) => ({ row, email, status, code }))).toEqual([
      { row: 2, email: 'amara.obi@example.test', status: 'created', code: undefined },
      { row: 3, email: 'not-an-email', status: 'rejected', code: 'INVALID_EMAIL' },
      { row: 4, email: 'ben.roe@example.test', status: 'rejected', code: 'INVALID_SCHOOL_ROLE' },
      { row: 5, email: 'cleo.ng@example.test', status: 'rejected', code: 'COHORT_NOT_FOUND' },
      { row: 6, email: 'amara.obi@example.test', status: 'rejected', code: 'DUPLICATE_ROW' },
      { row: 7, email: existing.email, status: 'rejected', code: 'EMAIL_TAKEN' },
      { row: 8, email: 'dana.ito@example.test', status: 'created', code: undefined },
      { row: 9, email: 'eli.park@example.test', status: 'created', code: undefined },
      { row: 10, email: 'nora.vu@example.test', status: 'rejected', code: 'NAME_REQUIRED' },
    ]);
    for (const row of rows) {
      if (row.status === 'created') expect(row.acceptUrl).toMatch(new RegExp(`^${t.config.publicUrl}/invite/inv_`));
      else expect(row.acceptUrl).toBeUndefined();
      if (row.status === 'rejected') expect(row.message).toEqual(expect.any(String));
    }

    expect(await invitationCount()).toBe(before + 3);
    expect(
      await invitationsFor([
        'not-an-email',
        'ben.roe@example.test',
        'cleo.ng@example.test',
        existing.email,
        'nora.vu@example.test',
      ]),
    ).toBe(0);
    const created = await t.db.query(
      `SELECT email, display_name, school_role, cohort_id, institution_id, platform_role, status
       FROM invitation WHERE email = ANY($1) ORDER BY email`,
      [['amara.obi@example.test', 'dana.ito@example.test', 'eli.park@example.test']],
    );
    expect(created).toEqual([
      {
        email: 'amara.obi@example.test',
        display_name: 'Amara Obi',
        school_role: 'student',
        cohort_id: cohortA.id,
        institution_id: schoolA.id,
        platform_role: 'member',
        status: 'pending',
      },
      {
        email: 'dana.ito@example.test',
        display_name: 'Dana Ito',
        school_role: null,
        cohort_id: null,
        institution_id: schoolA.id,
        platform_role: 'member',
        status: 'pending',
      },
      {
        email: 'eli.park@example.test',
        display_name: 'Eli Park',
        school_role: 'faculty',
        cohort_id: cohortA.id,
        institution_id: schoolA.id,
        platform_role: 'member',
        status: 'pending',
      },
    ]);

    const token = rows[0].acceptUrl!.split('/invite/')[1];
    const preview = await request(t.url).get(`/api/v1/invitations/${token}`);
    expect(preview.body).toMatchObject({ email: 'amara.obi@example.test', cohort: { id: cohortA.id } });
  });

  it('rejects a row whose email already has a pending invitation with INVITATION_PENDING', async () => {
    const first = await bulk(admin, schoolA.id, 'email,name\nfay.lin@example.test,Fay Lin');
    expect(first.body.created).toBe(1);
    const second = await bulk(admin, schoolA.id, 'email,name\nfay.lin@example.test,Fay Lin');
    expect(second.status).toBe(200);
    expect(second.body.rows).toEqual([expect.objectContaining({ row: 2, status: 'rejected', code: 'INVITATION_PENDING' })]);
    expect(await invitationsFor(['fay.lin@example.test'])).toBe(1);
  });

  it('refuses a CSV without an email column with 400 INVALID_CSV and writes nothing', async () => {
    const before = await invitationCount();
    const response = await bulk(admin, schoolA.id, 'name,school_role\nGus Hale,student');
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('INVALID_CSV');
    expect(response.body.message).toContain('email');
    expect(await invitationCount()).toBe(before);
  });

  it('refuses a CSV with an unknown column with 400 INVALID_CSV and writes nothing', async () => {
    const before = await invitationCount();
    const response = await bulk(admin, schoolA.id, 'email,name,platform_role\nhal.ek@example.test,Hal Ek,admin');
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('INVALID_CSV');
    expect(response.body.message).toContain('platform_role');
    expect(await invitationCount()).toBe(before);
    expect(await invitationsFor(['hal.ek@example.test'])).toBe(0);
  });

  it('refuses a CSV with only a header, or with a row of the wrong width, with 400 INVALID_CSV', async () => {
    const before = await invitationCount();
    for (const csv of ['email,name', 'email,name\nivy.qu@example.test,Ivy Qu,extra']) {
      const response = await bulk(admin, schoolA.id, csv);
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('INVALID_CSV');
    }
    expect(await invitationCount()).toBe(before);
  });

  it('reads quoted fields that contain commas', async () => {
    const response = await bulk(
      admin,
      schoolA.id,
      'email,name,school_role,cohort\njon.okafor@example.test,"Okafor, Jon",staff,"Class of 2028"',
    );
    expect(response.status).toBe(200);
    expect(response.body.rows).toEqual([expect.objectContaining({ status: 'created', email: 'jon.okafor@example.test' })]);
    const [row] = await t.db.query('SELECT display_name, cohort_id FROM invitation WHERE email = $1', [
      'jon.okafor@example.test',
    ]);
    expect(row).toEqual({ display_name: 'Okafor, Jon', cohort_id: cohortA.id });
  });

  it('reads a CSV that starts with a byte-order mark (as spreadsheet exports do)', async () => {
    const response = await bulk(admin, schoolA.id, '\uFEFFemail,name\r\nkim.bo@example.test,Kim Bo\r\n');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ created: 1, rejected: 0 });
    expect(await invitationsFor(['kim.bo@example.test'])).toBe(1);
  });
});

describe('who may bulk-invite', () => {
  it('lets a school lead bulk-invite to their own school', async () => {
    const response = await bulk(leadA, schoolA.id, 'email,name,cohort\nlea.mo@example.test,Lea Mo,Class of 2028');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ created: 1, rejected: 0 });
    const [row] = await t.db.query('SELECT institution_id, cohort_id FROM invitation WHERE email = $1', ['lea.mo@example.test']);
    expect(row).toEqual({ institution_id: schoolA.id, cohort_id: cohortA.id });
  });

  it('refuses a school lead bulk-inviting to another school with 403 and writes nothing', async () => {
    const before = await invitationCount();
    const response = await bulk(leadA, schoolB.id, 'email,name\nmax.re@example.test,Max Re');
    expect(response.status).toBe(403);
    expect(await invitationCount()).toBe(before);
  });

  it('refuses a plain member with 403 and writes nothing', async () => {
    const before = await invitationCount();
    const response = await bulk(memberA, schoolA.id, 'email,name\nned.su@example.test,Ned Su');
    expect(response.status).toBe(403);
    expect(await invitationCount()).toBe(before);
  });
});
