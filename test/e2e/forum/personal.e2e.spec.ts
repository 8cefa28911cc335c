import { randomUUID } from 'node:crypto';
import { Client, startTestApp, type TestApp } from '../../support/test-app';
import {
  afterFloodWindow,
  API,
  buildWorld,
  count,
  firstPostOf,
  person,
  reply,
  space,
  startTopic,
  type Person,
  type World,
} from './forum-support';

/*
 * Bookmarks and "my posts" are lists of one person's own things, but each item is a post from some space:
 * every item must pass the same read check as the post itself, so a list never becomes a way to keep
 * reading a space after leaving its scope.
 */

let t: TestApp;
let w: World;
let facilitator: Person;
let spaceA: { id: string };
let cohortSpace: { id: string };
beforeAll(async () => {
  t = await startTestApp();
  w = await buildWorld(t);
  facilitator = await person(t, { institutionId: w.schoolA.id });
  spaceA = await space(t, { scopeKey: `inst:${w.schoolA.id}`, allowAnonymous: true, facilitatorIds: [facilitator.id] });
  cohortSpace = await space(t, { scopeKey: `cohort:${w.cohortA.id}` });
});
afterAll(() => t.close());
beforeEach(() => afterFloodWindow(t));

const bookmarksOf = async (who: Person, query = '') => {
  const response = await who.client.get(`${API}/me/bookmarks${query}`);
  expect(response.status).toBe(200);
  return response.body as {
    items: { post: { id: string; [key: string]: any }; reminderAt: string | null; createdAt: string }[];
    nextCursor: string | null;
  };
};
const future = (ms: number) => new Date(t.clock.now().getTime() + ms).toISOString();

describe('bookmarks', () => {
  it('bookmarks a readable post and lists it with the post as the reader sees it', async () => {
    const reader = await person(t, { institutionId: w.schoolA.id });
    const topic = await startTopic(w.memberA.client, spaceA.id);
    const post = await reply(w.otherA.client, topic.id, { body: 'Worth keeping' });
    const response = await reader.client.put(`${API}/posts/${post.id}/bookmark`, {});
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ postId: post.id, reminderAt: null });
    const { items, nextCursor } = await bookmarksOf(reader);
    expect(nextCursor).toBeNull();
    expect(items).toHaveLength(1);
    expect(items[0].post).toMatchObject({ id: post.id, topicId: topic.id, mine: false, author: { id: w.otherA.id } });
    expect(items[0].post.html).toContain('Worth keeping');
  });

  it('is an idempotent upsert: a second PUT replaces the reminder and keeps one row and its place', async () => {
    const reader = await person(t, { institutionId: w.schoolA.id });
    const topic = await startTopic(w.memberA.client, spaceA.id);
    const post = await firstPostOf(w.memberA.client, topic.id);
    const first = await reader.client.put(`${API}/posts/${post.id}/bookmark`, { reminderAt: future(3_600_000) });
    expect(first.status).toBe(200);
    const reminder = future(7_200_000);
    const second = await reader.client.put(`${API}/posts/${post.id}/bookmark`, { reminderAt: reminder });
    expect(second.status).toBe(200);
    expect(second.body).toEqual({ postId: post.id, reminderAt: reminder, createdAt: first.body.createdAt });
    expect(await count(t, 'SELECT count(*) FROM bookmark WHERE user_id = $1', [reader.id])).toBe(1);
    const cleared = await reader.client.put(`${API}/posts/${post.id}/bookmark`, {});
    expect(cleared.body.reminderAt).toBeNull();
  });

  it.each([
    ['a reminder in the past', () => ({ reminderAt: new Date(t.clock.now().getTime() - 1000).toISOString() })],
    ['a reminder that is not a date', () => ({ reminderAt: 'tomorrow' })],
    ['an unknown field', () => ({ userId: randomUUID() })],
  ])('refuses %s with 400 and stores nothing', async (_case, body) => {
    const reader = await person(t, { institutionId: w.schoolA.id });
    const topic = await startTopic(w.memberA.client, spaceA.id);
    const post = await firstPostOf(w.memberA.client, topic.id);
    const response = await reader.client.put(`${API}/posts/${post.id}/bookmark`, body());
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect(await count(t, 'SELECT count(*) FROM bookmark WHERE user_id = $1', [reader.id])).toBe(0);
  });

  it('returns 404, not 403, for a post of another school, a post awaiting approval and an unknown post', async () => {
    const topic = await startTopic(w.memberA.client, spaceA.id);
    const post = await firstPostOf(w.memberA.client, topic.id);
    const pendingSpace = await space(t, { scopeKey: `inst:${w.schoolA.id}`, firstPostsNeedApproval: true });
    const pendingTopic = await startTopic(w.otherA.client, pendingSpace.id);
    const pending = await firstPostOf(w.otherA.client, pendingTopic.id);
    for (const [who, id] of [
      [w.memberB, post.id],
      [w.leadB, post.id],
      [w.memberA, pending.id],
      [w.memberA, randomUUID()],
    ] as const) {
      const response = await who.client.put(`${API}/posts/${id}/bookmark`, {});
      expect(response.status).toBe(404);
    }
    expect(await count(t, 'SELECT count(*) FROM bookmark WHERE post_id = ANY($1::uuid[])', [[post.id, pending.id]])).toBe(0);
  });

  it('removes a bookmark with 204, and a second DELETE is still 204', async () => {
    const reader = await person(t, { institutionId: w.schoolA.id });
    const topic = await startTopic(w.memberA.client, spaceA.id);
    const post = await firstPostOf(w.memberA.client, topic.id);
    await reader.client.put(`${API}/posts/${post.id}/bookmark`, {});
    expect((await reader.client.delete(`${API}/posts/${post.id}/bookmark`)).status).toBe(204);
    expect((await reader.client.delete(`${API}/posts/${post.id}/bookmark`)).status).toBe(204);
    expect((await bookmarksOf(reader)).items).toEqual([]);
  });

  it('pages newest first with a cursor, never repeating or skipping a bookmark', async () => {
    const reader = await person(t, { institutionId: w.schoolA.id });
    const topic = await startTopic(w.memberA.client, spaceA.id);
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const post = await reply(w.memberA.client, topic.id, { body: `Reply ${i}` });
      await reader.client.put(`${API}/posts/${post.id}/bookmark`, {});
      ids.push(post.id);
      t.clock.advance(1000);
    }
    const first = await bookmarksOf(reader, '?limit=2');
    const second = await bookmarksOf(reader, `?limit=2&cursor=${first.nextCursor}`);
    const third = await bookmarksOf(reader, `?limit=2&cursor=${second.nextCursor}`);
    expect(third.nextCursor).toBeNull();
    const seen = [...first.items, ...second.items, ...third.items].map((item) => item.post.id);
    expect(seen).toEqual([...ids].reverse());
    expect((await reader.client.get(`${API}/me/bookmarks?cursor=garbage!!`)).status).toBe(400);
  });

  it('omits a bookmark once the reader leaves the space’s scope, and shows it again when they are back', async () => {
    const topic = await startTopic(w.memberA.client, cohortSpace.id);
    const post = await firstPostOf(w.memberA.client, topic.id);
    const reader = await person(t, { institutionId: w.schoolA.id, cohortIds: [w.cohortA.id] });
    await reader.client.put(`${API}/posts/${post.id}/bookmark`, {});
    await t.db.query('DELETE FROM cohort_member WHERE cohort_id = $1 AND user_id = $2', [w.cohortA.id, reader.id]);
    const hidden = await reader.client.get(`${API}/me/bookmarks`);
    expect(hidden.body.items).toEqual([]);
    expect(JSON.stringify(hidden.body)).not.toContain(post.id);
    await t.db.query('INSERT INTO cohort_member (cohort_id, user_id) VALUES ($1, $2)', [w.cohortA.id, reader.id]);
    expect((await bookmarksOf(reader)).items.map((item) => item.post.id)).toEqual([post.id]);
  });

  it('keeps a space’s scope fixed: the database refuses to change it or delete the space', async () => {
    await expect(t.db.query('UPDATE space SET scope_key = $2 WHERE id = $1', [cohortSpace.id, 'consortium'])).rejects.toThrow(
      /keeps the scope it was created with/,
    );
    await expect(t.db.query('DELETE FROM space WHERE id = $1', [cohortSpace.id])).rejects.toThrow(/never deleted/);
    await t.db.query('UPDATE space SET name = name WHERE id = $1', [cohortSpace.id]);
  });

  it('shows a bookmarked post that was later hidden without its text, as the post itself is shown', async () => {
    const reader = await person(t, { institutionId: w.schoolA.id });
    const topic = await startTopic(w.memberA.client, spaceA.id);
    const post = await reply(w.otherA.client, topic.id, { body: 'Soon hidden words' });
    await reader.client.put(`${API}/posts/${post.id}/bookmark`, {});
    expect((await facilitator.client.post(`${API}/posts/${post.id}/hide`, { reason: 'Off topic' })).status).toBe(200);
    const { items } = await bookmarksOf(reader);
    expect(items[0].post).toMatchObject({ id: post.id, status: 'hidden', html: null });
    expect(JSON.stringify(items)).not.toContain('Soon hidden words');
  });

  it('is private: nobody sees another person’s bookmarks', async () => {
    const reader = await person(t, { institutionId: w.schoolA.id });
    const topic = await startTopic(w.memberA.client, spaceA.id);
    const post = await firstPostOf(w.memberA.client, topic.id);
    await reader.client.put(`${API}/posts/${post.id}/bookmark`, {});
    const other = await person(t, { institutionId: w.schoolA.id });
    expect((await bookmarksOf(other)).items).toEqual([]);
  });
});

describe('my posts', () => {
  it('lists the reader’s own posts newest first, anonymous ones included, and leaves out deleted ones', async () => {
    const writer = await person(t, { institutionId: w.schoolA.id });
    const topic = await startTopic(writer.client, spaceA.id, { body: 'My opening' });
    t.clock.advance(1000);
    const anonymous = await reply(writer.client, topic.id, { body: 'Said anonymously', anonymous: true });
    t.clock.advance(1000);
    const deleted = await reply(writer.client, topic.id, { body: 'Taken back' });
    expect((await writer.client.delete(`${API}/posts/${deleted.id}`)).status).toBe(204);
    await reply(w.otherA.client, topic.id, { body: 'Someone else' });

    const response = await writer.client.get(`${API}/me/posts`);
    expect(response.status).toBe(200);
    const items = response.body.items as any[];
    expect(items.map((post) => post.id)).toEqual([anonymous.id, (await firstPostOf(writer.client, topic.id)).id]);
    expect(items[0]).toMatchObject({ mine: true, author: { anonymous: true, pseudonym: expect.any(String) } });
    expect(items[0].author.id).toBeUndefined();
    expect(items.every((post) => post.mine)).toBe(true);
  });

  it('never shows one person’s anonymous post in anyone else’s list', async () => {
    const writer = await person(t, { institutionId: w.schoolA.id });
    const topic = await startTopic(w.memberA.client, spaceA.id);
    const anonymous = await reply(writer.client, topic.id, { body: 'Only mine', anonymous: true });
    for (const who of [w.memberA, facilitator, w.admin]) {
      const response = await who.client.get(`${API}/me/posts?limit=100`);
      expect(response.status).toBe(200);
      expect(JSON.stringify(response.body)).not.toContain(anonymous.id);
    }
  });

  it('leaves out posts in a space the writer can no longer read', async () => {
    const writer = await person(t, { institutionId: w.schoolA.id, cohortIds: [w.cohortA.id] });
    const lost = await space(t, { scopeKey: `cohort:${w.cohortA.id}` });
    const topic = await startTopic(writer.client, lost.id);
    await t.db.query('DELETE FROM cohort_member WHERE cohort_id = $1 AND user_id = $2', [w.cohortA.id, writer.id]);
    const response = await writer.client.get(`${API}/me/posts`);
    expect(response.body.items).toEqual([]);
    expect(JSON.stringify(response.body)).not.toContain(topic.id);
  });

  it('pages with a cursor', async () => {
    const writer = await person(t, { institutionId: w.schoolA.id });
    const topic = await startTopic(writer.client, spaceA.id);
    for (let i = 0; i < 3; i += 1) {
      t.clock.advance(1000);
      await reply(writer.client, topic.id, { body: `Mine ${i}` });
    }
    const first = await writer.client.get(`${API}/me/posts?limit=3`);
    expect(first.body.items).toHaveLength(3);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await writer.client.get(`${API}/me/posts?limit=3&cursor=${first.body.nextCursor}`);
    expect(second.body.items.map((post: any) => post.postNumber)).toEqual([1]);
    expect(second.body.nextCursor).toBeNull();
  });

  it('requires a signed-in person', async () => {
    expect((await new Client(t.url).get(`${API}/me/posts`)).status).toBe(401);
    expect((await new Client(t.url).get(`${API}/me/bookmarks`)).status).toBe(401);
  });
});
