import { buildCohort, buildInstitution, buildUser } from '@app/testing';
import { personSignedIn, startTestApp, type Client, type TestApp } from '../support/test-app';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

describe('cohorts', () => {
  let t: TestApp;
  let schoolA: { id: string };
  let schoolB: { id: string };
  let admin: Client;
  let facilitator: Client;
  let leadA: Client;
  let memberA: Client;
  let cohortA: { id: string; name: string };
  let cohortB: { id: string; name: string };

  beforeAll(async () => {
    t = await startTestApp();
    schoolA = await buildInstitution(t.db);
    schoolB = await buildInstitution(t.db);
    cohortA = await buildCohort(t.db, schoolA.id, { name: 'Class of 2027' });
    cohortB = await buildCohort(t.db, schoolB.id, { name: 'Class of 2028' });
    admin = (await personSignedIn(t, { platformRole: 'admin' })).client;
    facilitator = (await personSignedIn(t, { platformRole: 'facilitator' })).client;
    leadA = (await personSignedIn(t, { institutionId: schoolA.id, schoolLead: true })).client;
    memberA = (await personSignedIn(t, { institutionId: schoolA.id })).client;
  });
  afterAll(() => t.close());

  const ids = (body: { items: { id: string }[] }) => body.items.map((c) => c.id);

  describe('create, update and delete', () => {
    it('lets an admin create, rename and delete a cohort of any school', async () => {
      const created = await admin.post('/api/v1/cohorts', {
        institutionId: schoolB.id,
        name: ' Admin cohort ',
        programYear: 2026,
      });
      expect(created.status).toBe(201);
      expect(created.body).toEqual({
        id: expect.any(String),
        name: 'Admin cohort',
        programYear: 2026,
        institutionId: schoolB.id,
      });

      const updated = await admin.patch(`/api/v1/cohorts/${created.body.id}`, {
        name: 'Admin cohort (renamed)',
        programYear: 2027,
      });
      expect(updated.status).toBe(200);
      expect(updated.body).toMatchObject({ name: 'Admin cohort (renamed)', programYear: 2027 });

      expect((await admin.delete(`/api/v1/cohorts/${created.body.id}`)).status).toBe(204);
      expect((await admin.get(`/api/v1/cohorts/${created.body.id}`)).status).toBe(404);
    });

    it("lets a school lead create, rename and delete their own school's cohorts", async () => {
      const created = await leadA.post('/api/v1/cohorts', { institutionId: schoolA.id, name: 'Lead cohort', programYear: 2029 });
      expect(created.status).toBe(201);
      const updated = await leadA.patch(`/api/v1/cohorts/${created.body.id}`, { programYear: 2030 });
      expect(updated.status).toBe(200);
      expect(updated.body).toMatchObject({ name: 'Lead cohort', programYear: 2030 });
      expect((await leadA.delete(`/api/v1/cohorts/${created.body.id}`)).status).toBe(204);
    });

    it('refuses a school lead creating a cohort in another school with 403 and writes nothing', async () => {
      const response = await leadA.post('/api/v1/cohorts', {
        institutionId: schoolB.id,
        name: 'Intruder cohort',
        programYear: 2026,
      });
      expect(response.status).toBe(403);
      expect(await t.db.query('SELECT 1 FROM cohort WHERE name = $1', ['Intruder cohort'])).toHaveLength(0);
    });

    it("answers 404, not 403, when a school lead edits or deletes another school's cohort", async () => {
      // The cohort is invisible to them, so even the attempt must not confirm that it exists.
      expect((await leadA.patch(`/api/v1/cohorts/${cohortB.id}`, { name: 'Hijacked' })).status).toBe(404);
      expect((await leadA.delete(`/api/v1/cohorts/${cohortB.id}`)).status).toBe(404);
      const [row] = await t.db.query('SELECT name FROM cohort WHERE id = $1', [cohortB.id]);
      expect(row.name).toBe(cohortB.name);
    });

    it("refuses a plain member managing their own school's cohorts with 403", async () => {
      expect(
        (await memberA.post('/api/v1/cohorts', { institutionId: schoolA.id, name: 'By a member', programYear: 2026 })).status,
      ).toBe(403);
      expect((await memberA.patch(`/api/v1/cohorts/${cohortA.id}`, { name: 'By a member' })).status).toBe(403);
      expect((await memberA.delete(`/api/v1/cohorts/${cohortA.id}`)).status).toBe(403);
      expect(
        (await facilitator.post('/api/v1/cohorts', { institutionId: schoolA.id, name: 'By a facilitator', programYear: 2026 }))
          .status,
      ).toBe(403);
    });

    it('refuses a cohort name the school already has, ignoring case, with 409 NAME_TAKEN', async () => {
      const response = await leadA.post('/api/v1/cohorts', {
        institutionId: schoolA.id,
        name: 'CLASS OF 2027',
        programYear: 2027,
      });
      expect(response.status).toBe(409);
      expect(response.body.code).toBe('NAME_TAKEN');
      const rename = await admin.post('/api/v1/cohorts', { institutionId: schoolA.id, name: 'Spare', programYear: 2027 });
      const clash = await admin.patch(`/api/v1/cohorts/${rename.body.id}`, { name: 'class of 2027' });
      expect(clash.status).toBe(409);
      expect(clash.body.code).toBe('NAME_TAKEN');
    });

    it('allows the same cohort name in two different schools', async () => {
      const response = await admin.post('/api/v1/cohorts', { institutionId: schoolB.id, name: cohortA.name, programYear: 2027 });
      expect(response.status).toBe(201);
    });

    it('answers 404 for a cohort in a school that does not exist', async () => {
      const response = await admin.post('/api/v1/cohorts', { institutionId: UNKNOWN_ID, name: 'Nowhere', programYear: 2026 });
      expect(response.status).toBe(404);
    });

    it('leaves an audit entry for each write, naming who did it', async () => {
      const lead = await personSignedIn(t, { institutionId: schoolA.id, schoolLead: true });
      const created = await lead.client.post('/api/v1/cohorts', {
        institutionId: schoolA.id,
        name: 'Audited cohort',
        programYear: 2026,
      });
      await lead.client.patch(`/api/v1/cohorts/${created.body.id}`, { programYear: 2027 }).expect(200);
      const rows = await t.db.query(
        'SELECT action, actor_id AS "actorId" FROM audit_entry WHERE target_type = $1 AND target_id = $2 ORDER BY id',
        ['cohort', created.body.id],
      );
      expect(rows).toEqual([
        { action: 'cohort.create', actorId: lead.id },
        { action: 'cohort.update', actorId: lead.id },
      ]);
    });
  });

  describe('visibility', () => {
    it("shows a member their own school's cohorts and never another school's", async () => {
      const list = await memberA.get('/api/v1/cohorts');
      expect(list.status).toBe(200);
      expect(ids(list.body)).toContain(cohortA.id);
      expect(ids(list.body)).not.toContain(cohortB.id);
      expect(list.body.items.every((c: { institutionId: string }) => c.institutionId === schoolA.id)).toBe(true);
      const filtered = await memberA.get(`/api/v1/cohorts?institutionId=${schoolB.id}`);
      expect(filtered.body.items).toEqual([]);
    });

    it('returns 404, not 403, for a cohort of another school', async () => {
      const response = await memberA.get(`/api/v1/cohorts/${cohortB.id}`);
      expect(response.status).toBe(404);
      expect(response.body.code).toBe('NOT_FOUND');
      expect(response.body.message).not.toContain(cohortB.name);
      expect((await memberA.get(`/api/v1/cohorts/${cohortB.id}/members`)).status).toBe(404);
    });

    it('answers exactly the same for an existing cohort of another school as for one that does not exist', async () => {
      const hidden = await memberA.get(`/api/v1/cohorts/${cohortB.id}`);
      const missing = await memberA.get(`/api/v1/cohorts/${UNKNOWN_ID}`);
      expect({ ...hidden.body, requestId: null }).toEqual({ ...missing.body, requestId: null });
    });

    it('shows a member a cohort of their own school', async () => {
      const response = await memberA.get(`/api/v1/cohorts/${cohortA.id}`);
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ id: cohortA.id, name: 'Class of 2027', institutionId: schoolA.id });
    });

    it('shows a facilitator and an admin the cohorts of every school', async () => {
      for (const client of [facilitator, admin]) {
        const list = await client.get('/api/v1/cohorts');
        expect(ids(list.body)).toEqual(expect.arrayContaining([cohortA.id, cohortB.id]));
        expect((await client.get(`/api/v1/cohorts/${cohortB.id}`)).status).toBe(200);
      }
    });

    it('shows a person without a school no school cohorts', async () => {
      const unaffiliated = await personSignedIn(t);
      const list = await unaffiliated.client.get('/api/v1/cohorts');
      expect(list.body.items).toEqual([]);
      expect((await unaffiliated.client.get(`/api/v1/cohorts/${cohortA.id}`)).status).toBe(404);
    });
  });

  describe('membership', () => {
    it('adds and removes a person of the school, and the member count follows', async () => {
      const cohort = await buildCohort(t.db, schoolA.id);
      const person = await buildUser(t.db, { institutionId: schoolA.id });
      expect((await leadA.post(`/api/v1/cohorts/${cohort.id}/members`, { userId: person.id })).status).toBe(204);
      // Adding twice is harmless.
      expect((await leadA.post(`/api/v1/cohorts/${cohort.id}/members`, { userId: person.id })).status).toBe(204);
      const listed = (await memberA.get('/api/v1/cohorts')).body.items.find((c: { id: string }) => c.id === cohort.id);
      expect(listed.memberCount).toBe(1);

      const audit = await t.db.query('SELECT data FROM audit_entry WHERE action = $1 AND target_id = $2', [
        'cohort.member.add',
        cohort.id,
      ]);
      expect(audit[0].data).toEqual({ userId: person.id });

      expect((await leadA.delete(`/api/v1/cohorts/${cohort.id}/members/${person.id}`)).status).toBe(204);
      const removedAgain = await leadA.delete(`/api/v1/cohorts/${cohort.id}/members/${person.id}`);
      expect(removedAgain.status).toBe(404);
      expect(await t.db.query('SELECT 1 FROM cohort_member WHERE cohort_id = $1', [cohort.id])).toHaveLength(0);
    });

    it('refuses a person of another school with 400 NOT_IN_SCHOOL', async () => {
      const outsider = await buildUser(t.db, { institutionId: schoolB.id });
      const response = await admin.post(`/api/v1/cohorts/${cohortA.id}/members`, { userId: outsider.id });
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('NOT_IN_SCHOOL');
      expect(await t.db.query('SELECT 1 FROM cohort_member WHERE user_id = $1', [outsider.id])).toHaveLength(0);
    });

    it('answers 404 for a person who does not exist', async () => {
      const response = await admin.post(`/api/v1/cohorts/${cohortA.id}/members`, { userId: UNKNOWN_ID });
      expect(response.status).toBe(404);
    });

    it('refuses a plain member adding people with 403', async () => {
      const person = await buildUser(t.db, { institutionId: schoolA.id });
      expect((await memberA.post(`/api/v1/cohorts/${cohortA.id}/members`, { userId: person.id })).status).toBe(403);
    });

    it('lists the members of a cohort, by name, one cursor page at a time', async () => {
      const cohort = await buildCohort(t.db, schoolA.id);
      const names = ['Dana Cohort', 'ahmed Cohort', 'Chen Cohort', 'Bea Cohort', 'Eli Cohort'];
      for (const displayName of names) await buildUser(t.db, { institutionId: schoolA.id, displayName, cohortIds: [cohort.id] });
      await buildUser(t.db, { institutionId: schoolA.id, displayName: 'Not in the cohort' });

      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const query: string = cursor ? `?limit=2&cursor=${encodeURIComponent(cursor)}` : '?limit=2';
        const page = await memberA.get(`/api/v1/cohorts/${cohort.id}/members${query}`);
        expect(page.status).toBe(200);
        expect(page.body.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.body.items.map((m: { displayName: string }) => m.displayName));
        cursor = page.body.nextCursor;
        pages += 1;
      } while (cursor && pages < 10);
      expect(seen).toEqual(['ahmed Cohort', 'Bea Cohort', 'Chen Cohort', 'Dana Cohort', 'Eli Cohort']);
      expect(pages).toBe(3);
    });
  });
});
