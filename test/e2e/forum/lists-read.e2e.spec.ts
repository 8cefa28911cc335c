import { startTestApp, type TestApp } from '../../support/test-app';
import { afterFloodWindow, API, buildWorld, person, reply, space, startTopic, type Person, type World } from './forum-support';

let t: TestApp;
let w: World;
let reader: Person;
let writerA: Person;
let writerB: Person;
let spaceA: { id: string };
let spaceC: { id: string };
let hiddenSpace: { id: string };
let hiddenTopicId: string;
beforeAll(async () => {
  t = await startTestApp();
  w = await buildWorld(t);
  reader = await person(t, { institutionId: w.schoolA.id, cohortIds: [w.cohortA.id] });
  writerA = await person(t, { institutionId: w.schoolA.id, cohortIds: [w.cohortA.id] });
  writerB = await person(t, { institutionId: w.schoolA.id, cohortIds: [w.cohortA.id] });
  spaceA = await space(t, { scopeKey: `inst:${w.schoolA.id}`, phase: 2 });
  spaceC = await space(t, { scopeKey: `cohort:${w.cohortA.id}`, allowAnonymous: true });
  hiddenSpace = await space(t, { scopeKey: `cohort:${w.cohortB.id}` });
  hiddenTopicId = (await startTopic(w.memberB.client, hiddenSpace.id, { title: 'Cohort B only', tags: ['shared-tag'], phase: 2 }))
    .id;
});
afterAll(() => t.close());
beforeEach(() => afterFloodWindow(t));

type TopicItem = { id: string; spaceId: string; isNew: boolean; unreadCount: number | null; lastPostNumber: number; author: any };

async function list(who: Person, query = ''): Promise<TopicItem[]> {
  const response = await who.client.get(`${API}/topics?limit=100${query}`);
  if (response.status !== 200) throw new Error(`list failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.items;
}
const ids = (items: TopicItem[]) => items.map((i) => i.id);
const tick = () => t.clock.advance(1_000);

describe('topic lists', () => {
  it('lists the latest topics across readable spaces, most recently bumped first', async () => {
    const older = await startTopic(writerA.client, spaceA.id, { title: 'Older' });
    tick();
    const newer = await startTopic(writerB.client, spaceC.id, { title: 'Newer' });
    tick();
    await reply(writerB.client, older.id);
    const latest = ids(await list(reader));
    expect(latest.indexOf(older.id)).toBeLessThan(latest.indexOf(newer.id));
    expect(latest.slice(0, 2)).toEqual([older.id, newer.id]);
  });

  it('never lists topics of spaces the reader cannot see, whatever the filter', async () => {
    for (const query of ['', '&filter=latest', '&filter=new', '&filter=unread', '&tag=shared-tag', '&phase=2']) {
      expect(ids(await list(reader, query))).not.toContain(hiddenTopicId);
    }
    expect((await reader.client.get(`${API}/topics?spaceId=${hiddenSpace.id}`)).status).toBe(404);
    expect((await reader.client.get(`${API}/topics/${hiddenTopicId}`)).status).toBe(404);
    expect((await reader.client.get(`${API}/topics/${hiddenTopicId}/posts`)).status).toBe(404);
    expect(ids(await list(w.memberB))).toContain(hiddenTopicId);
  });

  it('filters by space, by tag (case-insensitively) and by phase (inherited from the space)', async () => {
    const tagged = await startTopic(writerA.client, spaceC.id, { tags: ['Assessment'] });
    const inA = await startTopic(writerA.client, spaceA.id);
    const bySpace = await list(reader, `&spaceId=${spaceC.id}`);
    expect(bySpace.every((i) => i.spaceId === spaceC.id)).toBe(true);
    expect(ids(bySpace)).toContain(tagged.id);
    const byTag = await list(reader, '&tag=ASSESSMENT');
    expect(ids(byTag)).toEqual([tagged.id]);
    const byPhase = await list(reader, '&phase=2');
    expect(ids(byPhase)).toContain(inA.id);
    expect(ids(byPhase)).not.toContain(tagged.id);
    expect(byPhase.every((i) => i.spaceId === spaceA.id)).toBe(true);
  });

  it('lists under "mine" only the signed topics the reader started', async () => {
    const signed = await startTopic(reader.client, spaceC.id, { title: 'Signed by me' });
    const anonymous = await startTopic(reader.client, spaceC.id, { title: 'Not signed', anonymous: true });
    const someoneElse = await startTopic(writerA.client, spaceC.id);
    const mine = ids(await list(reader, '&filter=mine'));
    expect(mine).toContain(signed.id);
    expect(mine).not.toContain(anonymous.id);
    expect(mine).not.toContain(someoneElse.id);
    expect(ids(await list(writerA, '&filter=mine'))).not.toContain(anonymous.id);
  });

  it('refuses an unknown filter, a limit over 100 and a garbled cursor with 400', async () => {
    expect((await reader.client.get(`${API}/topics?filter=everything`)).status).toBe(400);
    expect((await reader.client.get(`${API}/topics?limit=101`)).status).toBe(400);
    expect((await reader.client.get(`${API}/topics?limit=0`)).status).toBe(400);
    expect((await reader.client.get(`${API}/topics?cursor=not-a-cursor`)).status).toBe(400);
  });
});

describe('new and unread', () => {
  it('marks a never-opened topic as new, with unreadCount null, and lists it under "new"', async () => {
    const topic = await startTopic(writerA.client, spaceA.id);
    const item = (await list(reader)).find((i) => i.id === topic.id)!;
    expect(item).toMatchObject({ isNew: true, unreadCount: null });
    expect(ids(await list(reader, '&filter=new'))).toContain(topic.id);
    expect(ids(await list(reader, '&filter=unread'))).not.toContain(topic.id);
    // The author has, by writing it, read it.
    expect((await list(writerA)).find((i) => i.id === topic.id)).toMatchObject({ isNew: false, unreadCount: 0 });
  });

  it('counts what came after the last post read, and the count grows with new replies', async () => {
    const topic = await startTopic(writerA.client, spaceA.id);
    for (let i = 0; i < 4; i++) await reply(i % 2 ? writerA.client : writerB.client, topic.id);
    expect((await reader.client.put(`${API}/topics/${topic.id}/read`, { postNumber: 2 })).status).toBe(204);
    expect((await reader.client.get(`${API}/topics/${topic.id}`)).body).toMatchObject({
      isNew: false,
      lastReadPostNumber: 2,
      lastPostNumber: 5,
      unreadCount: 3,
    });
    expect(ids(await list(reader, '&filter=unread'))).toContain(topic.id);
    expect(ids(await list(reader, '&filter=new'))).not.toContain(topic.id);

    await reply(writerB.client, topic.id);
    expect((await list(reader)).find((i) => i.id === topic.id)).toMatchObject({ unreadCount: 4, lastPostNumber: 6 });

    await reader.client.put(`${API}/topics/${topic.id}/read`, { postNumber: 6 });
    expect((await reader.client.get(`${API}/topics/${topic.id}`)).body.unreadCount).toBe(0);
    expect(ids(await list(reader, '&filter=unread'))).not.toContain(topic.id);
  });

  it('never moves the read mark backwards, and never past the last post', async () => {
    const topic = await startTopic(writerA.client, spaceA.id);
    await reply(writerB.client, topic.id);
    await reply(writerB.client, topic.id);
    await reader.client.put(`${API}/topics/${topic.id}/read`, { postNumber: 3 });
    await reader.client.put(`${API}/topics/${topic.id}/read`, { postNumber: 1 });
    expect((await reader.client.get(`${API}/topics/${topic.id}`)).body.lastReadPostNumber).toBe(3);
    await reader.client.put(`${API}/topics/${topic.id}/read`, { postNumber: 999 });
    expect((await reader.client.get(`${API}/topics/${topic.id}`)).body.lastReadPostNumber).toBe(3);
    await reply(writerB.client, topic.id);
    expect((await reader.client.get(`${API}/topics/${topic.id}`)).body.unreadCount).toBe(1);
  });

  it('refuses a negative or missing post number with 400, and a read mark on a hidden topic with 404', async () => {
    const topic = await startTopic(writerA.client, spaceA.id);
    expect((await reader.client.put(`${API}/topics/${topic.id}/read`, { postNumber: -1 })).status).toBe(400);
    expect((await reader.client.put(`${API}/topics/${topic.id}/read`, {})).status).toBe(400);
    expect((await reader.client.put(`${API}/topics/${hiddenTopicId}/read`, { postNumber: 1 })).status).toBe(404);
  });

  it('drops a topic out of "new" for the reader who opened it, but not for others', async () => {
    const topic = await startTopic(writerA.client, spaceA.id);
    await reader.client.put(`${API}/topics/${topic.id}/read`, { postNumber: 1 });
    expect(ids(await list(reader, '&filter=new'))).not.toContain(topic.id);
    expect(ids(await list(writerB, '&filter=new'))).toContain(topic.id);
  });
});

describe('cursor pagination', () => {
  it('walks every topic exactly once with limit=2 while new topics are posted mid-walk', async () => {
    const walker = await person(t, { institutionId: w.schoolA.id });
    const own = await space(t, { scopeKey: `inst:${w.schoolA.id}` });
    const existing: string[] = [];
    for (let i = 0; i < 7; i++) {
      existing.push((await startTopic(i % 2 ? writerA.client : writerB.client, own.id, { title: `Existing ${i}` })).id);
      tick();
    }
    const seen: string[] = [];
    const posted: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = `${API}/topics?spaceId=${own.id}&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const response = await walker.client.get(query);
      expect(response.status).toBe(200);
      expect(response.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...response.body.items.map((i: TopicItem) => i.id));
      cursor = response.body.nextCursor;
      pages += 1;
      tick();
      // Someone starts a topic between two pages: it is newer than anything left to walk.
      if (pages <= 3) posted.push((await startTopic(writerA.client, own.id, { title: `Mid-walk ${pages}` })).id);
      afterFloodWindow(t);
    } while (cursor && pages < 20);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual([...existing].reverse());
    for (const id of posted) expect(seen).not.toContain(id);
    expect(pages).toBe(4);
  });

  it('puts topics with the same bump time in a stable order across pages', async () => {
    const own = await space(t, { scopeKey: `inst:${w.schoolA.id}` });
    const created = [];
    for (let i = 0; i < 5; i++) created.push((await startTopic(writerB.client, own.id)).id);
    await t.db.query('UPDATE topic SET bumped_at = $2 WHERE space_id = $1', [own.id, new Date('2030-01-01T00:00:00Z')]);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const response = await reader.client.get(
        `${API}/topics?spaceId=${own.id}&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      seen.push(...response.body.items.map((i: TopicItem) => i.id));
      cursor = response.body.nextCursor;
    } while (cursor);
    expect([...seen].sort()).toEqual([...created].sort());
  });
});

// Last in the file: it moves the clock a fortnight ahead, past the "new" window of every topic above.
describe('the "new" window', () => {
  it('stops listing a never-opened topic as new 14 days after it was started', async () => {
    const topic = await startTopic(writerA.client, spaceA.id);
    t.clock.advance(13 * 86_400_000);
    expect(ids(await list(reader, '&filter=new'))).toContain(topic.id);
    t.clock.advance(2 * 86_400_000);
    expect(ids(await list(reader, '&filter=new'))).not.toContain(topic.id);
    expect((await list(reader)).find((i) => i.id === topic.id)).toMatchObject({ isNew: true });
  });
});
