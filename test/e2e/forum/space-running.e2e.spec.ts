import { startTestApp, type TestApp } from '../../support/test-app';
import { afterFloodWindow, API, auditEntries, buildWorld, space, startTopic, type World } from './forum-support';

/*
 * Running a space day to day: its own facilitators change its settings and publish its agreements (the
 * managers of its scope still may); choosing the facilitators stays with the managers.
 */

let t: TestApp;
let w: World;
beforeAll(async () => {
  t = await startTestApp();
  w = await buildWorld(t);
});
afterAll(() => t.close());
beforeEach(() => afterFloodWindow(t));

describe("a space's facilitators", () => {
  it('change its settings, with an audit entry naming them', async () => {
    const { id } = await space(t, { scopeKey: `inst:${w.schoolA.id}`, facilitatorIds: [w.memberA.id] });
    const response = await w.memberA.client.patch(`${API}/spaces/${id}`, { allowAnonymous: true, slowModeSeconds: 30 });
    expect(response.status).toBe(200);
    expect(response.body.settings).toMatchObject({ allowAnonymous: true, slowModeSeconds: 30 });
    const [entry] = await auditEntries(t, 'space.update', id);
    expect(entry.actorId).toBe(w.memberA.id);
  });

  it('publish the next version of its agreements', async () => {
    const { id } = await space(t, { scopeKey: `inst:${w.schoolA.id}`, facilitatorIds: [w.memberA.id], agreement: 'We listen.' });
    const response = await w.memberA.client.post(`${API}/spaces/${id}/agreement`, { body: 'We listen. We assume good faith.' });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ version: 2, body: 'We listen. We assume good faith.' });
  });

  it('may not choose the facilitators, and facilitating one space gives nothing in another', async () => {
    const { id } = await space(t, { scopeKey: `inst:${w.schoolA.id}`, facilitatorIds: [w.memberA.id] });
    const other = await space(t, { scopeKey: `inst:${w.schoolA.id}` });
    expect((await w.memberA.client.put(`${API}/spaces/${id}/facilitators`, { userIds: [w.otherA.id] })).status).toBe(403);
    expect((await w.memberA.client.patch(`${API}/spaces/${other.id}`, { allowAnonymous: true })).status).toBe(403);
    expect((await w.memberA.client.post(`${API}/spaces/${other.id}/agreement`, { body: 'Mine' })).status).toBe(403);
    expect((await w.otherA.client.patch(`${API}/spaces/${id}`, { allowAnonymous: true })).status).toBe(403);
  });
});

describe('the new-topic draft', () => {
  it('is removed once its author starts a topic in the space, and only theirs', async () => {
    const { id } = await space(t, { scopeKey: `inst:${w.schoolA.id}` });
    const path = `${API}/spaces/${id}/draft`;
    await w.memberA.client.put(path, { title: 'Half a title', body: 'Half a body' });
    await w.otherA.client.put(path, { title: 'Someone else', body: 'Still writing' });
    await startTopic(w.memberA.client, id, { title: 'Half a title', body: 'The whole body' });
    expect((await w.memberA.client.get(path)).status).toBe(404);
    expect((await w.otherA.client.get(path)).body.body).toBe('Still writing');
  });
});
