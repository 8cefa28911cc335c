import { cohortScope, institutionScope } from '@app/identity';
import { connect, collect } from '../../support/socket-support';
import { startTestApp, type TestApp } from '../../support/test-app';
import { afterFloodWindow, buildWorld, reply, space, startTopic, type World } from '../forum/forum-support';
import { API, handleOf, notificationsOf, settled } from './notification-support';

describe('forum notifications', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
  });
  afterAll(() => t.close());
  beforeEach(() => afterFloodWindow(t));

  it('tells a mentioned person once, live over their socket, and lists it with an unread count', async () => {
    const schoolSpace = await space(t, { scopeKey: institutionScope(w.schoolA.id) });
    const socket = await connect(t.url, w.otherA.client.cookie!);
    const pushed = collect(socket, 'notification');
    try {
      const topic = await startTopic(w.memberA.client, schoolSpace.id, { title: 'Curriculum review' });
      await reply(w.memberA.client, topic.id, { body: `What do you think, @${await handleOf(t, w.otherA.id)}?` });
      await settled(t);
      const [event] = await pushed.waitFor(1, 15_000);
      expect(event.notification.text).toBe(`${w.memberA.displayName} mentioned you in “Curriculum review”`);
      expect(event.unreadCount).toBe(1);
      const list = await notificationsOf(w.otherA.client);
      expect(list.unreadCount).toBe(1);
      expect(list.items).toEqual([expect.objectContaining({ kind: 'mentioned', url: `/forum/t/${topic.id}#post-2`, readAt: null })]);
      // The author hears nothing of their own post.
      expect((await notificationsOf(w.memberA.client)).items).toEqual([]);
    } finally {
      socket.disconnect();
    }
  });

  it('names an anonymous author by their pseudonym only, everywhere', async () => {
    const anonymousSpace = await space(t, { scopeKey: institutionScope(w.schoolA.id), allowAnonymous: true });
    const topic = await startTopic(w.otherA.client, anonymousSpace.id, { title: 'Hard experiences' });
    await reply(w.memberA.client, topic.id, { body: 'I felt the same.', anonymous: true, replyToPostNumber: 1 });
    await settled(t);
    const list = await notificationsOf(w.otherA.client);
    const replied = list.items.find((n) => n.kind === 'replied')!;
    expect(replied.text).toBe('Participant 1 replied to you in “Hard experiences”');
    expect(JSON.stringify(replied)).not.toContain(w.memberA.displayName);
    const [row] = await t.db.query(`SELECT actor_id FROM notification WHERE kind = 'replied' AND user_id = $1`, [w.otherA.id]);
    expect(row.actor_id).toBeNull();
  });

  it('coalesces replies in one topic and reactions on one post into one unread notification each', async () => {
    const consortium = await space(t, { scopeKey: 'consortium' });
    const topic = await startTopic(w.leadA.client, consortium.id, { title: 'Many voices' });
    await reply(w.memberA.client, topic.id, { body: 'One' });
    await afterFloodWindow(t);
    await reply(w.memberB.client, topic.id, { body: 'Two' });
    await afterFloodWindow(t);
    await reply(w.otherA.client, topic.id, { body: 'Three' });
    const firstPostId = (await t.db.query('SELECT id FROM post WHERE topic_id = $1 AND post_number = 1', [topic.id]))[0].id;
    for (const who of [w.memberA, w.memberB]) {
      expect((await who.client.post(`${API}/posts/${firstPostId}/reactions`, { kind: 'heart' })).status).toBeLessThan(300);
    }
    await settled(t);
    const items = (await notificationsOf(w.leadA.client)).items;
    expect(items.filter((n) => n.kind === 'replied')).toEqual([expect.objectContaining({ count: 3, text: '3 replies to you in “Many voices”' })]);
    expect(items.filter((n) => n.kind === 'reacted')).toEqual([expect.objectContaining({ count: 2 })]);
  });

  it('tells watchers of a topic, and nobody who cannot read it any more', async () => {
    const cohortSpace = await space(t, { scopeKey: cohortScope(w.cohortA.id) });
    const topic = await startTopic(w.memberA.client, cohortSpace.id, { title: 'Cohort plans' });
    // The lead of school A may read the cohort's space and watches the topic; then a cohort member stops belonging.
    expect((await w.leadA.client.put(`${API}/topics/${topic.id}/subscription`, { level: 'watching' })).status).toBe(200);
    await t.db.query(`INSERT INTO subscription (user_id, target_type, target_id, level) VALUES ($1, 'topic', $2, 'watching')`, [w.memberB.id, topic.id]);
    await reply(w.memberA.client, topic.id, { body: 'Next steps' });
    await settled(t);
    expect((await notificationsOf(w.leadA.client)).items.filter((n) => n.kind === 'watching')).toHaveLength(1);
    expect((await notificationsOf(w.memberB.client)).items).toEqual([]);
  });

  it('marks one read, then all read, and tells every open tab the new count; another person’s notification is not found', async () => {
    const socket = await connect(t.url, w.leadA.client.cookie!);
    const counts = collect(socket, 'notification.count');
    const list = await notificationsOf(w.leadA.client, '?unread=true');
    expect(list.items.length).toBeGreaterThan(1);
    expect((await w.memberB.client.post(`${API}/notifications/${list.items[0].id}/read`)).status).toBe(404);
    expect((await w.leadA.client.post(`${API}/notifications/${list.items[0].id}/read`)).status).toBe(204);
    expect((await notificationsOf(w.leadA.client)).unreadCount).toBe(list.unreadCount - 1);
    const all = await w.leadA.client.post(`${API}/notifications/read-all`);
    expect(all.body).toEqual({ marked: list.unreadCount - 1 });
    expect((await w.leadA.client.get(`${API}/notifications/unread-count`)).body).toEqual({ unreadCount: 0 });
    expect((await counts.waitFor(2, 15_000)).map((c) => c.unreadCount)).toEqual([list.unreadCount - 1, 0]);
    socket.disconnect();
  });

  it('respects a person’s choice to turn a kind off', async () => {
    const consortium = await space(t, { scopeKey: 'consortium' });
    expect((await w.memberB.client.put(`${API}/notifications/preferences`, { kinds: { mentioned: 'off' } })).status).toBe(200);
    const topic = await startTopic(w.memberA.client, consortium.id, { title: 'Quiet please' });
    await reply(w.memberA.client, topic.id, { body: `Hello @${await handleOf(t, w.memberB.id)}` });
    await settled(t);
    expect((await notificationsOf(w.memberB.client)).items.filter((n) => n.kind === 'mentioned')).toEqual([]);
  });
});
