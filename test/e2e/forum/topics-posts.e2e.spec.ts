import { randomUUID } from 'node:crypto';
import { startTestApp, type TestApp } from '../../support/test-app';
import {
  afterFloodWindow,
  API,
  buildWorld,
  count,
  firstPostOf,
  person,
  postsOf,
  reply,
  space,
  startTopic,
  type World,
} from './forum-support';

let t: TestApp;
let w: World;
let spaceA: { id: string };
beforeAll(async () => {
  t = await startTestApp();
  w = await buildWorld(t);
  spaceA = await space(t, { scopeKey: `inst:${w.schoolA.id}`, facilitatorIds: [w.leadA.id] });
});
afterAll(() => t.close());
beforeEach(() => afterFloodWindow(t));

describe('starting a topic', () => {
  it('trims the title, lower-cases and de-duplicates tags, and tidies content notes', async () => {
    const topic = await startTopic(w.memberA.client, spaceA.id, {
      title: '   Curriculum audit   ',
      tags: ['Equity', ' equity ', 'BIAS', 'bias', ''],
      contentNotes: ['  discusses racial violence ', 'discusses racial violence', ' '],
      kind: 'question',
    });
    expect(topic).toMatchObject({
      title: 'Curriculum audit',
      tags: ['equity', 'bias'],
      contentNotes: ['discusses racial violence'],
      kind: 'question',
      spaceId: spaceA.id,
      author: { id: w.memberA.id, displayName: w.memberA.displayName, anonymous: false },
      replyCount: 0,
      lastPostNumber: 1,
      state: 'open',
    });
  });

  it('renders the first post to safe HTML: bold, escaped script, no javascript: link, marked external links', async () => {
    const body = [
      'Some **bold** words.',
      '',
      '<script>alert("x")</script>',
      '',
      '[click me](javascript:alert(1)) and [a reference](https://example.org/page)',
    ].join('\n');
    const topic = await startTopic(w.memberA.client, spaceA.id, { body });
    const { html } = await firstPostOf(w.memberA.client, topic.id);
    expect(html).toContain('<strong>bold</strong>');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toMatch(/javascript:/i);
    expect(html).toContain('click me');
    expect(html).toMatch(/<a [^>]*href="https:\/\/example\.org\/page"[^>]*>/);
    expect(html).toMatch(/rel="nofollow ugc noopener noreferrer"/);
  });

  it.each([
    ['an empty title', { title: '' }],
    ['a whitespace title', { title: '   \t ' }],
    ['a title over 200 characters', { title: 'x'.repeat(201) }],
    ['a missing body', { body: undefined }],
    ['a blank body', { body: '  \n  ' }],
    ['an unknown field', { authorId: randomUUID() }],
  ])('refuses %s with 400 and writes nothing', async (_case, override) => {
    const before = await count(t, 'SELECT count(*) FROM topic');
    const response = await w.memberA.client.post(`${API}/spaces/${spaceA.id}/topics`, {
      title: 'Fine',
      body: 'Fine',
      ...override,
    });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect(await count(t, 'SELECT count(*) FROM topic')).toBe(before);
  });

  it('accepts a title of exactly 200 characters', async () => {
    const topic = await startTopic(w.memberA.client, spaceA.id, { title: 'y'.repeat(200) });
    expect(topic.title).toHaveLength(200);
  });

  it('refuses a body over 64 KB with 400 POST_TOO_LONG, counting bytes rather than characters', async () => {
    const ascii = await w.memberA.client.post(`${API}/spaces/${spaceA.id}/topics`, {
      title: 'Long',
      body: 'a'.repeat(64 * 1024 + 1),
    });
    expect(ascii.status).toBe(400);
    expect(ascii.body.code).toBe('POST_TOO_LONG');
    // 33 000 characters, 66 000 bytes.
    const multibyte = await w.memberA.client.post(`${API}/spaces/${spaceA.id}/topics`, {
      title: 'Long',
      body: 'é'.repeat(33_000),
    });
    expect(multibyte.body.code).toBe('POST_TOO_LONG');
    const exact = await w.memberA.client.post(`${API}/spaces/${spaceA.id}/topics`, {
      title: 'Exact',
      body: 'a'.repeat(64 * 1024),
    });
    expect(exact.status).toBe(201);
  });

  it('returns 404 for an unknown space, and 404 (not 403) for a space of another school', async () => {
    const unknown = await w.memberA.client.post(`${API}/spaces/${randomUUID()}/topics`, { title: 'Hi', body: 'Hello' });
    expect(unknown.status).toBe(404);
    const theirs = await space(t, { scopeKey: `inst:${w.schoolB.id}` });
    const hidden = await w.memberA.client.post(`${API}/spaces/${theirs.id}/topics`, { title: 'Hi', body: 'Hello' });
    expect(hidden.status).toBe(404);
    expect(hidden.body.code).toBe('NOT_FOUND');
    expect(await count(t, 'SELECT count(*) FROM topic WHERE space_id = $1', [theirs.id])).toBe(0);
  });

  it('refuses a member in a space where only facilitators start topics with 403 FACILITATORS_ONLY; they may still reply', async () => {
    const curated = await space(t, {
      scopeKey: `inst:${w.schoolA.id}`,
      whoMayStart: 'facilitators',
      facilitatorIds: [w.leadA.id],
    });
    const refused = await w.memberA.client.post(`${API}/spaces/${curated.id}/topics`, { title: 'Mine', body: 'Hello' });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('FACILITATORS_ONLY');
    const topic = await startTopic(w.leadA.client, curated.id, { title: 'Prompt for this week' });
    await reply(w.memberA.client, topic.id);
  });
});

describe('replies', () => {
  it('numbers 10 concurrent replies from different people 2..11 without gaps or repeats', async () => {
    const open = await space(t, { scopeKey: 'consortium' });
    const topic = await startTopic(w.memberA.client, open.id);
    const repliers = await Promise.all(Array.from({ length: 10 }, () => person(t)));
    const replies = await Promise.all(repliers.map((p, i) => reply(p.client, topic.id, { body: `Reply from person ${i}` })));
    expect(replies.map((r) => r.postNumber).sort((a, b) => a - b)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    const posts = await postsOf(w.memberA.client, topic.id);
    expect(posts.map((p) => p.postNumber)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(new Set(posts.map((p) => p.author.id)).size).toBe(11);
    expect((await w.memberA.client.get(`${API}/topics/${topic.id}`)).body).toMatchObject({ lastPostNumber: 11, replyCount: 10 });
  });

  it('records which post a reply answers, and refuses a missing target with 400 REPLY_TARGET_NOT_FOUND', async () => {
    const topic = await startTopic(w.memberA.client, spaceA.id);
    const answer = await reply(w.otherA.client, topic.id, { replyToPostNumber: 1 });
    expect(answer.replyToPostNumber).toBe(1);
    const response = await w.otherA.client.post(`${API}/topics/${topic.id}/posts`, { body: 'To nobody', replyToPostNumber: 7 });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('REPLY_TARGET_NOT_FOUND');
    expect((await w.otherA.client.get(`${API}/topics/${topic.id}`)).body.lastPostNumber).toBe(2);
  });

  it('renders a [quote=1] of an existing post with a link back to it', async () => {
    const topic = await startTopic(w.memberA.client, spaceA.id, { body: 'What did your school change first?' });
    const quoted = await reply(w.otherA.client, topic.id, {
      body: '[quote=1]\nWhat did your school change first?\n[/quote]\n\nThe grading rubric.',
    });
    expect(quoted.html).toContain(`href="/forum/t/${topic.id}#post-1"`);
    expect(quoted.html).toContain('The grading rubric.');
    expect(quoted.html).toMatch(/<blockquote[^>]*data-post-number="1"/);
  });

  it('refuses quoting a post that does not exist with 400 QUOTE_NOT_FOUND and writes nothing', async () => {
    const topic = await startTopic(w.memberA.client, spaceA.id);
    const response = await w.otherA.client.post(`${API}/topics/${topic.id}/posts`, {
      body: '[quote=5]\nnever said\n[/quote]\nreally',
    });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('QUOTE_NOT_FOUND');
    expect(await count(t, 'SELECT count(*) FROM post WHERE topic_id = $1', [topic.id])).toBe(1);
  });

  it('returns 404 for replies to a topic of another school, and to an unknown topic', async () => {
    const theirs = await space(t, { scopeKey: `inst:${w.schoolB.id}` });
    const topic = await startTopic(w.memberB.client, theirs.id);
    expect((await w.memberA.client.post(`${API}/topics/${topic.id}/posts`, { body: 'Hi' })).status).toBe(404);
    expect((await w.memberA.client.get(`${API}/topics/${topic.id}`)).status).toBe(404);
    expect((await w.memberA.client.post(`${API}/topics/${randomUUID()}/posts`, { body: 'Hi' })).status).toBe(404);
  });
});

describe('editing and deleting posts', () => {
  it('keeps every earlier text as a revision and shows the post as edited', async () => {
    const topic = await startTopic(w.memberA.client, spaceA.id);
    const post = await reply(w.memberA.client, topic.id, { body: 'First draft' });
    const edited = await w.memberA.client.patch(`${API}/posts/${post.id}`, { body: 'Second **draft**' });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ edited: true, html: expect.stringContaining('<strong>draft</strong>') });
    expect(edited.body.editedAt).not.toBeNull();
    await w.memberA.client.patch(`${API}/posts/${post.id}`, { body: 'Third draft' });

    const revisions = await w.memberA.client.get(`${API}/posts/${post.id}/revisions`);
    expect(revisions.status).toBe(200);
    expect(revisions.body.current).toBe('Third draft');
    expect(revisions.body.items.map((r: { revision: number; source: string }) => [r.revision, r.source])).toEqual([
      [1, 'First draft'],
      [2, 'Second **draft**'],
    ]);
    // Who made each edit, and what it changed.
    expect(revisions.body.items[1]).toMatchObject({
      editedBy: { id: w.memberA.id, anonymous: false },
      diff: { parts: [{ op: 'removed', lines: ['Second **draft**'] }, { op: 'added', lines: ['Third draft'] }] },
    });
    expect((await w.otherA.client.get(`${API}/posts/${post.id}`)).body).toMatchObject({
      edited: true,
      html: expect.stringContaining('Third draft'),
    });
  });

  it("shows revisions to the space's facilitator but answers 404 to another member", async () => {
    const topic = await startTopic(w.memberA.client, spaceA.id);
    const post = await reply(w.memberA.client, topic.id, { body: 'Before' });
    await w.memberA.client.patch(`${API}/posts/${post.id}`, { body: 'After' });
    expect((await w.leadA.client.get(`${API}/posts/${post.id}/revisions`)).status).toBe(200);
    const peer = await w.otherA.client.get(`${API}/posts/${post.id}/revisions`);
    expect(peer.status).toBe(404);
    expect(JSON.stringify(peer.body)).not.toContain('Before');
  });

  it('refuses an edit by anyone but the author with 403, and an over-long edit with POST_TOO_LONG', async () => {
    const topic = await startTopic(w.memberA.client, spaceA.id);
    const post = await reply(w.memberA.client, topic.id, { body: 'Mine' });
    expect((await w.otherA.client.patch(`${API}/posts/${post.id}`, { body: 'Yours now' })).status).toBe(403);
    expect((await w.leadA.client.patch(`${API}/posts/${post.id}`, { body: 'Facilitated' })).status).toBe(403);
    expect((await w.memberA.client.patch(`${API}/posts/${post.id}`, { body: 'b'.repeat(64 * 1024 + 1) })).body.code).toBe(
      'POST_TOO_LONG',
    );
    expect((await w.memberA.client.get(`${API}/posts/${post.id}`)).body.edited).toBe(false);
  });

  it('lets the author soft-delete a reply: it keeps its number, its status is deleted and its text is gone', async () => {
    const topic = await startTopic(w.memberA.client, spaceA.id);
    const post = await reply(w.memberA.client, topic.id, { body: 'Regret this' });
    await reply(w.otherA.client, topic.id);
    expect((await w.otherA.client.delete(`${API}/posts/${post.id}`)).status).toBe(403);
    expect((await w.memberA.client.delete(`${API}/posts/${post.id}`)).status).toBe(204);
    for (const viewer of [w.memberA, w.otherA, w.leadA]) {
      const seen = await viewer.client.get(`${API}/posts/${post.id}`);
      expect(seen.body).toMatchObject({ status: 'deleted', html: null, postNumber: 2 });
      const listed = (await postsOf(viewer.client, topic.id)).find((p) => p.id === post.id)!;
      expect(listed).toMatchObject({ status: 'deleted', html: null });
      expect(JSON.stringify(listed)).not.toContain('Regret this');
    }
    expect((await postsOf(w.otherA.client, topic.id)).map((p) => p.postNumber)).toEqual([1, 2, 3]);
  });

  it('refuses deleting the first post of a topic with 400', async () => {
    const topic = await startTopic(w.memberA.client, spaceA.id);
    const first = await firstPostOf(w.memberA.client, topic.id);
    const response = await w.memberA.client.delete(`${API}/posts/${first.id}`);
    expect(response.status).toBe(400);
    expect((await w.memberA.client.get(`${API}/posts/${first.id}`)).body.status).toBe('visible');
  });
});

describe('first posts that need approval', () => {
  it("holds a newcomer's first post as pending, hidden from peers, until a facilitator approves it", async () => {
    const moderated = await space(t, {
      scopeKey: `inst:${w.schoolA.id}`,
      firstPostsNeedApproval: true,
      facilitatorIds: [w.leadA.id],
    });
    const newcomer = await person(t, { institutionId: w.schoolA.id });
    const topic = await startTopic(newcomer.client, moderated.id, { body: 'My first words here' });
    const mine = await firstPostOf(newcomer.client, topic.id);
    expect(mine).toMatchObject({ status: 'pending', html: expect.stringContaining('My first words here') });

    // Until approved, the whole topic (title included) exists only for its author and the facilitators.
    expect((await w.memberA.client.get(`${API}/topics/${topic.id}`)).status).toBe(404);
    expect((await w.memberA.client.get(`${API}/topics/${topic.id}/posts`)).status).toBe(404);
    const listed = await w.memberA.client.get(`${API}/topics?spaceId=${moderated.id}`);
    expect(listed.body.items.map((item: { id: string }) => item.id)).not.toContain(topic.id);
    expect(JSON.stringify(listed.body)).not.toContain(topic.title);
    expect((await newcomer.client.get(`${API}/topics/${topic.id}`)).status).toBe(200);
    expect((await w.leadA.client.get(`${API}/topics/${topic.id}`)).status).toBe(200);
    const peer = await w.memberA.client.get(`${API}/posts/${mine.id}`);
    expect(peer.status).toBe(404);
    expect(JSON.stringify(peer.body)).not.toContain('My first words');
    expect((await w.leadA.client.get(`${API}/posts/${mine.id}`)).body.status).toBe('pending');

    expect((await w.memberA.client.post(`${API}/posts/${mine.id}/restore`)).status).toBe(404);
    const approved = await w.leadA.client.post(`${API}/posts/${mine.id}/restore`);
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('visible');
    expect((await postsOf(w.memberA.client, topic.id)).map((p) => p.id)).toEqual([mine.id]);
    const [entry] = await t.db.query("SELECT actor_id FROM audit_entry WHERE action = 'post.approve' AND target_id = $1", [
      mine.id,
    ]);
    expect(entry.actor_id).toBe(w.leadA.id);
  });

  it('holds a first reply too, and lets later posts through once one was approved', async () => {
    const moderated = await space(t, {
      scopeKey: `inst:${w.schoolA.id}`,
      firstPostsNeedApproval: true,
      facilitatorIds: [w.leadA.id],
    });
    const topic = await startTopic(w.leadA.client, moderated.id);
    expect((await firstPostOf(w.leadA.client, topic.id)).status).toBe('visible');
    const newcomer = await person(t, { institutionId: w.schoolA.id });
    const first = await reply(newcomer.client, topic.id, { body: 'Hello all' });
    expect(first.status).toBe('pending');
    const second = await reply(newcomer.client, topic.id, { body: 'Anyone?' });
    expect(second.status).toBe('pending');
    expect((await postsOf(w.memberA.client, topic.id)).map((p) => p.postNumber)).toEqual([1]);
    await w.leadA.client.post(`${API}/posts/${first.id}/restore`);
    const third = await reply(newcomer.client, topic.id, { body: 'Thanks' });
    expect(third.status).toBe('visible');
  });
});
