import { startTestApp, type TestApp } from '../../support/test-app';
import { afterFloodWindow, API, buildWorld, person, reply, space, startTopic, type World } from './forum-support';

let t: TestApp;
let w: World;
beforeAll(async () => {
  t = await startTestApp();
  w = await buildWorld(t);
});
afterAll(() => t.close());

const topicAs = async (client: World['memberA']['client'], id: string) => (await client.get(`${API}/topics/${id}`)).body;

describe('a post awaiting approval leaves no trace for other readers', () => {
  it('does not move reply counts, unread counts or activity until it is approved, then does', async () => {
    const facilitator = await person(t, { institutionId: w.schoolA.id });
    const gated = await space(t, { scopeKey: `inst:${w.schoolA.id}`, firstPostsNeedApproval: true, facilitatorIds: [facilitator.id] });
    const topic = await startTopic(facilitator.client, gated.id);
    await w.otherA.client.put(`${API}/topics/${topic.id}/read`, { postNumber: 1 });
    const before = await topicAs(w.otherA.client, topic.id);

    t.clock.advance(5_000);
    const newcomer = await person(t, { institutionId: w.schoolA.id });
    const pending = await reply(newcomer.client, topic.id, { body: 'My first words here' });
    expect(pending.status).toBe('pending');

    const during = await topicAs(w.otherA.client, topic.id);
    expect([during.replyCount, during.lastPostNumber, during.unreadCount, during.bumpedAt]).toEqual([
      before.replyCount,
      before.lastPostNumber,
      0,
      before.bumpedAt,
    ]);
    const listed = (await w.otherA.client.get(`${API}/topics?spaceId=${gated.id}&filter=unread`)).body.items;
    expect(listed.map((item: any) => item.id)).not.toContain(topic.id);

    await afterFloodWindow(t);
    expect((await facilitator.client.post(`${API}/posts/${pending.id}/restore`)).status).toBe(200);
    const after = await topicAs(w.otherA.client, topic.id);
    expect([after.replyCount, after.lastPostNumber, after.unreadCount]).toEqual([1, 2, 1]);
    expect(Date.parse(after.bumpedAt)).toBeGreaterThan(Date.parse(before.bumpedAt));
  });
});
