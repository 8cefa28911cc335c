import { buildCohort, buildGroup, buildInstitution, buildUser } from '@app/testing';
import { Client, personSignedIn, startTestApp, type TestApp } from '../support/test-app';

describe('institutions (schools)', () => {
  let t: TestApp;
  let admin: Client;
  let facilitator: Client;
  let schoolA: { id: string; name: string; slug: string };
  let schoolB: { id: string; name: string; slug: string };
  let leadA: Client;
  let memberA: Client;

  beforeAll(async () => {
    t = await startTestApp();
    schoolA = await buildInstitution(t.db);
    schoolB = await buildInstitution(t.db);
    admin = (await personSignedIn(t, { platformRole: 'admin' })).client;
    facilitator = (await personSignedIn(t, { platformRole: 'facilitator' })).client;
    leadA = (await personSignedIn(t, { institutionId: schoolA.id, schoolLead: true })).client;
    memberA = (await personSignedIn(t, { institutionId: schoolA.id })).client;
  });
  afterAll(() => t.close());

  describe('creating', () => {
    it('lets an admin create a school and derives the slug from the name when none is given', async () => {
      const response = await admin.post('/api/v1/institutions', {
        name: "  St. Mary's Médical School ",
        description: 'Founding member',
      });
      expect(response.status).toBe(201);
      expect(response.body).toEqual({
        id: expect.any(String),
        name: "St. Mary's Médical School",
        slug: 'st-mary-s-medical-school',
        description: 'Founding member',
        namedToPeers: false,
      });
      const fetched = await memberA.get(`/api/v1/institutions/${response.body.id}`);
      expect(fetched.status).toBe(200);
      expect(fetched.body.slug).toBe('st-mary-s-medical-school');
    });

    it('keeps a slug the admin chose', async () => {
      const response = await admin.post('/api/v1/institutions', { name: 'Northern College of Medicine', slug: 'ncm' });
      expect(response.status).toBe(201);
      expect(response.body.slug).toBe('ncm');
    });

    it('refuses a second school with the same name, ignoring case, with 409 NAME_TAKEN', async () => {
      await admin.post('/api/v1/institutions', { name: 'Lakeside Medical School', slug: 'lakeside' }).expect(201);
      const response = await admin.post('/api/v1/institutions', { name: 'LAKESIDE medical school', slug: 'lakeside-2' });
      expect(response.status).toBe(409);
      expect(response.body.code).toBe('NAME_TAKEN');
    });

    it('refuses a slug another school uses with 409 SLUG_TAKEN', async () => {
      await admin.post('/api/v1/institutions', { name: 'Riverside School of Medicine', slug: 'riverside' }).expect(201);
      const response = await admin.post('/api/v1/institutions', { name: 'Riverside Health Sciences', slug: 'riverside' });
      expect(response.status).toBe(409);
      expect(response.body.code).toBe('SLUG_TAKEN');
    });

    it('records who created a school in the audit log', async () => {
      const created = await admin.post('/api/v1/institutions', { name: 'Audited School' }).expect(201);
      const rows = await t.db.query('SELECT action, actor_id FROM audit_entry WHERE target_type = $1 AND target_id = $2', [
        'institution',
        created.body.id,
      ]);
      expect(rows).toEqual([{ action: 'institution.create', actor_id: expect.any(String) }]);
    });

    it.each([
      ['a school lead', () => leadA],
      ['a member', () => memberA],
      ['a facilitator', () => facilitator],
    ])('refuses school creation by %s with 403 and writes nothing', async (_who, client) => {
      const before = await countInstitutions();
      const response = await client().post('/api/v1/institutions', { name: `Not allowed ${Math.random()}` });
      expect(response.status).toBe(403);
      expect(response.body.code).toBe('FORBIDDEN');
      expect(await countInstitutions()).toBe(before);
    });
  });

  describe('listing', () => {
    it('shows every member all schools with their count of active people', async () => {
      const school = await buildInstitution(t.db, { name: 'Counted School' });
      await buildUser(t.db, { institutionId: school.id });
      await buildUser(t.db, { institutionId: school.id });
      await buildUser(t.db, { institutionId: school.id, status: 'deactivated' });
      const outsider = await personSignedIn(t, { institutionId: schoolB.id });

      const response = await outsider.client.get('/api/v1/institutions');
      expect(response.status).toBe(200);
      const ids = response.body.items.map((i: { id: string }) => i.id);
      expect(ids).toEqual(expect.arrayContaining([schoolA.id, schoolB.id, school.id]));
      expect(response.body.items.find((i: { id: string }) => i.id === school.id)).toEqual({
        id: school.id,
        name: 'Counted School',
        slug: school.slug,
        description: '',
        namedToPeers: false,
        memberCount: 2,
      });
    });

    it('answers 404 for a school that does not exist', async () => {
      const response = await memberA.get('/api/v1/institutions/00000000-0000-4000-8000-000000000000');
      expect(response.status).toBe(404);
      expect(response.body.code).toBe('NOT_FOUND');
    });

    it('requires sign-in', async () => {
      const response = await new Client(t.url).get('/api/v1/institutions');
      expect(response.status).toBe(401);
    });
  });

  describe('updating', () => {
    it("lets a school lead edit their own school's name and description", async () => {
      const newName = `${schoolA.name} (renamed)`;
      const response = await leadA.patch(`/api/v1/institutions/${schoolA.id}`, {
        name: newName,
        description: 'We lead on curriculum reform',
      });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        id: schoolA.id,
        name: newName,
        slug: schoolA.slug,
        description: 'We lead on curriculum reform',
      });
      schoolA.name = newName;
    });

    it('refuses a school lead editing another school with 403', async () => {
      const response = await leadA.patch(`/api/v1/institutions/${schoolB.id}`, { description: 'hijacked' });
      expect(response.status).toBe(403);
      const [row] = await t.db.query('SELECT description FROM institution WHERE id = $1', [schoolB.id]);
      expect(row.description).toBe('');
    });

    it('refuses a plain member editing their own school with 403', async () => {
      const response = await memberA.patch(`/api/v1/institutions/${schoolA.id}`, { description: 'by a member' });
      expect(response.status).toBe(403);
    });

    it('lets an admin rename any school, and refuses a name another school has with 409 NAME_TAKEN', async () => {
      const renamed = await admin.patch(`/api/v1/institutions/${schoolB.id}`, { name: 'Renamed School B' });
      expect(renamed.status).toBe(200);
      expect(renamed.body.name).toBe('Renamed School B');
      const clash = await admin.patch(`/api/v1/institutions/${schoolB.id}`, { name: schoolA.name.toUpperCase() });
      expect(clash.status).toBe(409);
      expect(clash.body.code).toBe('NAME_TAKEN');
    });

    it('accepts an empty patch and changes nothing', async () => {
      const response = await admin.patch(`/api/v1/institutions/${schoolA.id}`, {});
      expect(response.status).toBe(200);
      expect(response.body.id).toBe(schoolA.id);
    });
  });

  describe('deleting', () => {
    it.each([
      ['a school lead of that school', () => leadA],
      ['a member', () => memberA],
      ['a facilitator', () => facilitator],
    ])('refuses deletion by %s with 403', async (_who, client) => {
      const empty = await buildInstitution(t.db);
      const response = await client().delete(`/api/v1/institutions/${empty.id}`);
      expect(response.status).toBe(403);
      expect(await exists(empty.id)).toBe(true);
    });

    it('refuses to delete a school that still has people with 409 NOT_EMPTY', async () => {
      const school = await buildInstitution(t.db);
      await buildUser(t.db, { institutionId: school.id });
      const response = await admin.delete(`/api/v1/institutions/${school.id}`);
      expect(response.status).toBe(409);
      expect(response.body.code).toBe('NOT_EMPTY');
      expect(await exists(school.id)).toBe(true);
    });

    it('refuses to delete a school that still has a cohort with 409 NOT_EMPTY', async () => {
      const school = await buildInstitution(t.db);
      await buildCohort(t.db, school.id);
      const response = await admin.delete(`/api/v1/institutions/${school.id}`);
      expect(response.status).toBe(409);
      expect(response.body.code).toBe('NOT_EMPTY');
    });

    it('refuses to delete a school that still has a group with 409 NOT_EMPTY', async () => {
      const school = await buildInstitution(t.db);
      await buildGroup(t.db, { institutionId: school.id });
      const response = await admin.delete(`/api/v1/institutions/${school.id}`);
      expect(response.status).toBe(409);
      expect(response.body.code).toBe('NOT_EMPTY');
    });

    it('deletes an empty school (204), after which it is 404', async () => {
      const school = await buildInstitution(t.db);
      expect((await admin.delete(`/api/v1/institutions/${school.id}`)).status).toBe(204);
      const fetched = await admin.get(`/api/v1/institutions/${school.id}`);
      expect(fetched.status).toBe(404);
      expect(fetched.body.code).toBe('NOT_FOUND');
      expect((await admin.delete(`/api/v1/institutions/${school.id}`)).status).toBe(404);
      const audit = await t.db.query('SELECT 1 FROM audit_entry WHERE action = $1 AND target_id = $2', [
        'institution.delete',
        school.id,
      ]);
      expect(audit).toHaveLength(1);
    });
  });

  async function countInstitutions(): Promise<number> {
    const [row] = await t.db.query('SELECT count(*)::int AS n FROM institution');
    return row.n;
  }

  async function exists(id: string): Promise<boolean> {
    return (await t.db.query('SELECT 1 FROM institution WHERE id = $1', [id])).length === 1;
  }
});
