import { randomUUID } from 'node:crypto';
import type { TestApp } from '../../support/test-app';
import { API, auditEntries, count, person, postsOf, reply, space, startTopic, withFacilitatedSchoolSpace, type Person, type World } from './forum-support';

let t: TestApp;
let w: World;
let facilitator: Person;
let spaceA: { id: string };
withFacilitatedSchoolSpace((fixture) => ({ t, w, facilitator, spaceA } = fixture));

const setState = (who: Person, topicId: string, body: Record<string, unknown>) =>
  who.client.post(`${API}/topics/${topicId}/state`, body);
const tryReply = (who: Person, topicId: string, body = 'Another thought') =>
  who.client.post(`${API}/topics/${topicId}/posts`, { body });

describe('temperature control', () => {
  it('pauses a topic: members get 403 TOPIC_PAUSED, the facilitator may still post', async () => {
    const topic = await startTopic(w.memberA.client, spaceA.id);
    const paused = await setState(facilitator, topic.id, { state: 'paused', reason: 'Taking a breath overnight.' });
    expect(paused.status).toBe(200);
    expect(paused.body.state).toBe('paused');
    const refused = await tryReply(w.otherA, topic.id);
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('TOPIC_PAUSED');
    await reply(facilitator.client, topic.id, { body: 'We will reopen tomorrow.' });
    expect(await count(t, 'SELECT count(*) FROM post WHERE topic_id = $1 AND author_id = $2', [topic.id, w.otherA.id])).toBe(0);
  });

  it('freezes edits in a paused topic for members, so a paused thread cannot change under readers', async () => {
    const topic = await startTopic(w.memberA.client, spaceA.id);
    const [first] = await postsOf(w.memberA.client, topic.id);
    await setState(facilitator, topic.id, { state: 'paused', reason: 'A pause for everyone.' });
    const edit = await w.memberA.client.patch(`${API}/posts/${first.id}`, { body: 'Changed while paused' });
    expect(edit.status).toBe(403);
    expect(edit.body.code).toBe('TOPIC_PAUSED');
    expect(await count(t, 'SELECT count(*) FROM post_revision WHERE post_id = $1', [first.id])).toBe(0);
  });

  it('closes a topic: members get 403 TOPIC_CLOSED; reopening lets them post again', async () => {
    const topic = await startTopic(w.memberA.client, spaceA.id);
    await setState(facilitator, topic.id, { state: 'closed', reason: 'The question is answered.' });
    const refused = await tryReply(w.memberA, topic.id);
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('TOPIC_CLOSED');
    expect((await setState(facilitator, topic.id, { state: 'open', reason: 'Follow-up welcome.' })).body.state).toBe('open');
    expect((await tryReply(w.memberA, topic.id)).status).toBe(201);
  });

  it('slows a topic: a second member reply within 60 s is 429 SLOW_MODE_ACTIVE with Retry-After, and allowed after', async () => {
    const topic = await startTopic(facilitator.client, spaceA.id);
    const slowed = await setState(facilitator, topic.id, {
      state: 'slow',
      slowModeSeconds: 60,
      reason: 'Let us read each other first.',
    });
    expect(slowed.body).toMatchObject({ state: 'slow', slowModeSeconds: 60 });
    await reply(w.memberA.client, topic.id);
    t.clock.advance(20_000);
    const refused = await tryReply(w.memberA, topic.id);
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe('SLOW_MODE_ACTIVE');
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(39);
    expect(retryAfter).toBeLessThanOrEqual(41);
    // Another member has their own 60 seconds.
    expect((await tryReply(w.otherA, topic.id)).status).toBe(201);
    t.clock.advance(41_000);
    expect((await tryReply(w.memberA, topic.id)).status).toBe(201);
  });

  it('exempts the facilitator from slow mode', async () => {
    const topic = await startTopic(w.memberA.client, spaceA.id);
    await setState(facilitator, topic.id, { state: 'slow', slowModeSeconds: 60, reason: 'Cooling down.' });
    await reply(facilitator.client, topic.id);
    await reply(facilitator.client, topic.id);
  });

  it('refuses slow mode without a number of seconds with 400', async () => {
    const topic = await startTopic(w.memberA.client, spaceA.id);
    const response = await setState(facilitator, topic.id, { state: 'slow', reason: 'Cooling down.' });
    expect(response.status).toBe(400);
    expect((await w.memberA.client.get(`${API}/topics/${topic.id}`)).body.state).toBe('open');
  });

  it('posts a visible "Facilitator note" with the reason, and audits each state change with its reason', async () => {
    const topic = await startTopic(w.memberA.client, spaceA.id);
    await setState(facilitator, topic.id, { state: 'paused', reason: '  Emotions are running high.  ' });
    await setState(facilitator, topic.id, { state: 'slow', slowModeSeconds: 120, reason: 'Reopening slowly.' });
    const notes = (await postsOf(w.otherA.client, topic.id)).slice(1);
    expect(notes).toHaveLength(2);
    expect(notes[0]).toMatchObject({ status: 'visible', author: { id: facilitator.id, anonymous: false } });
    expect(notes[0].html).toMatch(/Facilitator note/);
    expect(notes[0].html).toContain('Emotions are running high.');
    expect(notes[1].html).toContain('Reopening slowly.');
    expect(notes[1].html).toMatch(/120 seconds/);
    const entries = await auditEntries(t, 'topic.state', topic.id);
    expect(entries).toEqual([
      expect.objectContaining({
        actorId: facilitator.id,
        targetType: 'topic',
        reason: 'Emotions are running high.',
        data: { state: 'paused', slowModeSeconds: null },
      }),
      expect.objectContaining({
        actorId: facilitator.id,
        reason: 'Reopening slowly.',
        data: { state: 'slow', slowModeSeconds: 120 },
      }),
    ]);
  });

  it('refuses a state change by a member, or by a platform facilitator not assigned to the space, with 403', async () => {
    const topic = await startTopic(w.memberA.client, spaceA.id);
    for (const who of [w.memberA, w.otherA, w.platformFacilitator]) {
      const response = await setState(who, topic.id, { state: 'closed', reason: 'Enough' });
      expect(response.status).toBe(403);
    }
    expect((await w.memberA.client.get(`${API}/topics/${topic.id}`)).body).toMatchObject({ state: 'open', lastPostNumber: 1 });
    expect(await auditEntries(t, 'topic.state', topic.id)).toHaveLength(0);
  });

  it('returns 404 for a state change on a topic out of scope, and 400 without a reason', async () => {
    const topic = await startTopic(w.memberA.client, spaceA.id);
    expect((await setState(w.leadB, topic.id, { state: 'closed', reason: 'x' })).status).toBe(404);
    expect((await setState(facilitator, topic.id, { state: 'closed' })).status).toBe(400);
    expect((await setState(facilitator, topic.id, { state: 'closed', reason: '  ' })).status).toBe(400);
    expect((await setState(facilitator, topic.id, { state: 'frozen', reason: 'x' })).status).toBe(400);
  });
});

describe('space-wide slow mode and the flood limit', () => {
  it("applies the space's slow mode across its topics, to replies and to new topics", async () => {
    const slowSpace = await space(t, { scopeKey: `inst:${w.schoolA.id}`, slowModeSeconds: 60, facilitatorIds: [facilitator.id] });
    const first = await startTopic(facilitator.client, slowSpace.id);
    const second = await startTopic(facilitator.client, slowSpace.id);
    await reply(w.memberA.client, first.id);
    t.clock.advance(10_000);
    const refusedReply = await tryReply(w.memberA, second.id);
    expect(refusedReply.status).toBe(429);
    expect(refusedReply.body.code).toBe('SLOW_MODE_ACTIVE');
    expect(Number(refusedReply.headers['retry-after'])).toBeGreaterThan(0);
    const refusedTopic = await w.memberA.client.post(`${API}/spaces/${slowSpace.id}/topics`, { title: 'Mine', body: 'Hello' });
    expect(refusedTopic.status).toBe(429);
    expect(refusedTopic.body.code).toBe('SLOW_MODE_ACTIVE');
    // Posting elsewhere is not slowed by this space.
    await startTopic(w.memberA.client, spaceA.id);
    t.clock.advance(51_000);
    expect((await tryReply(w.memberA, second.id)).status).toBe(201);
  });

  it('lets only one of several simultaneous replies from one member through a slowed topic', async () => {
    const topic = await startTopic(facilitator.client, spaceA.id);
    await setState(facilitator, topic.id, { state: 'slow', slowModeSeconds: 60, reason: 'One at a time.' });
    const results = await Promise.all([1, 2, 3, 4].map((i) => tryReply(w.otherA, topic.id, `At once ${i}`)));
    expect(results.map((r) => r.status).sort()).toEqual([201, 429, 429, 429]);
    expect(await count(t, 'SELECT count(*) FROM post WHERE topic_id = $1 AND author_id = $2', [topic.id, w.otherA.id])).toBe(1);
  });

  it("lets only one of several simultaneous posts from one member through the space's slow mode", async () => {
    const slowSpace = await space(t, { scopeKey: `inst:${w.schoolA.id}`, slowModeSeconds: 60, facilitatorIds: [facilitator.id] });
    const topics = [await startTopic(facilitator.client, slowSpace.id), await startTopic(facilitator.client, slowSpace.id)];
    const results = await Promise.all([
      w.memberA.client.post(`${API}/spaces/${slowSpace.id}/topics`, { title: 'One', body: 'At once' }),
      w.memberA.client.post(`${API}/spaces/${slowSpace.id}/topics`, { title: 'Two', body: 'At once' }),
      tryReply(w.memberA, topics[0].id),
      tryReply(w.memberA, topics[1].id),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 429, 429, 429]);
    const written = 'SELECT count(*) FROM post p JOIN topic x ON x.id = p.topic_id WHERE x.space_id = $1 AND p.author_id = $2';
    expect(await count(t, written, [slowSpace.id, w.memberA.id])).toBe(1);
  });

  it('refuses the 11th post within 60 seconds with 429 RATE_LIMITED and Retry-After, anywhere in the forum', async () => {
    const poster = await person(t, { institutionId: w.schoolA.id });
    const other = await space(t, { scopeKey: 'consortium' });
    const topic = await startTopic(poster.client, spaceA.id);
    for (let i = 0; i < 8; i++) await reply(poster.client, topic.id, { body: `Thought ${i}` });
    await startTopic(poster.client, other.id);
    t.clock.advance(30_000);
    const refused = await tryReply(poster, topic.id);
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe('RATE_LIMITED');
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(30);
    const refusedTopic = await poster.client.post(`${API}/spaces/${other.id}/topics`, { title: 'More', body: 'More' });
    expect(refusedTopic.body.code).toBe('RATE_LIMITED');
    expect(await count(t, 'SELECT count(*) FROM post WHERE author_id = $1', [poster.id])).toBe(10);
    t.clock.advance(retryAfter * 1000);
    expect((await tryReply(poster, topic.id)).status).toBe(201);
  });
});

describe('hiding and restoring posts', () => {
  it('hides a post with a reason: peers see status hidden, no text and the reason; author and facilitator still see the text', async () => {
    const topic = await startTopic(w.memberA.client, spaceA.id);
    const post = await reply(w.memberA.client, topic.id, { body: 'Something hurtful' });
    const hidden = await facilitator.client.post(`${API}/posts/${post.id}/hide`, { reason: '  Breaks agreement 3  ' });
    expect(hidden.status).toBe(200);
    expect(hidden.body).toMatchObject({
      status: 'hidden',
      hiddenReason: 'Breaks agreement 3',
      html: expect.stringContaining('Something hurtful'),
    });

    const peerView = await w.otherA.client.get(`${API}/posts/${post.id}`);
    expect(peerView.body).toMatchObject({ status: 'hidden', html: null, hiddenReason: 'Breaks agreement 3' });
    expect(JSON.stringify(peerView.body)).not.toContain('Something hurtful');
    const listed = (await postsOf(w.otherA.client, topic.id)).find((p) => p.id === post.id)!;
    expect(listed).toMatchObject({ status: 'hidden', html: null });
    expect((await w.memberA.client.get(`${API}/posts/${post.id}`)).body.html).toContain('Something hurtful');
    expect((await facilitator.client.get(`${API}/posts/${post.id}`)).body.html).toContain('Something hurtful');

    const [entry] = await auditEntries(t, 'post.hide', post.id);
    expect(entry).toMatchObject({ actorId: facilitator.id, reason: 'Breaks agreement 3' });
  });

  it('restores a hidden post for everyone and audits it; restoring a visible post is 409', async () => {
    const topic = await startTopic(w.memberA.client, spaceA.id);
    const post = await reply(w.memberA.client, topic.id, { body: 'Misread at first' });
    await facilitator.client.post(`${API}/posts/${post.id}/hide`, { reason: 'Checking' });
    const restored = await facilitator.client.post(`${API}/posts/${post.id}/restore`);
    expect(restored.status).toBe(200);
    expect(restored.body).toMatchObject({ status: 'visible', hiddenReason: null });
    expect((await w.otherA.client.get(`${API}/posts/${post.id}`)).body.html).toContain('Misread at first');
    expect(await auditEntries(t, 'post.restore', post.id)).toHaveLength(1);
    expect((await facilitator.client.post(`${API}/posts/${post.id}/restore`)).status).toBe(409);
  });

  it('refuses hiding without a reason, or with a blank one, with 400', async () => {
    const topic = await startTopic(w.memberA.client, spaceA.id);
    const post = await reply(w.memberA.client, topic.id);
    for (const body of [{}, { reason: '' }, { reason: '   ' }]) {
      expect((await facilitator.client.post(`${API}/posts/${post.id}/hide`, body)).status).toBe(400);
    }
    expect((await w.otherA.client.get(`${API}/posts/${post.id}`)).body.status).toBe('visible');
  });

  it('refuses hiding by a member with 403 and by someone out of scope with 404', async () => {
    const topic = await startTopic(w.memberA.client, spaceA.id);
    const post = await reply(w.memberA.client, topic.id);
    expect((await w.otherA.client.post(`${API}/posts/${post.id}/hide`, { reason: 'I dislike it' })).status).toBe(403);
    expect((await w.memberB.client.post(`${API}/posts/${post.id}/hide`, { reason: 'I dislike it' })).status).toBe(404);
    expect((await w.memberA.client.post(`${API}/posts/${randomUUID()}/hide`, { reason: 'x' })).status).toBe(404);
    expect(await auditEntries(t, 'post.hide', post.id)).toHaveLength(0);
  });

  it('refuses hiding a post its author deleted with 409, so hide-then-restore cannot bring the text back', async () => {
    const topic = await startTopic(w.memberA.client, spaceA.id);
    const post = await reply(w.memberA.client, topic.id, { body: 'Said too much' });
    await w.memberA.client.delete(`${API}/posts/${post.id}`);
    const response = await facilitator.client.post(`${API}/posts/${post.id}/hide`, { reason: 'Keeping a record' });
    expect(response.status).toBe(409);
    await facilitator.client.post(`${API}/posts/${post.id}/restore`);
    expect((await w.otherA.client.get(`${API}/posts/${post.id}`)).body).toMatchObject({ status: 'deleted', html: null });
  });

  it('keeps a hidden post from being edited by its author', async () => {
    const topic = await startTopic(w.memberA.client, spaceA.id);
    const post = await reply(w.memberA.client, topic.id);
    await facilitator.client.post(`${API}/posts/${post.id}/hide`, { reason: 'Pending review' });
    expect((await w.memberA.client.patch(`${API}/posts/${post.id}`, { body: 'Sneaky fix' })).status).toBe(403);
  });
});
