import type { Response } from 'supertest';
import { startTestApp, type TestApp } from '../../support/test-app';
import {
  afterFloodWindow,
  API,
  auditEntries,
  buildWorld,
  count,
  firstPostOf,
  person,
  postsOf,
  reply,
  space,
  startTopic,
  type Person,
  type World,
} from './forum-support';

/*
 * Anonymous posting is what lets students name racism they met in their own school. A single leaked id or
 * name in any response undoes it, so these tests read the raw JSON of everything a peer (and even the
 * space's facilitator) can be sent, instead of checking the fields we expect to be safe.
 */

let t: TestApp;
let w: World;
let facilitator: Person;
let author: Person;
let peer: Person;
let third: Person;
let anonSpace: { id: string };
beforeAll(async () => {
  t = await startTestApp();
  w = await buildWorld(t);
  facilitator = await person(t, { institutionId: w.schoolA.id });
  author = await person(t, { institutionId: w.schoolA.id });
  peer = await person(t, { institutionId: w.schoolA.id });
  third = await person(t, { institutionId: w.schoolA.id });
  anonSpace = await space(t, { scopeKey: `inst:${w.schoolA.id}`, allowAnonymous: true, facilitatorIds: [facilitator.id] });
});
afterAll(() => t.close());
beforeEach(() => afterFloodWindow(t));

/** Everything that could tie a response to a person. */
const traces = (who: Person) => [who.id, who.email, who.email.split('@')[0], who.displayName];

function expectNoTraceOf(who: Person, responses: Response[]) {
  for (const response of responses) {
    const raw = JSON.stringify(response.body) + (response.text ?? '');
    for (const trace of traces(who)) {
      if (raw.toLowerCase().includes(trace.toLowerCase())) {
        const { req } = response as unknown as { req?: { method: string; path: string } };
        throw new Error(`${req?.method} ${req?.path} (${response.status}) leaks "${trace}": ${raw}`);
      }
    }
  }
}

const participant = (n: number) => ({ displayName: `Participant ${n}`, anonymous: true, pseudonym: `Participant ${n}` });

describe('how anonymous content is shown', () => {
  it('shows an anonymous topic and anonymous replies as "Participant N" with no id at all', async () => {
    const topic = await startTopic(author.client, anonSpace.id, { title: 'What happened on rotation', anonymous: true });
    expect(topic.author).toEqual(participant(1));
    const answer = await reply(peer.client, topic.id, { anonymous: true });
    expect(answer.author).toEqual(participant(2));
    const named = await reply(third.client, topic.id);
    expect(named.author).toEqual({ id: third.id, displayName: third.displayName, anonymous: false });
    const posts = await postsOf(third.client, topic.id);
    expect(posts.map((p) => p.author)).toEqual([participant(1), participant(2), named.author]);
    for (const post of posts.slice(0, 2)) expect(post.author).not.toHaveProperty('id');
  });

  it('gives a person the same pseudonym throughout a topic and an unrelated number in another topic', async () => {
    const first = await startTopic(author.client, anonSpace.id, { anonymous: true });
    await reply(peer.client, first.id, { anonymous: true });
    const again = await reply(author.client, first.id, { anonymous: true });
    expect(again.author.pseudonym).toBe('Participant 1');

    const second = await startTopic(peer.client, anonSpace.id, { anonymous: true });
    await reply(third.client, second.id, { anonymous: true });
    const elsewhere = await reply(author.client, second.id, { anonymous: true });
    expect(elsewhere.author.pseudonym).toBe('Participant 3');
    const peerThere = await reply(peer.client, second.id, { anonymous: true });
    expect(peerThere.author.pseudonym).toBe('Participant 1');
    expect((await postsOf(third.client, first.id)).map((p) => p.author.pseudonym)).toEqual([
      'Participant 1',
      'Participant 2',
      'Participant 1',
    ]);
  });

  it('refuses anonymity in a space that does not allow it with 400 ANONYMOUS_NOT_ALLOWED and writes nothing', async () => {
    const named = await space(t, { scopeKey: `inst:${w.schoolA.id}`, allowAnonymous: false });
    const refusedTopic = await author.client.post(`${API}/spaces/${named.id}/topics`, {
      title: 'Hi',
      body: 'Hello',
      anonymous: true,
    });
    expect(refusedTopic.status).toBe(400);
    expect(refusedTopic.body.code).toBe('ANONYMOUS_NOT_ALLOWED');
    expect(await count(t, 'SELECT count(*) FROM topic WHERE space_id = $1', [named.id])).toBe(0);
    const topic = await startTopic(peer.client, named.id);
    const refusedReply = await author.client.post(`${API}/topics/${topic.id}/posts`, { body: 'Quietly', anonymous: true });
    expect(refusedReply.status).toBe(400);
    expect(refusedReply.body.code).toBe('ANONYMOUS_NOT_ALLOWED');
    expect(await count(t, 'SELECT count(*) FROM post WHERE topic_id = $1', [topic.id])).toBe(1);
  });
});

describe('nothing a peer can fetch names the anonymous author', () => {
  let topicId: string;
  let firstPostId: string;
  let anonReplyId: string;
  let namedReplyId: string;
  beforeAll(async () => {
    const topic = await startTopic(author.client, anonSpace.id, {
      title: 'Told to toughen up',
      anonymous: true,
      tags: ['rotation'],
    });
    topicId = topic.id;
    firstPostId = (await firstPostOf(author.client, topicId)).id;
    await reply(peer.client, topicId, { body: 'I am sorry this happened' });
    anonReplyId = (await reply(author.client, topicId, { anonymous: true, body: 'Thank you, it helps', replyToPostNumber: 2 }))
      .id;
    namedReplyId = (await reply(third.client, topicId, { body: '[quote=1]\nTold to toughen up\n[/quote]\nSame here' })).id;
    await author.client.patch(`${API}/posts/${anonReplyId}`, { body: 'Thank you, it really helps' });
    for (const who of [peer, third]) {
      await who.client.post(`${API}/posts/${firstPostId}/reactions`, { kind: 'support' });
      await who.client.post(`${API}/posts/${anonReplyId}/reactions`, { kind: 'heart' });
    }
  });

  const everythingAbout = async (who: Person) => {
    const c = who.client;
    const responses = [
      await c.get(`${API}/topics/${topicId}`),
      await c.get(`${API}/topics?filter=latest`),
      await c.get(`${API}/topics?filter=mine`),
      await c.get(`${API}/topics?filter=new`),
      await c.get(`${API}/topics?filter=unread`),
      await c.get(`${API}/topics?spaceId=${anonSpace.id}&tag=rotation`),
      await c.get(`${API}/topics/${topicId}/posts`),
      await c.get(`${API}/topics/${topicId}/posts?after=1&limit=1`),
      await c.get(`${API}/posts/${firstPostId}`),
      await c.get(`${API}/posts/${anonReplyId}`),
      await c.get(`${API}/posts/${namedReplyId}`),
      await c.get(`${API}/posts/${firstPostId}/reactions`),
      await c.get(`${API}/posts/${anonReplyId}/reactions`),
      await c.get(`${API}/posts/${anonReplyId}/revisions`),
      await c.get(`${API}/spaces/${anonSpace.id}`),
      await c.get(`${API}/spaces`),
    ];
    await c.put(`${API}/topics/${topicId}/read`, { postNumber: 2 });
    responses.push(await c.get(`${API}/topics?filter=unread`));
    return responses;
  };

  const refusalsFor = async (who: Person) => {
    const c = who.client;
    return [
      await c.patch(`${API}/posts/${anonReplyId}`, { body: 'Taking over' }),
      await c.delete(`${API}/posts/${anonReplyId}`),
      await c.post(`${API}/posts/${anonReplyId}/reveal`, { reason: 'curious' }),
      await c.post(`${API}/posts/${anonReplyId}/hide`, { reason: 'no' }),
      await c.post(`${API}/posts/${anonReplyId}/restore`),
      await c.post(`${API}/posts/${anonReplyId}/reactions`, { kind: 'heart' }),
      await c.delete(`${API}/posts/${anonReplyId}/reactions/thanks`),
      await c.post(`${API}/topics/${topicId}/state`, { state: 'paused', reason: 'x' }),
      await c.post(`${API}/topics/${topicId}/posts`, { body: '[quote=99]\nx\n[/quote]\ny' }),
      await c.post(`${API}/topics/${topicId}/posts`, { body: 'x', replyToPostNumber: 99 }),
    ];
  };

  it('leaks no id, email or name of the author to a peer, in reads or in error responses', async () => {
    const reads = await everythingAbout(peer);
    expect(reads.map((r) => r.status)).toEqual([
      200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 404, 200, 200, 200,
    ]);
    const refusals = await refusalsFor(peer);
    expect(refusals.every((r) => r.status >= 400)).toBe(true);
    expectNoTraceOf(author, [...reads, ...refusals]);
  });

  it('gives only counts, never reactors, for an anonymous post', async () => {
    const response = await peer.client.get(`${API}/posts/${anonReplyId}/reactions`);
    expect(response.body).toEqual({ counts: { heart: 2 }, reactors: null });
  });

  it('shows the space facilitator only the pseudonym in every ordinary response, revisions and moderation included', async () => {
    const reads = await everythingAbout(facilitator);
    expect(reads[13].status).toBe(200);
    const hidden = await facilitator.client.post(`${API}/posts/${anonReplyId}/hide`, { reason: 'Checking something' });
    expect(hidden.status).toBe(200);
    expect(hidden.body.author).toEqual(participant(1));
    const restored = await facilitator.client.post(`${API}/posts/${anonReplyId}/restore`);
    expect(restored.status).toBe(200);
    expectNoTraceOf(author, [...reads, hidden, restored]);
  });

  it('shows an admin who is not the facilitator only the pseudonym too', async () => {
    expectNoTraceOf(author, await everythingAbout(w.admin));
  });

  it('never lists an anonymous topic under "mine", not even for its author', async () => {
    const named = await startTopic(author.client, anonSpace.id, { title: 'Signed topic' });
    const mine = await author.client.get(`${API}/topics?filter=mine&limit=100`);
    const ids = mine.body.items.map((x: { id: string }) => x.id);
    expect(ids).toContain(named.id);
    expect(ids).not.toContain(topicId);
    // The scan above is only worth something if it notices the author where they did sign.
    expect(() => expectNoTraceOf(author, [mine])).toThrow(/leaks/);
    for (const other of [peer, facilitator, w.admin]) {
      const theirs = await other.client.get(`${API}/topics?filter=mine&limit=100`);
      expect(theirs.body.items.map((x: { id: string }) => x.id)).not.toContain(topicId);
    }
  });

  it('still lets the author see the post is theirs, without exposing their identity in it', async () => {
    const own = await author.client.get(`${API}/posts/${anonReplyId}`);
    expect(own.body).toMatchObject({ mine: true, author: participant(1) });
    expect((await peer.client.get(`${API}/posts/${anonReplyId}`)).body.mine).toBe(false);
  });
});

describe('revealing an anonymous author', () => {
  let postId: string;
  beforeAll(async () => {
    const topic = await startTopic(author.client, anonSpace.id, { title: 'Something I cannot say openly', anonymous: true });
    postId = (await firstPostOf(author.client, topic.id)).id;
  });

  it('tells the space facilitator who wrote it, and audits the reveal with its reason', async () => {
    const response = await facilitator.client.post(`${API}/posts/${postId}/reveal`, {
      reason: '  Safety concern raised by a peer  ',
    });
    expect(response.status).toBe(200);
    expect(response.body.author).toEqual({
      id: author.id,
      displayName: author.displayName,
      anonymous: true,
      pseudonym: 'Participant 1',
    });
    const entries = await auditEntries(t, 'post.reveal', postId);
    expect(entries).toEqual([
      expect.objectContaining({ actorId: facilitator.id, targetType: 'post', reason: 'Safety concern raised by a peer' }),
    ]);
  });

  it('refuses an admin who is not a facilitator of the space with 403 and audits nothing', async () => {
    const before = (await auditEntries(t, 'post.reveal', postId)).length;
    const response = await w.admin.client.post(`${API}/posts/${postId}/reveal`, { reason: 'I run the platform' });
    expect(response.status).toBe(403);
    expectNoTraceOf(author, [response]);
    expect(await auditEntries(t, 'post.reveal', postId)).toHaveLength(before);
  });

  it('refuses a platform facilitator who is not assigned to this space, and a member, with 403', async () => {
    for (const who of [w.platformFacilitator, peer, w.leadA]) {
      const response = await who.client.post(`${API}/posts/${postId}/reveal`, { reason: 'Please' });
      expect(response.status).toBe(403);
      expectNoTraceOf(author, [response]);
    }
  });

  it('refuses a reveal without a reason, or with a blank one, with 400 and audits nothing', async () => {
    const before = (await auditEntries(t, 'post.reveal', postId)).length;
    for (const body of [{}, { reason: '' }, { reason: '   ' }]) {
      const response = await facilitator.client.post(`${API}/posts/${postId}/reveal`, body);
      expect(response.status).toBe(400);
      expectNoTraceOf(author, [response]);
    }
    expect(await auditEntries(t, 'post.reveal', postId)).toHaveLength(before);
  });

  it('returns 404 for a reveal by someone who cannot read the space', async () => {
    const response = await w.memberB.client.post(`${API}/posts/${postId}/reveal`, { reason: 'Please' });
    expect(response.status).toBe(404);
    expectNoTraceOf(author, [response]);
  });

  it('refuses revealing a post that is not anonymous with 400', async () => {
    const topic = await startTopic(peer.client, anonSpace.id);
    const first = await firstPostOf(peer.client, topic.id);
    expect((await facilitator.client.post(`${API}/posts/${first.id}/reveal`, { reason: 'Check' })).status).toBe(400);
  });
});
