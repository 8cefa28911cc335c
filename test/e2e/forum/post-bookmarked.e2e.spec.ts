import { io, type Socket } from 'socket.io-client';
import { startTestApp, type TestApp } from '../../support/test-app';
import {
  afterFloodWindow,
  API,
  buildWorld,
  person,
  postsOf,
  reply,
  space,
  startTopic,
  type Person,
  type World,
} from './forum-support';

/*
 * `bookmarked` tells a reader whether they bookmarked a post, so the topic page can show its toggle. It is
 * personal like `mine` and `myReactions`: other readers must never learn who bookmarked what, and room
 * events (one payload for every reader) must not carry it at all.
 */

let t: TestApp;
let w: World;
let spaceA: { id: string };
beforeAll(async () => {
  t = await startTestApp();
  w = await buildWorld(t);
  spaceA = await space(t, { scopeKey: `inst:${w.schoolA.id}` });
});
afterAll(() => t.close());
beforeEach(() => afterFloodWindow(t));

async function freshPost(author: Person = w.memberA) {
  const topic = await startTopic(author.client, spaceA.id);
  return { topicId: topic.id, post: await reply(author.client, topic.id, { body: 'Worth keeping' }) };
}

const bookmarkedIn = async (who: Person, topicId: string, postId: string) =>
  (await postsOf(who.client, topicId)).find((p) => p.id === postId)?.bookmarked;

async function joinedSocket(who: Person, topicId: string): Promise<Socket> {
  const socket = io(t.url, {
    path: '/realtime',
    transports: ['websocket'],
    reconnection: false,
    extraHeaders: { Cookie: who.client.cookie! },
  });
  await new Promise((ready, fail) => socket.once('ready', ready).once('connect_error', fail));
  expect(await socket.timeout(5000).emitWithAck('topic:join', { topicId })).toEqual({ ok: true });
  return socket;
}

describe('the reader-specific bookmarked flag on posts', () => {
  it('is false until the reader bookmarks the post, then true for them only, and false again after removal', async () => {
    const { topicId, post } = await freshPost();
    const reader = await person(t, { institutionId: w.schoolA.id });
    expect(post.bookmarked).toBe(false);
    expect(await bookmarkedIn(reader, topicId, post.id)).toBe(false);

    expect((await reader.client.put(`${API}/posts/${post.id}/bookmark`, {})).status).toBe(200);
    expect((await reader.client.get(`${API}/posts/${post.id}`)).body.bookmarked).toBe(true);
    expect(await bookmarkedIn(reader, topicId, post.id)).toBe(true);
    // Neither the author nor another reader sees someone else's bookmark.
    expect((await w.memberA.client.get(`${API}/posts/${post.id}`)).body.bookmarked).toBe(false);
    expect(await bookmarkedIn(w.otherA, topicId, post.id)).toBe(false);

    expect((await reader.client.delete(`${API}/posts/${post.id}/bookmark`)).status).toBe(204);
    expect((await reader.client.get(`${API}/posts/${post.id}`)).body.bookmarked).toBe(false);
  });

  it('is true on the posts of the reader’s own bookmark list, and on the post a reaction returns', async () => {
    const { post } = await freshPost();
    const reader = await person(t, { institutionId: w.schoolA.id });
    const due = new Date(t.clock.now().getTime() + 3_600_000).toISOString();
    await reader.client.put(`${API}/posts/${post.id}/bookmark`, { reminderAt: due });
    const list = await reader.client.get(`${API}/me/bookmarks`);
    expect(list.body.items.map((i: any) => [i.post.id, i.post.bookmarked])).toEqual([[post.id, true]]);
    // The reminder comes back with the post wherever the reader sees it, so a reloaded page still shows it.
    const { topicId } = (await reader.client.get(`${API}/posts/${post.id}`)).body;
    expect((await postsOf(reader.client, topicId)).find((p) => p.id === post.id)).toMatchObject({ bookmarked: true, bookmarkReminderAt: due });
    expect((await w.memberA.client.get(`${API}/posts/${post.id}`)).body.bookmarkReminderAt).toBeNull();
    const reacted = await reader.client.post(`${API}/posts/${post.id}/reactions`, { kind: 'thanks' });
    expect(reacted.body.bookmarked).toBe(true);
  });

  it('is left out of room events, which every reader of the topic receives', async () => {
    const { topicId, post } = await freshPost();
    await w.memberA.client.put(`${API}/posts/${post.id}/bookmark`, {});
    await w.otherA.client.put(`${API}/posts/${post.id}/bookmark`, {});
    const socket = await joinedSocket(w.otherA, topicId);
    try {
      const updated = new Promise<any>((got) => socket.once('post:updated', got));
      const created = new Promise<any>((got) => socket.once('post:created', got));
      expect((await w.memberA.client.patch(`${API}/posts/${post.id}`, { body: 'Worth keeping, edited' })).status).toBe(200);
      const edit = await updated;
      expect(edit).toMatchObject({ id: post.id, edited: true });
      expect(edit).not.toHaveProperty('bookmarked');
      expect(edit).not.toHaveProperty('bookmarkReminderAt');
      expect(edit).not.toHaveProperty('mine');
      expect(edit).not.toHaveProperty('myReactions');

      const next = await reply(w.memberA.client, topicId, { body: 'One more' });
      await w.memberA.client.put(`${API}/posts/${next.id}/bookmark`, {});
      const fresh = await created;
      expect(fresh.id).toBe(next.id);
      expect(fresh).not.toHaveProperty('bookmarked');
    } finally {
      socket.disconnect();
    }
  });
});
