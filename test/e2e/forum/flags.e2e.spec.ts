import { randomUUID } from 'node:crypto';
import { startTestApp, type TestApp } from '../../support/test-app';
import {
  afterFloodWindow,
  API,
  buildWorld,
  count,
  person,
  reply,
  space,
  startTopic,
  type Person,
  type World,
} from './forum-support';
import { flag, myFlags, postBy, queue, queued, resolve } from './flag-support';

let t: TestApp;
let w: World;
let facilitator: Person;
let spaceA: { id: string };
beforeAll(async () => {
  t = await startTestApp();
  w = await buildWorld(t);
  facilitator = await person(t, { institutionId: w.schoolA.id });
  spaceA = await space(t, { scopeKey: `inst:${w.schoolA.id}`, facilitatorIds: [facilitator.id], allowAnonymous: true });
});
afterAll(() => t.close());
beforeEach(() => afterFloodWindow(t));

const postIn = (spaceId: string, author: Person = w.memberA, body: Record<string, unknown> = {}) => postBy(author, spaceId, body);

describe('flagging a post', () => {
  it('records a flag as received, with the private note kept for reviewers', async () => {
    const post = await postIn(spaceA.id);
    const response = await flag(w.otherA, post.id, { kind: 'harm', note: '  This targets a classmate.  ' });
    expect(response.status).toBe(201);
    expect(response.body).toEqual({ id: expect.any(String), kind: 'harm', status: 'received', createdAt: expect.any(String) });
    const [row] = await t.db.query('SELECT note, reporter_id AS "reporterId" FROM post_flag WHERE id = $1', [response.body.id]);
    expect(row).toEqual({ note: 'This targets a classmate.', reporterId: w.otherA.id });
  });

  it('allows one open flag per person per post: a second is 409 ALREADY_FLAGGED, another person may still flag', async () => {
    const post = await postIn(spaceA.id);
    expect((await flag(w.otherA, post.id)).status).toBe(201);
    const again = await flag(w.otherA, post.id, { kind: 'harm' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('ALREADY_FLAGGED');
    expect((await flag(w.leadA, post.id)).status).toBe(201);
    expect(await count(t, 'SELECT count(*) FROM post_flag WHERE post_id = $1', [post.id])).toBe(2);
  });

  it('lets only one of several simultaneous flags by one person through', async () => {
    const post = await postIn(spaceA.id);
    const results = await Promise.all([1, 2, 3].map(() => flag(w.otherA, post.id)));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409]);
  });

  it('lets a person flag again once their earlier flag was resolved', async () => {
    const post = await postIn(spaceA.id);
    const first = await flag(w.otherA, post.id);
    await resolve(facilitator, first.body.id, { action: 'dismiss' });
    expect((await flag(w.otherA, post.id, { kind: 'harm' })).status).toBe(201);
  });

  it('returns 404, not 403, for a post the person cannot read, and for a post that does not exist', async () => {
    const post = await postIn(spaceA.id);
    expect((await flag(w.memberB, post.id)).status).toBe(404);
    expect((await flag(w.leadB, post.id)).status).toBe(404);
    expect((await flag(w.otherA, randomUUID())).status).toBe(404);
    expect(await count(t, 'SELECT count(*) FROM post_flag WHERE post_id = $1', [post.id])).toBe(0);
  });

  it("returns 404 for another person's post that still awaits approval", async () => {
    const gated = await space(t, {
      scopeKey: `inst:${w.schoolA.id}`,
      firstPostsNeedApproval: true,
      facilitatorIds: [facilitator.id],
    });
    const newcomer = await person(t, { institutionId: w.schoolA.id });
    const topic = await startTopic(facilitator.client, gated.id);
    const pending = await reply(newcomer.client, topic.id);
    expect(pending.status).toBe('pending');
    expect((await flag(w.otherA, pending.id)).status).toBe(404);
  });

  it('refuses flagging your own post with 400', async () => {
    const post = await postIn(spaceA.id);
    const response = await flag(w.memberA, post.id);
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
  });

  it('refuses an unknown kind, a note over 1000 characters, unknown fields and a malformed id with 400', async () => {
    const post = await postIn(spaceA.id);
    expect((await flag(w.otherA, post.id, { kind: 'rude' })).status).toBe(400);
    expect((await flag(w.otherA, post.id, {})).status).toBe(400);
    expect((await flag(w.otherA, post.id, { kind: 'spam', note: 'x'.repeat(1001) })).status).toBe(400);
    expect((await flag(w.otherA, post.id, { kind: 'spam', reporterId: w.leadA.id })).status).toBe(400);
    expect((await w.otherA.client.post(`${API}/posts/not-a-uuid/flags`, { kind: 'spam' })).body.code).toBe('INVALID_ID');
    expect(await count(t, 'SELECT count(*) FROM post_flag WHERE post_id = $1', [post.id])).toBe(0);
    expect((await flag(w.otherA, post.id, { kind: 'off_topic', note: 'x'.repeat(1000) })).status).toBe(201);
  });
});

describe("the reporter's view and the author's view", () => {
  it('shows the reporter their own reports with post and topic, and the status as it moves', async () => {
    const post = await postIn(spaceA.id);
    const other = await postIn(spaceA.id);
    const mine = await flag(w.otherA, post.id, { kind: 'off_topic', note: 'Belongs elsewhere' });
    await flag(w.leadA, post.id);
    await flag(w.leadA, other.id);
    const listed = (await myFlags(w.otherA)).filter((f) => f.postId === post.id || f.postId === other.id);
    expect(listed).toEqual([
      expect.objectContaining({
        id: mine.body.id,
        kind: 'off_topic',
        note: 'Belongs elsewhere',
        status: 'received',
        postId: post.id,
        topicId: post.topicId,
        resolvedAt: null,
      }),
    ]);
    await resolve(facilitator, mine.body.id, { action: 'dismiss' });
    expect((await myFlags(w.otherA)).find((f) => f.id === mine.body.id)).toMatchObject({
      status: 'reviewed',
      resolvedAt: expect.any(String),
    });
  });

  it('shows "action_taken" to every reporter of a post that was hidden', async () => {
    const post = await postIn(spaceA.id);
    const one = await flag(w.otherA, post.id, { kind: 'harm' });
    const two = await flag(w.leadA, post.id, { kind: 'spam' });
    await resolve(facilitator, one.body.id, { action: 'hide', reason: 'Breaks agreement 2' });
    expect((await myFlags(w.otherA)).find((f) => f.id === one.body.id).status).toBe('action_taken');
    expect((await myFlags(w.leadA)).find((f) => f.id === two.body.id).status).toBe('action_taken');
  });

  it('never tells the author that their post was flagged, or by whom', async () => {
    const post = await postIn(spaceA.id);
    await flag(w.otherA, post.id, { kind: 'harm', note: 'Secret reporter note' });
    const views = [
      await w.memberA.client.get(`${API}/posts/${post.id}`),
      await w.memberA.client.get(`${API}/topics/${post.topicId}/posts`),
      await w.memberA.client.get(`${API}/topics/${post.topicId}`),
      await w.memberA.client.get(`${API}/me/flags`),
      await w.memberA.client.get(`${API}/posts/${post.id}/reactions`),
    ];
    for (const view of views) {
      expect(view.status).toBe(200);
      const text = JSON.stringify(view.body);
      expect(text).not.toContain(w.otherA.id);
      expect(text).not.toContain(w.otherA.displayName);
      expect(text).not.toContain('Secret reporter note');
      expect(text).not.toMatch(/flag/i);
    }
    expect((await queue(w.memberA)).status).toBe(403);
  });

  it('keeps flags on a facilitator’s own post out of their queue, and 404s their attempt to resolve one', async () => {
    const post = await postIn(spaceA.id, facilitator);
    const flagged = await flag(w.otherA, post.id, { kind: 'harm', note: 'About the facilitator' });
    expect(await queued(facilitator, post.id)).toBeUndefined();
    expect((await resolve(facilitator, flagged.body.id, { action: 'dismiss' })).status).toBe(404);
    // The admin still reviews it, so a flag on a facilitator is not lost.
    expect((await queued(w.admin, post.id)).flags).toHaveLength(1);
  });
});

describe('who has a review queue', () => {
  it('returns 403 to people who review nothing: members, and platform facilitators without a space', async () => {
    for (const who of [w.memberA, w.memberB, w.platformFacilitator]) {
      const response = await queue(who);
      expect(response.status).toBe(403);
      expect(response.body.code).toBe('FORBIDDEN');
    }
  });

  it('returns 404 for a spaceId the caller cannot read, and 403 for a readable space they do not review', async () => {
    const spaceB = await space(t, { scopeKey: `inst:${w.schoolB.id}` });
    const consortium = await space(t, { scopeKey: 'consortium' });
    expect((await queue(facilitator, spaceB.id)).status).toBe(404);
    expect((await queue(w.leadA, spaceB.id)).status).toBe(404);
    expect((await queue(facilitator, consortium.id)).status).toBe(403);
    expect((await queue(w.leadA, consortium.id)).status).toBe(403);
    expect((await queue(facilitator, randomUUID())).status).toBe(404);
    expect((await queue(facilitator, spaceA.id)).status).toBe(200);
  });

  it('lists open flags grouped per post with kind, note and reporter, only from spaces the caller facilitates', async () => {
    const post = await postIn(spaceA.id);
    const elsewhere = await space(t, { scopeKey: `inst:${w.schoolA.id}` });
    const otherPost = await postIn(elsewhere.id);
    await flag(w.otherA, post.id, { kind: 'spam' });
    await flag(w.leadA, post.id, { kind: 'harm', note: 'Hurtful to us' });
    await flag(w.otherA, otherPost.id, { kind: 'spam' });
    const entry = await queued(facilitator, post.id);
    expect(entry.post).toMatchObject({
      id: post.id,
      topicId: post.topicId,
      spaceId: spaceA.id,
      status: 'visible',
      author: { id: w.memberA.id },
    });
    expect(entry.post.html).toContain('Words someone may object to');
    expect(entry.flags).toEqual([
      expect.objectContaining({ kind: 'spam', note: null, reporter: { id: w.otherA.id, displayName: w.otherA.displayName } }),
      expect.objectContaining({
        kind: 'harm',
        note: 'Hurtful to us',
        reporter: { id: w.leadA.id, displayName: w.leadA.displayName },
      }),
    ]);
    expect(await queued(facilitator, otherPost.id)).toBeUndefined();
    const filtered = await queue(facilitator, spaceA.id);
    expect((filtered.body.flagged as any[]).every((e) => e.post.spaceId === spaceA.id)).toBe(true);
    // Admins moderate every space.
    expect((await queued(w.admin, otherPost.id)).flags).toHaveLength(1);
  });

  it('lists posts awaiting approval, and approving through /posts/:id/restore takes them off', async () => {
    const gated = await space(t, {
      scopeKey: `inst:${w.schoolA.id}`,
      firstPostsNeedApproval: true,
      facilitatorIds: [facilitator.id],
    });
    const newcomer = await person(t, { institutionId: w.schoolA.id });
    const topic = await startTopic(facilitator.client, gated.id);
    const pending = await reply(newcomer.client, topic.id, { body: 'My first words here' });
    const listed = (await queue(facilitator, gated.id)).body.pending as any[];
    expect(listed).toEqual([
      expect.objectContaining({ id: pending.id, status: 'pending', html: expect.stringContaining('My first words here') }),
    ]);
    expect((await queue(w.leadA, gated.id)).body.pending).toEqual([]);
    expect((await facilitator.client.post(`${API}/posts/${pending.id}/restore`)).status).toBe(200);
    expect((await queue(facilitator, gated.id)).body.pending).toEqual([]);
  });

  it('shows only the pseudonym of an anonymous post, to the facilitator and the admin alike', async () => {
    const post = await postIn(spaceA.id, w.memberA, { anonymous: true, body: 'Said without my name' });
    await flag(w.otherA, post.id, { kind: 'harm' });
    for (const reviewer of [facilitator, w.admin]) {
      const entry = await queued(reviewer, post.id);
      expect(entry.post.author).toEqual({
        displayName: expect.stringMatching(/^Participant \d+$/),
        anonymous: true,
        pseudonym: expect.any(String),
      });
      const text = JSON.stringify(entry);
      expect(text).not.toContain(w.memberA.id);
      expect(text).not.toContain(w.memberA.displayName);
    }
  });
});
