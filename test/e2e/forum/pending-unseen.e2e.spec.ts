import { startTestApp, type TestApp } from '../../support/test-app';
import { afterFloodWindow, API, buildWorld, person, postsOf, reply, space, startTopic, type World } from './forum-support';

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

describe('a space’s topic count', () => {
  const countOf = async (spaceId: string) => (await w.otherA.client.get(`${API}/spaces/${spaceId}`)).body.topicCount;

  it('counts only what its readers can list: not a topic awaiting approval, unlisted or archived', async () => {
    const facilitator = await person(t, { institutionId: w.schoolA.id });
    const gated = await space(t, { scopeKey: `inst:${w.schoolA.id}`, firstPostsNeedApproval: true, facilitatorIds: [facilitator.id] });
    const open = await startTopic(facilitator.client, gated.id);
    expect(await countOf(gated.id)).toBe(1);

    const newcomer = await person(t, { institutionId: w.schoolA.id });
    const pending = await startTopic(newcomer.client, gated.id, { title: 'Waiting for a facilitator' });
    expect(await countOf(gated.id)).toBe(1);
    // Unlisting a topic that is still in review changes nothing either.
    expect((await facilitator.client.patch(`${API}/topics/${pending.id}`, { unlisted: true })).status).toBe(200);
    expect((await facilitator.client.patch(`${API}/topics/${pending.id}`, { unlisted: false })).status).toBe(200);
    expect(await countOf(gated.id)).toBe(1);

    const [firstPost] = await postsOf(newcomer.client, pending.id);
    expect((await facilitator.client.post(`${API}/posts/${firstPost.id}/restore`)).status).toBe(200);
    expect(await countOf(gated.id)).toBe(2);

    await facilitator.client.patch(`${API}/topics/${open.id}`, { unlisted: true });
    expect(await countOf(gated.id)).toBe(1);
    await facilitator.client.patch(`${API}/topics/${open.id}`, { unlisted: true, archived: true });
    expect(await countOf(gated.id)).toBe(1);
    await facilitator.client.patch(`${API}/topics/${open.id}`, { unlisted: false });
    expect(await countOf(gated.id)).toBe(1);
    await facilitator.client.patch(`${API}/topics/${open.id}`, { archived: false });
    expect(await countOf(gated.id)).toBe(2);
  });
});
