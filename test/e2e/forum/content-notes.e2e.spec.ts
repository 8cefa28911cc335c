import { Client, startTestApp, type TestApp } from '../../support/test-app';
import { afterFloodWindow, API, buildWorld, count, space, startTopic, type World } from './forum-support';

let t: TestApp;
let w: World;
let shared: { id: string };
let withNotes: { id: string };
let plain: { id: string };
beforeAll(async () => {
  t = await startTestApp();
  w = await buildWorld(t);
  shared = await space(t, { scopeKey: 'consortium' });
  withNotes = await startTopic(w.memberA.client, shared.id, { title: 'Police in the emergency department', contentNotes: ['Discusses racial violence'] });
  await afterFloodWindow(t);
  plain = await startTopic(w.memberA.client, shared.id, { title: 'Scheduling the next session' });
});
afterAll(() => t.close());

const collapsedIn = async (client: World['memberA']['client']) => {
  const list = await client.get(`${API}/topics?spaceId=${shared.id}`);
  const byId = new Map(list.body.items.map((topic: any) => [topic.id, topic.contentNotesCollapsed]));
  const page = await client.get(`${API}/topics/${withNotes.id}`);
  expect(page.body.contentNotesCollapsed).toBe(byId.get(withNotes.id));
  return { noted: byId.get(withNotes.id), plain: byId.get(plain.id) };
};

describe('content notes: each reader chooses what stays folded', () => {
  it('folds every topic with content notes by default, and never one without', async () => {
    expect(await collapsedIn(w.memberB.client)).toEqual({ noted: true, plain: false });
    const preferences = await w.memberB.client.get(`${API}/me/forum-preferences`);
    expect(preferences.body).toEqual({ contentNotes: { collapse: 'all', notes: [] } });
  });

  it('folds only topics carrying a listed note, whatever its case', async () => {
    const saved = await w.otherA.client.put(`${API}/me/forum-preferences/content-notes`, {
      collapse: 'listed',
      notes: [' DISCUSSES racial violence ', 'discusses racial violence', 'graphic injury'],
    });
    expect(saved.status).toBe(200);
    expect(saved.body.contentNotes).toEqual({ collapse: 'listed', notes: ['discusses racial violence', 'graphic injury'] });
    expect(await collapsedIn(w.otherA.client)).toEqual({ noted: true, plain: false });

    await w.otherA.client.put(`${API}/me/forum-preferences/content-notes`, { collapse: 'listed', notes: ['graphic injury'] });
    expect(await collapsedIn(w.otherA.client)).toEqual({ noted: false, plain: false });
  });

  it('folds nothing when the reader says so, and that choice is theirs alone', async () => {
    await w.leadA.client.put(`${API}/me/forum-preferences/content-notes`, { collapse: 'none', notes: [] });
    expect(await collapsedIn(w.leadA.client)).toEqual({ noted: false, plain: false });
    expect(await collapsedIn(w.memberB.client)).toEqual({ noted: true, plain: false });
  });

  it('rejects an unknown choice or bad notes with 400 and keeps the saved preference', async () => {
    await w.leadB.client.put(`${API}/me/forum-preferences/content-notes`, { collapse: 'none', notes: [] });
    const before = await count(t, 'SELECT count(*) FROM forum_preference');
    for (const body of [
      { collapse: 'some', notes: [] },
      { collapse: 'listed' },
      { collapse: 'listed', notes: ['x'.repeat(81)] },
      { collapse: 'listed', notes: Array.from({ length: 31 }, (_, i) => `note ${i}`) },
    ]) {
      const response = await w.leadB.client.put(`${API}/me/forum-preferences/content-notes`, body);
      expect([response.status, response.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    }
    expect(await count(t, 'SELECT count(*) FROM forum_preference')).toBe(before);
    expect((await w.leadB.client.get(`${API}/me/forum-preferences`)).body.contentNotes.collapse).toBe('none');
  });

  it('requires a signed-in person', async () => {
    expect((await new Client(t.url).get(`${API}/me/forum-preferences`)).status).toBe(401);
  });
});
