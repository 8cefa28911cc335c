import { randomUUID } from 'node:crypto';
import type { TestApp } from '../../support/test-app';
import { API, count, person, postsOf, reply, space, startTopic, withFacilitatedSchoolSpace, type Person, type World } from './forum-support';

const KINDS = ['heart', 'thanks', 'insightful', 'support', 'agree'];

let t: TestApp;
let w: World;
let facilitator: Person;
let spaceA: { id: string };
withFacilitatedSchoolSpace((fixture) => ({ t, w, facilitator, spaceA } = fixture));

async function freshPost(by: Person = w.memberA) {
  const topic = await startTopic(by.client, spaceA.id);
  return { topicId: topic.id, post: await reply(by.client, topic.id, { body: 'Worth reacting to' }) };
}
const react = (who: Person, postId: string, kind: string) => who.client.post(`${API}/posts/${postId}/reactions`, { kind });

describe('reactions', () => {
  it('takes each allowed kind once, and shows counts and myReactions on the post', async () => {
    const { post } = await freshPost();
    for (const kind of KINDS) {
      const response = await react(w.otherA, post.id, kind);
      expect(response.status).toBe(201);
      expect(response.body.reactions[kind]).toBe(1);
    }
    const mine = await w.otherA.client.get(`${API}/posts/${post.id}`);
    expect(mine.body.reactions).toEqual(Object.fromEntries(KINDS.map((k) => [k, 1])));
    expect(mine.body.myReactions).toEqual([...KINDS].sort());
    const theirs = await w.memberA.client.get(`${API}/posts/${post.id}`);
    expect(theirs.body.reactions).toEqual(mine.body.reactions);
    expect(theirs.body.myReactions).toEqual([]);
  });

  it('adds up the same kind from different people', async () => {
    const { topicId, post } = await freshPost();
    await react(w.otherA, post.id, 'thanks');
    await react(facilitator, post.id, 'thanks');
    await react(w.leadA, post.id, 'agree');
    const listed = (await postsOf(w.memberA.client, topicId)).find((p) => p.id === post.id)!;
    expect(listed.reactions).toEqual({ thanks: 2, agree: 1 });
    expect((await w.leadA.client.get(`${API}/posts/${post.id}`)).body.myReactions).toEqual(['agree']);
  });

  it('refuses the same kind twice with 409 ALREADY_REACTED and counts it once', async () => {
    const { post } = await freshPost();
    expect((await react(w.otherA, post.id, 'heart')).status).toBe(201);
    const again = await react(w.otherA, post.id, 'heart');
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('ALREADY_REACTED');
    expect(await count(t, 'SELECT count(*) FROM post_reaction WHERE post_id = $1', [post.id])).toBe(1);
  });

  it.each([['laugh'], ['HEART'], [''], [42]])('refuses the unknown kind %j with 400', async (kind) => {
    const { post } = await freshPost();
    const response = await w.otherA.client.post(`${API}/posts/${post.id}/reactions`, { kind });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect(await count(t, 'SELECT count(*) FROM post_reaction WHERE post_id = $1', [post.id])).toBe(0);
  });

  it('refuses removing an unknown kind with 400', async () => {
    const { post } = await freshPost();
    expect((await w.otherA.client.delete(`${API}/posts/${post.id}/reactions/laugh`)).status).toBe(400);
  });

  it('lists who reacted how on a signed post', async () => {
    const { post } = await freshPost();
    await react(w.otherA, post.id, 'support');
    await react(facilitator, post.id, 'insightful');
    const response = await w.memberA.client.get(`${API}/posts/${post.id}/reactions`);
    expect(response.status).toBe(200);
    expect(response.body.counts).toEqual({ support: 1, insightful: 1 });
    expect(response.body.reactors).toEqual(
      expect.arrayContaining([
        { kind: 'support', user: { id: w.otherA.id, displayName: w.otherA.displayName } },
        { kind: 'insightful', user: { id: facilitator.id, displayName: facilitator.displayName } },
      ]),
    );
    expect(response.body.reactors).toHaveLength(2);
  });

  it('removes a reaction with 204, then answers 404 for removing it again', async () => {
    const { post } = await freshPost();
    await react(w.otherA, post.id, 'heart');
    await react(w.otherA, post.id, 'agree');
    expect((await w.otherA.client.delete(`${API}/posts/${post.id}/reactions/heart`)).status).toBe(204);
    const after = await w.otherA.client.get(`${API}/posts/${post.id}`);
    expect(after.body.reactions).toEqual({ agree: 1 });
    expect(after.body.myReactions).toEqual(['agree']);
    const again = await w.otherA.client.delete(`${API}/posts/${post.id}/reactions/heart`);
    expect(again.status).toBe(404);
    // Someone else's reaction is not theirs to remove.
    await react(facilitator, post.id, 'thanks');
    expect((await w.otherA.client.delete(`${API}/posts/${post.id}/reactions/thanks`)).status).toBe(404);
    expect((await w.otherA.client.get(`${API}/posts/${post.id}`)).body.reactions).toEqual({ agree: 1, thanks: 1 });
  });

  it('lets a person react again after removing a reaction', async () => {
    const { post } = await freshPost();
    await react(w.otherA, post.id, 'heart');
    await w.otherA.client.delete(`${API}/posts/${post.id}/reactions/heart`);
    expect((await react(w.otherA, post.id, 'heart')).status).toBe(201);
  });

  it('returns 404, not 403, for reacting to a post in a space the person cannot read, and reveals nothing', async () => {
    const { post } = await freshPost();
    const response = await react(w.memberB, post.id, 'heart');
    expect(response.status).toBe(404);
    expect(response.body.code).toBe('NOT_FOUND');
    expect((await w.memberB.client.get(`${API}/posts/${post.id}/reactions`)).status).toBe(404);
    expect((await w.memberB.client.delete(`${API}/posts/${post.id}/reactions/heart`)).status).toBe(404);
    const missing = await react(w.memberB, randomUUID(), 'heart');
    expect(missing.body.message).toBe(response.body.message);
    expect(await count(t, 'SELECT count(*) FROM post_reaction WHERE post_id = $1', [post.id])).toBe(0);
  });

  it('returns 404 for reacting to a post of another cohort of the same school', async () => {
    const cohortSpace = await space(t, { scopeKey: `cohort:${w.cohortA2.id}` });
    const topic = await startTopic(w.otherA.client, cohortSpace.id);
    const [first] = await postsOf(w.otherA.client, topic.id);
    expect((await react(w.memberA, first.id, 'heart')).status).toBe(404);
  });

  it('takes no reactions on a hidden or deleted post', async () => {
    const { topicId, post } = await freshPost();
    await facilitator.client.post(`${API}/posts/${post.id}/hide`, { reason: 'Under review' });
    expect((await react(w.otherA, post.id, 'heart')).status).toBe(403);
    const second = await reply(w.memberA.client, topicId);
    await w.memberA.client.delete(`${API}/posts/${second.id}`);
    expect((await react(w.otherA, second.id, 'heart')).status).toBe(403);
    expect(await count(t, 'SELECT count(*) FROM post_reaction WHERE post_id = ANY($1::uuid[])', [[post.id, second.id]])).toBe(0);
  });
});
