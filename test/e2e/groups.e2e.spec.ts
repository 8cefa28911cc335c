import { buildGroup, buildInstitution, buildUser } from '@app/testing';
import { personSignedIn, startTestApp, type Client, type TestApp } from '../support/test-app';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

describe('groups (guiding coalitions, learning labs)', () => {
  let t: TestApp;
  let schoolA: { id: string };
  let schoolB: { id: string };
  let admin: Client;
  let facilitator: Client;
  let leadA: Client;
  let leadB: Client;
  let insider: Client;
  let outsiderSameSchool: Client;
  let memberB: Client;
  let coalitionA: { id: string; name: string };

  beforeAll(async () => {
    t = await startTestApp();
    schoolA = await buildInstitution(t.db);
    schoolB = await buildInstitution(t.db);
    coalitionA = await buildGroup(t.db, { institutionId: schoolA.id, name: 'Guiding coalition A', kind: 'guiding_coalition' });
    admin = (await personSignedIn(t, { platformRole: 'admin' })).client;
    facilitator = (await personSignedIn(t, { platformRole: 'facilitator' })).client;
    leadA = (await personSignedIn(t, { institutionId: schoolA.id, schoolLead: true })).client;
    leadB = (await personSignedIn(t, { institutionId: schoolB.id, schoolLead: true })).client;
    insider = (await personSignedIn(t, { institutionId: schoolA.id, displayName: 'Insider', groupIds: [coalitionA.id] })).client;
    outsiderSameSchool = (await personSignedIn(t, { institutionId: schoolA.id })).client;
    memberB = (await personSignedIn(t, { institutionId: schoolB.id })).client;
  });
  afterAll(() => t.close());

  const ids = (body: { items: { id: string }[] }) => body.items.map((g) => g.id);

  describe('visibility of a school group', () => {
    it.each([
      ['a member of the group', () => insider],
      ["the school's lead", () => leadA],
      ['an admin', () => admin],
      ['a facilitator', () => facilitator],
    ])('is visible to %s', async (_who, client) => {
      const response = await client().get(`/api/v1/groups/${coalitionA.id}`);
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ id: coalitionA.id, kind: 'guiding_coalition', institutionId: schoolA.id });
      expect(ids((await client().get('/api/v1/groups')).body)).toContain(coalitionA.id);
      const members = await client().get(`/api/v1/groups/${coalitionA.id}/members`);
      expect(members.status).toBe(200);
      expect(members.body.items.map((m: { displayName: string }) => m.displayName)).toEqual(['Insider']);
    });

    it.each([
      ['a non-member of the same school', () => outsiderSameSchool],
      ['a member of another school', () => memberB],
      ['the lead of another school', () => leadB],
    ])('returns 404, not 403, to %s for the group and its members, and leaves it out of the list', async (_who, client) => {
      const group = await client().get(`/api/v1/groups/${coalitionA.id}`);
      expect(group.status).toBe(404);
      expect(group.body.code).toBe('NOT_FOUND');
      expect((await client().get(`/api/v1/groups/${coalitionA.id}/members`)).status).toBe(404);
      expect(ids((await client().get('/api/v1/groups')).body)).not.toContain(coalitionA.id);
      expect((await client().get(`/api/v1/groups?institutionId=${schoolA.id}`)).body.items).toEqual([]);
    });

    it('answers 404, not 403, when a non-member tries to change a hidden group', async () => {
      expect((await outsiderSameSchool.patch(`/api/v1/groups/${coalitionA.id}`, { name: 'x' })).status).toBe(404);
      expect((await outsiderSameSchool.delete(`/api/v1/groups/${coalitionA.id}`)).status).toBe(404);
      expect((await leadB.post(`/api/v1/groups/${coalitionA.id}/members`, { userId: UNKNOWN_ID })).status).toBe(404);
    });

    it('lets a member of the group see it but not manage it (403)', async () => {
      expect((await insider.patch(`/api/v1/groups/${coalitionA.id}`, { description: 'by a member' })).status).toBe(403);
    });
  });

  describe('creating and managing', () => {
    it('lets a school lead create, edit and delete a group of their own school', async () => {
      const created = await leadA.post('/api/v1/groups', {
        name: 'Learning lab A',
        kind: 'learning_lab',
        institutionId: schoolA.id,
      });
      expect(created.status).toBe(201);
      expect(created.body).toEqual({
        id: expect.any(String),
        name: 'Learning lab A',
        kind: 'learning_lab',
        description: '',
        institutionId: schoolA.id,
      });
      const updated = await leadA.patch(`/api/v1/groups/${created.body.id}`, { description: 'Monthly case reviews' });
      expect(updated.status).toBe(200);
      expect(updated.body.description).toBe('Monthly case reviews');
      expect((await leadA.delete(`/api/v1/groups/${created.body.id}`)).status).toBe(204);
      expect((await admin.get(`/api/v1/groups/${created.body.id}`)).status).toBe(404);
    });

    it('refuses a school lead creating a group in another school with 403', async () => {
      const response = await leadA.post('/api/v1/groups', {
        name: 'Intruder lab',
        kind: 'learning_lab',
        institutionId: schoolB.id,
      });
      expect(response.status).toBe(403);
      expect(await t.db.query('SELECT 1 FROM "group" WHERE name = $1', ['Intruder lab'])).toHaveLength(0);
    });

    it.each([
      ['a school lead', () => leadA],
      ['a member', () => insider],
      ['a facilitator', () => facilitator],
    ])('keeps consortium-wide group creation to admins: 403 for %s', async (_who, client) => {
      const response = await client().post('/api/v1/groups', { name: `Consortium ${Math.random()}`, kind: 'other' });
      expect(response.status).toBe(403);
    });

    it('lets an admin create a consortium-wide group, visible to its members only', async () => {
      const created = await admin.post('/api/v1/groups', { name: 'Consortium steering', kind: 'guiding_coalition' });
      expect(created.status).toBe(201);
      expect(created.body.institutionId).toBeNull();
      const participant = await personSignedIn(t, { institutionId: schoolB.id });
      expect((await admin.post(`/api/v1/groups/${created.body.id}/members`, { userId: participant.id })).status).toBe(204);
      expect((await participant.client.get(`/api/v1/groups/${created.body.id}`)).status).toBe(200);
      expect((await leadA.get(`/api/v1/groups/${created.body.id}`)).status).toBe(404);
    });

    it('refuses a group name already used in the same place with 409 NAME_TAKEN', async () => {
      const sameSchool = await leadA.post('/api/v1/groups', {
        name: 'GUIDING COALITION A',
        kind: 'other',
        institutionId: schoolA.id,
      });
      expect(sameSchool.status).toBe(409);
      expect(sameSchool.body.code).toBe('NAME_TAKEN');
      await admin.post('/api/v1/groups', { name: 'Consortium research', kind: 'other' }).expect(201);
      const consortium = await admin.post('/api/v1/groups', { name: 'consortium research', kind: 'other' });
      expect(consortium.status).toBe(409);
      expect(consortium.body.code).toBe('NAME_TAKEN');
      const otherSchool = await leadB.post('/api/v1/groups', {
        name: 'Guiding coalition A',
        kind: 'other',
        institutionId: schoolB.id,
      });
      expect(otherSchool.status).toBe(201);
    });

    it('leaves an audit entry when a group is created', async () => {
      const created = await leadA.post('/api/v1/groups', {
        name: 'Audited lab',
        kind: 'learning_lab',
        institutionId: schoolA.id,
      });
      const rows = await t.db.query('SELECT action FROM audit_entry WHERE target_type = $1 AND target_id = $2', [
        'group',
        created.body.id,
      ]);
      expect(rows).toEqual([{ action: 'group.create' }]);
    });
  });

  describe('membership', () => {
    it('lets the school lead add a person of the school, who can then see the group', async () => {
      const group = await buildGroup(t.db, { institutionId: schoolA.id });
      const person = await personSignedIn(t, { institutionId: schoolA.id });
      expect((await person.client.get(`/api/v1/groups/${group.id}`)).status).toBe(404);
      expect((await leadA.post(`/api/v1/groups/${group.id}/members`, { userId: person.id })).status).toBe(204);
      expect((await person.client.get(`/api/v1/groups/${group.id}`)).status).toBe(200);
      const listed = (await person.client.get('/api/v1/groups')).body.items.find((g: { id: string }) => g.id === group.id);
      expect(listed.memberCount).toBe(1);

      expect((await leadA.delete(`/api/v1/groups/${group.id}/members/${person.id}`)).status).toBe(204);
      expect((await person.client.get(`/api/v1/groups/${group.id}`)).status).toBe(404);
      expect((await leadA.delete(`/api/v1/groups/${group.id}/members/${person.id}`)).status).toBe(404);
    });

    it('refuses a person of another school in a school group with 400 NOT_IN_SCHOOL', async () => {
      const outsider = await buildUser(t.db, { institutionId: schoolB.id });
      const response = await admin.post(`/api/v1/groups/${coalitionA.id}/members`, { userId: outsider.id });
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('NOT_IN_SCHOOL');
    });

    it('answers 404 for adding a person who does not exist', async () => {
      const response = await leadA.post(`/api/v1/groups/${coalitionA.id}/members`, { userId: UNKNOWN_ID });
      expect(response.status).toBe(404);
    });
  });
});
