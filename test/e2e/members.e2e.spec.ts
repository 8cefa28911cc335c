import { randomUUID } from 'node:crypto';
import { buildCohort, buildInstitution, buildUser } from '@app/testing';
import { personSignedIn, startTestApp, type Client, type TestApp } from '../support/test-app';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

interface MemberItem {
  id: string;
  displayName: string;
  email?: string;
  status?: string;
}

describe('member directory', () => {
  let t: TestApp;
  let schoolA: { id: string; name: string };
  let schoolB: { id: string; name: string };
  let admin: Client;
  let facilitator: Client;
  let leadA: Client;
  let leadB: Client;
  let memberA: Client;
  let memberB: Client;

  beforeAll(async () => {
    t = await startTestApp();
    schoolA = await buildInstitution(t.db);
    schoolB = await buildInstitution(t.db);
    admin = (await personSignedIn(t, { platformRole: 'admin' })).client;
    facilitator = (await personSignedIn(t, { platformRole: 'facilitator' })).client;
    leadA = (await personSignedIn(t, { institutionId: schoolA.id, schoolLead: true })).client;
    leadB = (await personSignedIn(t, { institutionId: schoolB.id, schoolLead: true })).client;
    memberA = (await personSignedIn(t, { institutionId: schoolA.id })).client;
    memberB = (await personSignedIn(t, { institutionId: schoolB.id })).client;
  });
  afterAll(() => t.close());

  const names = (body: { items: MemberItem[] }) => body.items.map((m) => m.displayName);
  const tag = () => randomUUID().slice(0, 8);

  async function listNames(client: Client, query: string): Promise<string[]> {
    const response = await client.get(`/api/v1/members?${query}`);
    expect(response.status).toBe(200);
    return names(response.body);
  }

  /** Follows nextCursor to the end; `between` runs after each page. */
  async function walk(client: Client, query: string, limit: number, between?: (page: number) => Promise<void>) {
    const seen: MemberItem[] = [];
    let cursor: string | null = null;
    let page = 0;
    do {
      const cursorPart: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const response = await client.get(`/api/v1/members?${query}&limit=${limit}${cursorPart}`);
      expect(response.status).toBe(200);
      expect(response.body.items.length).toBeLessThanOrEqual(limit);
      seen.push(...response.body.items);
      cursor = response.body.nextCursor;
      page += 1;
      if (between) await between(page);
    } while (cursor && page < 50);
    return seen;
  }

  describe('listing and filters', () => {
    it('lists active people of every school, ordered by name ignoring case', async () => {
      const k = tag();
      await buildUser(t.db, { institutionId: schoolA.id, displayName: `carla ${k}` });
      await buildUser(t.db, { institutionId: schoolB.id, displayName: `Alice ${k}` });
      await buildUser(t.db, { displayName: `Bob ${k}` });
      await buildUser(t.db, { institutionId: schoolA.id, displayName: `Aaron ${k}`, status: 'deactivated' });
      const response = await memberA.get(`/api/v1/members?q=${k}`);
      expect(names(response.body)).toEqual([`Alice ${k}`, `Bob ${k}`, `carla ${k}`]);
      expect(response.body.items[0].institution).toEqual({ id: schoolB.id, name: schoolB.name });
      expect(response.body.items[1].institution).toBeNull();
      expect(response.body.nextCursor).toBeNull();
    });

    it('matches q against names and expertise, ignoring case', async () => {
      const school = await buildInstitution(t.db);
      await buildUser(t.db, { institutionId: school.id, displayName: 'Nadia Okafor', expertise: ['Curriculum design'] });
      await buildUser(t.db, { institutionId: school.id, displayName: 'Tomás Reyes', expertise: ['Implicit bias', 'Assessment'] });
      const base = `institutionId=${school.id}`;
      expect(await listNames(memberA, `${base}&q=OKAF`)).toEqual(['Nadia Okafor']);
      expect(await listNames(memberA, `${base}&q=implicit`)).toEqual(['Tomás Reyes']);
      expect(await listNames(memberA, `${base}&q=${encodeURIComponent('curriculum DESIGN')}`)).toEqual(['Nadia Okafor']);
      expect(await listNames(memberA, `${base}&q=zzz`)).toEqual([]);
    });

    it('treats % and _ and \\ in q as literal characters, not patterns', async () => {
      const school = await buildInstitution(t.db);
      for (const displayName of ['100% Ally', 'Ally One', 'snake_case', 'snakeXcase', 'Back\\slash']) {
        await buildUser(t.db, { institutionId: school.id, displayName });
      }
      const base = `institutionId=${school.id}`;
      expect(await listNames(memberA, `${base}&q=${encodeURIComponent('%')}`)).toEqual(['100% Ally']);
      expect(await listNames(memberA, `${base}&q=${encodeURIComponent('e_c')}`)).toEqual(['snake_case']);
      expect(await listNames(memberA, `${base}&q=${encodeURIComponent('\\')}`)).toEqual(['Back\\slash']);
    });

    it('filters by school, school role, cohort and exact expertise (ignoring case)', async () => {
      const school = await buildInstitution(t.db);
      const cohort = await buildCohort(t.db, school.id);
      await buildUser(t.db, {
        institutionId: school.id,
        displayName: 'Ana Faculty',
        schoolRole: 'faculty',
        expertise: ['Curriculum'],
      });
      await buildUser(t.db, {
        institutionId: school.id,
        displayName: 'Ben Student',
        schoolRole: 'student',
        expertise: ['Curriculum design'],
        cohortIds: [cohort.id],
      });
      await buildUser(t.db, {
        institutionId: school.id,
        displayName: 'Cy Staff',
        schoolRole: 'staff',
        expertise: ['curriculum'],
      });
      const lead = await personSignedIn(t, { institutionId: school.id, schoolLead: true, displayName: 'Di Lead' });
      const base = `institutionId=${school.id}`;

      expect(await listNames(lead.client, base)).toEqual(['Ana Faculty', 'Ben Student', 'Cy Staff', 'Di Lead']);
      expect(await listNames(lead.client, `${base}&schoolRole=student`)).toEqual(['Ben Student']);
      expect(await listNames(lead.client, `cohortId=${cohort.id}`)).toEqual(['Ben Student']);
      expect(await listNames(lead.client, `${base}&expertise=CURRICULUM`)).toEqual(['Ana Faculty', 'Cy Staff']);
      expect(await listNames(lead.client, `${base}&expertise=curriculum&schoolRole=staff`)).toEqual(['Cy Staff']);
    });

    it('answers 404 for a school filter naming no school', async () => {
      expect((await memberA.get(`/api/v1/members?institutionId=${UNKNOWN_ID}`)).status).toBe(404);
    });

    it('answers 404, the same as for a missing cohort, when filtering by a cohort the caller cannot see', async () => {
      const hiddenCohort = await buildCohort(t.db, schoolB.id);
      await buildUser(t.db, { institutionId: schoolB.id, cohortIds: [hiddenCohort.id] });
      const hidden = await memberA.get(`/api/v1/members?cohortId=${hiddenCohort.id}`);
      expect(hidden.status).toBe(404);
      const missing = await memberA.get(`/api/v1/members?cohortId=${UNKNOWN_ID}`);
      expect({ ...hidden.body, requestId: null }).toEqual({ ...missing.body, requestId: null });
      expect((await memberB.get(`/api/v1/members?cohortId=${hiddenCohort.id}`)).status).toBe(200);
    });
  });

  describe('cursor pagination', () => {
    it('walks every page with limit=2 without duplicates or omissions, including people with the same name', async () => {
      const school = await buildInstitution(t.db);
      for (const displayName of ['Kim Park', 'kim park', 'Kim Park', 'Aisha Bello', 'Zoe Ng', 'Luis Ortiz', 'Mei Lin']) {
        await buildUser(t.db, { institutionId: school.id, displayName });
      }
      const everyone = (await memberA.get(`/api/v1/members?institutionId=${school.id}&limit=100`)).body.items as MemberItem[];
      expect(everyone).toHaveLength(7);
      const walked = await walk(memberA, `institutionId=${school.id}`, 2);
      expect(walked.map((m) => m.id)).toEqual(everyone.map((m) => m.id));
      expect(new Set(walked.map((m) => m.id)).size).toBe(7);
    });

    it('keeps pages consistent when people join mid-walk: none repeated, none skipped', async () => {
      const school = await buildInstitution(t.db);
      for (const displayName of ['Bea', 'Cal', 'Dev', 'Eve', 'Fay', 'Gus'])
        await buildUser(t.db, { institutionId: school.id, displayName });
      const original = (await memberA.get(`/api/v1/members?institutionId=${school.id}`)).body.items as MemberItem[];

      const walked = await walk(memberA, `institutionId=${school.id}`, 2, async (page) => {
        if (page !== 1) return;
        // One joins before the pages already read, one after: only the latter can still appear.
        await buildUser(t.db, { institutionId: school.id, displayName: 'Abe' });
        await buildUser(t.db, { institutionId: school.id, displayName: 'Zed' });
      });
      expect(walked.map((m) => m.displayName)).toEqual(['Bea', 'Cal', 'Dev', 'Eve', 'Fay', 'Gus', 'Zed']);
      expect(walked.slice(0, 6).map((m) => m.id)).toEqual(original.map((m) => m.id));
    });

    it('pages through names with letters outside ASCII without losing anyone', async () => {
      const school = await buildInstitution(t.db);
      const people = [
        'İlknur Aydın',
        'Ivan Petrov',
        'Ines Duarte',
        'ilse Berg',
        'Ömer Kaya',
        'Élodie Martin',
        'Zoë Smith',
        'Olga Lind',
      ];
      for (const displayName of people) await buildUser(t.db, { institutionId: school.id, displayName });
      const everyone = (await memberA.get(`/api/v1/members?institutionId=${school.id}&limit=100`)).body.items as MemberItem[];
      expect(everyone).toHaveLength(people.length);
      for (const limit of [1, 2, 3]) {
        const walked = await walk(memberA, `institutionId=${school.id}`, limit);
        expect(walked.map((m) => m.displayName)).toEqual(everyone.map((m) => m.displayName));
      }
    });

    it('refuses a tampered cursor with 400, not 500', async () => {
      const notAnId = Buffer.from(JSON.stringify(['kim park', 'not-a-uuid'])).toString('base64url');
      for (const cursor of ['%%%', 'bm90IGpzb24', notAnId]) {
        const response = await memberA.get(`/api/v1/members?cursor=${encodeURIComponent(cursor)}`);
        expect(response.status).toBe(400);
        expect(response.body.code).toBe('VALIDATION_FAILED');
      }
    });

    it.each(['0', '101', 'ten'])('refuses limit=%s with 400 VALIDATION_FAILED', async (limit) => {
      const response = await memberA.get(`/api/v1/members?limit=${limit}`);
      expect(response.status).toBe(400);
      expect(response.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'limit' })]));
    });
  });

  describe('private fields', () => {
    let person: { id: string; email: string; client: Client };
    beforeAll(async () => {
      person = await personSignedIn(t, { institutionId: schoolA.id, displayName: `Private ${tag()}` });
    });

    it.each([
      ['the person themself', () => person.client],
      ['an admin', () => admin],
      ["the person's school lead", () => leadA],
    ])('shows email and status to %s', async (_who, client) => {
      const response = await client().get(`/api/v1/members/${person.id}`);
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ email: person.email, status: 'active' });
      const listed = (await client().get(`/api/v1/members?institutionId=${schoolA.id}&limit=100`)).body.items as MemberItem[];
      expect(listed.find((m) => m.id === person.id)).toMatchObject({ email: person.email, status: 'active' });
    });

    it.each([
      ['a member of another school', () => memberB],
      ['the lead of another school', () => leadB],
      ['a member of the same school', () => memberA],
      ['a facilitator', () => facilitator],
    ])('hides email and status from %s, in the profile and in the list', async (_who, client) => {
      const response = await client().get(`/api/v1/members/${person.id}`);
      expect(response.status).toBe(200);
      expect(response.body).not.toHaveProperty('email');
      expect(response.body).not.toHaveProperty('status');
      const list = await client().get(`/api/v1/members?institutionId=${schoolA.id}&limit=100`);
      const listed = (list.body.items as MemberItem[]).find((m) => m.id === person.id);
      expect(listed).toBeDefined();
      expect(listed).not.toHaveProperty('email');
      expect(listed).not.toHaveProperty('status');
      expect(JSON.stringify(list.body)).not.toContain(person.email);
    });
  });

  describe('deactivated people', () => {
    let gone: { id: string; email: string };
    beforeAll(async () => {
      gone = await buildUser(t.db, { institutionId: schoolA.id, displayName: `Gone ${tag()}`, status: 'deactivated' });
    });

    it.each([
      ['a member of the same school', () => memberA],
      ['a member of another school', () => memberB],
      ['the lead of another school', () => leadB],
      ['a facilitator', () => facilitator],
    ])('are hidden from %s: absent from the list and 404 by id', async (_who, client) => {
      const list = await client().get(`/api/v1/members?institutionId=${schoolA.id}&limit=100`);
      expect(list.body.items.map((m: MemberItem) => m.id)).not.toContain(gone.id);
      const response = await client().get(`/api/v1/members/${gone.id}`);
      expect(response.status).toBe(404);
      expect(response.body.code).toBe('NOT_FOUND');
    });

    it.each([
      ['an admin', () => admin],
      ["their school's lead", () => leadA],
    ])('are visible to %s, marked deactivated', async (_who, client) => {
      const list = await client().get(`/api/v1/members?institutionId=${schoolA.id}&limit=100`);
      expect(list.body.items.find((m: MemberItem) => m.id === gone.id)).toMatchObject({
        status: 'deactivated',
        email: gone.email,
      });
      const response = await client().get(`/api/v1/members/${gone.id}`);
      expect(response.status).toBe(200);
      expect(response.body.status).toBe('deactivated');
    });
  });

  describe('changing roles', () => {
    it('refuses a school lead changing a platform role with 403, and lets an admin do it', async () => {
      const person = await buildUser(t.db, { institutionId: schoolA.id });
      const byLead = await leadA.patch(`/api/v1/members/${person.id}`, { platformRole: 'admin' });
      expect(byLead.status).toBe(403);
      const [unchanged] = await t.db.query('SELECT platform_role FROM app_user WHERE id = $1', [person.id]);
      expect(unchanged.platform_role).toBe('member');

      const byAdmin = await admin.patch(`/api/v1/members/${person.id}`, { platformRole: 'facilitator' });
      expect(byAdmin.status).toBe(200);
      expect(byAdmin.body.platformRole).toBe('facilitator');
      const audit = await t.db.query('SELECT data FROM audit_entry WHERE action = $1 AND target_id = $2', [
        'member.roles',
        person.id,
      ]);
      expect(audit).toEqual([{ data: { platformRole: 'facilitator' } }]);
    });

    it("lets a school lead make a person of their own school a lead, who gains the lead's view at once", async () => {
      const person = await personSignedIn(t, { institutionId: schoolA.id });
      const colleague = await buildUser(t.db, { institutionId: schoolA.id });
      expect((await person.client.get(`/api/v1/members/${colleague.id}`)).body).not.toHaveProperty('email');
      const response = await leadA.patch(`/api/v1/members/${person.id}`, { schoolLead: true });
      expect(response.status).toBe(200);
      expect(response.body.schoolLead).toBe(true);
      expect((await person.client.get(`/api/v1/members/${colleague.id}`)).body.email).toBe(colleague.email);
    });

    it('refuses the lead of another school setting schoolLead with 403', async () => {
      const person = await buildUser(t.db, { institutionId: schoolA.id });
      expect((await leadB.patch(`/api/v1/members/${person.id}`, { schoolLead: true })).status).toBe(403);
      expect((await memberA.patch(`/api/v1/members/${person.id}`, { schoolLead: true })).status).toBe(403);
      const [row] = await t.db.query('SELECT school_lead FROM app_user WHERE id = $1', [person.id]);
      expect(row.school_lead).toBe(false);
    });

    it('refuses making a person without a school a school lead', async () => {
      const person = await buildUser(t.db);
      expect((await admin.patch(`/api/v1/members/${person.id}`, { schoolLead: true })).status).toBe(403);
    });

    it('answers 404 for an unknown member id', async () => {
      expect((await memberA.get(`/api/v1/members/${UNKNOWN_ID}`)).status).toBe(404);
      expect((await admin.patch(`/api/v1/members/${UNKNOWN_ID}`, { platformRole: 'member' })).status).toBe(404);
    });
  });
});
