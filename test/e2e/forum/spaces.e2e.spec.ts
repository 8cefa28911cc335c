import { randomUUID } from 'node:crypto';
import { startTestApp, type TestApp } from '../../support/test-app';
import { API, auditEntries, buildWorld, space, type World } from './forum-support';

let t: TestApp;
let w: World;
beforeAll(async () => {
  t = await startTestApp();
  w = await buildWorld(t);
});
afterAll(() => t.close());

const slug = () => `space-${randomUUID().slice(0, 8)}`;

describe('creating spaces', () => {
  it('lets an admin create a consortium space, with the defaults and an audit entry', async () => {
    const response = await w.admin.client.post(`${API}/spaces`, {
      name: '  Consortium lounge  ',
      scope: 'consortium',
      slug: slug(),
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      name: 'Consortium lounge',
      scope: 'consortium',
      settings: { whoMayStart: 'everyone', allowAnonymous: false, slowModeSeconds: 0, firstPostsNeedApproval: false },
      facilitatorIds: [],
      agreementVersion: null,
      topicCount: 0,
    });
    const entries = await auditEntries(t, 'space.create', response.body.id);
    expect(entries).toEqual([expect.objectContaining({ actorId: w.admin.id, targetType: 'space' })]);
  });

  it('lets a school lead create a space scoped to their own school', async () => {
    const response = await w.leadA.client.post(`${API}/spaces`, { name: 'School A commons', scope: `inst:${w.schoolA.id}` });
    expect(response.status).toBe(201);
    expect(response.body.scope).toBe(`inst:${w.schoolA.id}`);
    expect(await auditEntries(t, 'space.create', response.body.id)).toHaveLength(1);
  });

  it("lets a school lead create a space scoped to one of their school's cohorts", async () => {
    const response = await w.leadA.client.post(`${API}/spaces`, { name: 'Cohort A room', scope: `cohort:${w.cohortA.id}` });
    expect(response.status).toBe(201);
    expect(response.body.scope).toBe(`cohort:${w.cohortA.id}`);
  });

  it('refuses a school lead a space scoped to another school with 403, and writes nothing', async () => {
    const name = `Not yours ${randomUUID()}`;
    const response = await w.leadA.client.post(`${API}/spaces`, { name, scope: `inst:${w.schoolB.id}` });
    expect(response.status).toBe(403);
    expect(response.body.code).toBe('FORBIDDEN');
    expect(await t.db.query('SELECT 1 FROM space WHERE name = $1', [name])).toHaveLength(0);
  });

  it('returns 404, not 403, for a cohort of another school the lead cannot see at all', async () => {
    const response = await w.leadA.client.post(`${API}/spaces`, { name: 'Their cohort', scope: `cohort:${w.cohortB.id}` });
    expect(response.status).toBe(404);
    expect(response.body.code).toBe('NOT_FOUND');
  });

  it('refuses a school lead a consortium-wide space with 403', async () => {
    const response = await w.leadA.client.post(`${API}/spaces`, { name: 'Everyone', scope: 'consortium' });
    expect(response.status).toBe(403);
  });

  it('refuses a plain member a space even in their own school with 403', async () => {
    const response = await w.memberA.client.post(`${API}/spaces`, { name: 'Mine', scope: `inst:${w.schoolA.id}` });
    expect(response.status).toBe(403);
  });

  it('refuses a duplicate slug with 409 SLUG_TAKEN', async () => {
    const taken = slug();
    expect((await w.admin.client.post(`${API}/spaces`, { name: 'First', scope: 'consortium', slug: taken })).status).toBe(201);
    const response = await w.admin.client.post(`${API}/spaces`, { name: 'Second', scope: 'consortium', slug: taken });
    expect(response.status).toBe(409);
    expect(response.body.code).toBe('SLUG_TAKEN');
    expect(await t.db.query('SELECT 1 FROM space WHERE slug = $1', [taken])).toHaveLength(1);
  });

  it.each([['school:everyone'], ['inst:not-a-uuid'], ['cohort:'], ['CONSORTIUM'], [`inst:${randomUUID()} `]])(
    'refuses the scope string %j with 400 VALIDATION_FAILED',
    async (scope) => {
      const response = await w.admin.client.post(`${API}/spaces`, { name: 'Bad scope', scope });
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('VALIDATION_FAILED');
      expect(response.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'scope' })]));
    },
  );

  it('refuses unknown body fields (nobody sets facilitators or ids by adding a field)', async () => {
    const response = await w.admin.client.post(`${API}/spaces`, {
      name: 'Sneaky',
      scope: 'consortium',
      facilitatorIds: [w.memberA.id],
    });
    expect(response.status).toBe(400);
  });
});

describe('who sees which spaces', () => {
  let spaces: Record<'consortium' | 'instA' | 'instB' | 'cohortA' | 'cohortA2' | 'cohortB', { id: string }>;
  beforeAll(async () => {
    spaces = {
      consortium: await space(t, { scopeKey: 'consortium' }),
      instA: await space(t, { scopeKey: `inst:${w.schoolA.id}` }),
      instB: await space(t, { scopeKey: `inst:${w.schoolB.id}` }),
      cohortA: await space(t, { scopeKey: `cohort:${w.cohortA.id}` }),
      cohortA2: await space(t, { scopeKey: `cohort:${w.cohortA2.id}` }),
      cohortB: await space(t, { scopeKey: `cohort:${w.cohortB.id}` }),
    };
  });

  it('lists for a member only the consortium, their school and their own cohort', async () => {
    const response = await w.memberA.client.get(`${API}/spaces`);
    expect(response.status).toBe(200);
    const ids = response.body.items.map((s: { id: string }) => s.id);
    expect(ids).toEqual(expect.arrayContaining([spaces.consortium.id, spaces.instA.id, spaces.cohortA.id]));
    expect(ids).not.toContain(spaces.instB.id);
    expect(ids).not.toContain(spaces.cohortA2.id);
    expect(ids).not.toContain(spaces.cohortB.id);
  });

  it('returns 404, not 403, for a space of another cohort of the same school', async () => {
    const response = await w.memberA.client.get(`${API}/spaces/${spaces.cohortA2.id}`);
    expect(response.status).toBe(404);
    expect(response.body.code).toBe('NOT_FOUND');
  });

  it('returns 404, not 403, for a cohort space and a school space of another school', async () => {
    for (const id of [spaces.cohortB.id, spaces.instB.id]) {
      const response = await w.memberA.client.get(`${API}/spaces/${id}`);
      expect(response.status).toBe(404);
      expect(response.body.code).toBe('NOT_FOUND');
    }
  });

  it('answers an out-of-scope space exactly like a space that does not exist', async () => {
    const hidden = await w.memberA.client.get(`${API}/spaces/${spaces.cohortB.id}`);
    const missing = await w.memberA.client.get(`${API}/spaces/${randomUUID()}`);
    expect(hidden.status).toBe(missing.status);
    expect(hidden.body.message).toBe(missing.body.message);
  });

  it("lets a school lead see their school's cohort spaces, but not another school's", async () => {
    const response = await w.leadA.client.get(`${API}/spaces`);
    const ids = response.body.items.map((s: { id: string }) => s.id);
    expect(ids).toEqual(expect.arrayContaining([spaces.instA.id, spaces.cohortA.id, spaces.cohortA2.id]));
    expect(ids).not.toContain(spaces.cohortB.id);
    expect(ids).not.toContain(spaces.instB.id);
  });

  it('lists every space for an admin', async () => {
    const response = await w.admin.client.get(`${API}/spaces`);
    const ids = response.body.items.map((s: { id: string }) => s.id);
    expect(ids).toEqual(expect.arrayContaining(Object.values(spaces).map((s) => s.id)));
  });

  it('refuses a malformed space id with 400 INVALID_ID', async () => {
    const response = await w.memberA.client.get(`${API}/spaces/not-a-uuid`);
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('INVALID_ID');
  });
});

describe('space settings and facilitators', () => {
  let schoolSpace: { id: string };
  beforeEach(async () => {
    schoolSpace = await space(t, { scopeKey: `inst:${w.schoolA.id}` });
  });

  it('lets the school lead change the settings, and audits the change with what changed', async () => {
    const response = await w.leadA.client.patch(`${API}/spaces/${schoolSpace.id}`, {
      name: '  Renamed  ',
      allowAnonymous: true,
      whoMayStart: 'facilitators',
      slowModeSeconds: 30,
      firstPostsNeedApproval: true,
      phase: 3,
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      name: 'Renamed',
      phase: 3,
      settings: { allowAnonymous: true, whoMayStart: 'facilitators', slowModeSeconds: 30, firstPostsNeedApproval: true },
    });
    const [entry] = await auditEntries(t, 'space.update', schoolSpace.id);
    expect(entry).toMatchObject({
      actorId: w.leadA.id,
      data: expect.objectContaining({ allowAnonymous: true, slowModeSeconds: 30 }),
    });
  });

  it('refuses settings a DTO does not allow (slow mode over a day, a scope change) with 400', async () => {
    expect((await w.leadA.client.patch(`${API}/spaces/${schoolSpace.id}`, { slowModeSeconds: 86_401 })).status).toBe(400);
    expect((await w.leadA.client.patch(`${API}/spaces/${schoolSpace.id}`, { scope: 'consortium' })).status).toBe(400);
  });

  it.each([['allowAnonymous'], ['whoMayStart'], ['slowModeSeconds'], ['firstPostsNeedApproval']])(
    'refuses null for the setting %s with 400, not a server error',
    async (setting) => {
      const response = await w.leadA.client.patch(`${API}/spaces/${schoolSpace.id}`, { [setting]: null });
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('VALIDATION_FAILED');
    },
  );

  it("refuses a member of the school a settings change with 403, and another school's lead with 404", async () => {
    expect((await w.memberA.client.patch(`${API}/spaces/${schoolSpace.id}`, { name: 'Mine now' })).status).toBe(403);
    expect((await w.leadB.client.patch(`${API}/spaces/${schoolSpace.id}`, { name: 'Mine now' })).status).toBe(404);
    expect(await auditEntries(t, 'space.update', schoolSpace.id)).toHaveLength(0);
  });

  it('sets the facilitators, shows isFacilitator to them, and audits the list', async () => {
    const response = await w.leadA.client.put(`${API}/spaces/${schoolSpace.id}/facilitators`, {
      userIds: [w.memberA.id, w.platformFacilitator.id, w.memberA.id],
    });
    expect(response.status).toBe(200);
    expect([...response.body.facilitatorIds].sort()).toEqual([w.memberA.id, w.platformFacilitator.id].sort());
    expect((await w.memberA.client.get(`${API}/spaces/${schoolSpace.id}`)).body.isFacilitator).toBe(true);
    expect((await w.otherA.client.get(`${API}/spaces/${schoolSpace.id}`)).body.isFacilitator).toBe(false);
    const [entry] = await auditEntries(t, 'space.facilitators', schoolSpace.id);
    expect(entry).toMatchObject({ actorId: w.leadA.id, data: { userIds: expect.arrayContaining([w.memberA.id]) } });
  });

  it('replaces the facilitator list rather than adding to it', async () => {
    await w.leadA.client.put(`${API}/spaces/${schoolSpace.id}/facilitators`, { userIds: [w.memberA.id] });
    const response = await w.leadA.client.put(`${API}/spaces/${schoolSpace.id}/facilitators`, { userIds: [w.otherA.id] });
    expect(response.body.facilitatorIds).toEqual([w.otherA.id]);
  });

  it('refuses a facilitator who cannot read the space with 400, and keeps the old list', async () => {
    await w.leadA.client.put(`${API}/spaces/${schoolSpace.id}/facilitators`, { userIds: [w.memberA.id] });
    const response = await w.leadA.client.put(`${API}/spaces/${schoolSpace.id}/facilitators`, {
      userIds: [w.memberA.id, w.memberB.id],
    });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    const rows = await t.db.query('SELECT user_id FROM space_facilitator WHERE space_id = $1', [schoolSpace.id]);
    expect(rows.map((r: { user_id: string }) => r.user_id)).toEqual([w.memberA.id]);
  });

  it('refuses an unknown person as facilitator with 404, and a member setting facilitators with 403', async () => {
    expect((await w.leadA.client.put(`${API}/spaces/${schoolSpace.id}/facilitators`, { userIds: [randomUUID()] })).status).toBe(
      404,
    );
    expect((await w.memberA.client.put(`${API}/spaces/${schoolSpace.id}/facilitators`, { userIds: [w.memberA.id] })).status).toBe(
      403,
    );
  });

  it('leaves an audit entry for every write to a space: create, update, facilitators, agreements', async () => {
    const created = await w.leadA.client.post(`${API}/spaces`, { name: 'Audited', scope: `inst:${w.schoolA.id}`, slug: slug() });
    const id = created.body.id;
    await w.leadA.client.patch(`${API}/spaces/${id}`, { description: 'About us' });
    await w.leadA.client.put(`${API}/spaces/${id}/facilitators`, { userIds: [w.memberA.id] });
    await w.leadA.client.post(`${API}/spaces/${id}/agreement`, { body: 'Be kind.' });
    const rows = await t.db.query('SELECT action, actor_id AS "actorId" FROM audit_entry WHERE target_id = $1 ORDER BY id', [id]);
    expect(rows).toEqual(
      ['space.create', 'space.update', 'space.facilitators', 'space.agreement.publish'].map((action) => ({
        action,
        actorId: w.leadA.id,
      })),
    );
  });
});
