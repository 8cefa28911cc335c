import { randomUUID } from 'node:crypto';
import type { TestApp } from '../../support/test-app';
import { API, count, person, reply, space, startTopic, withFacilitatedSchoolSpace, type Person, type World } from './forum-support';

/*
 * Subscriptions, drafts and question answers hang off a topic or a space: each endpoint checks that the
 * person may read it first, so a foreign id answers 404 and never "you may not".
 */

let t: TestApp;
let w: World;
let facilitator: Person;
let spaceA: { id: string };
withFacilitatedSchoolSpace((fixture) => ({ t, w, facilitator, spaceA } = fixture));

describe('subscriptions', () => {
  it('defaults to normal, and to tracking on a topic the person started or replied to', async () => {
    const topic = await startTopic(w.memberA.client, spaceA.id);
    const level = async (who: Person, path: string) => (await who.client.get(`${API}/${path}/subscription`)).body.level;
    expect(await level(w.otherA, `topics/${topic.id}`)).toBe('normal');
    expect(await level(w.memberA, `topics/${topic.id}`)).toBe('tracking');
    await reply(w.otherA.client, topic.id);
    expect(await level(w.otherA, `topics/${topic.id}`)).toBe('tracking');
    expect(await level(w.memberA, `spaces/${spaceA.id}`)).toBe('normal');
  });

  it.each(['topics', 'spaces'])('sets and reads back each level on %s, one row per person and target', async (kind) => {
    const topic = await startTopic(w.memberA.client, spaceA.id);
    const id = kind === 'topics' ? topic.id : spaceA.id;
    const who = await person(t, { institutionId: w.schoolA.id });
    for (const level of ['watching', 'muted', 'tracking', 'normal', 'watching']) {
      const put = await who.client.put(`${API}/${kind}/${id}/subscription`, { level });
      expect(put.status).toBe(200);
      expect(put.body).toEqual({ level });
    }
    expect((await who.client.get(`${API}/${kind}/${id}/subscription`)).body).toEqual({ level: 'watching' });
    expect(await count(t, 'SELECT count(*) FROM subscription WHERE user_id = $1', [who.id])).toBe(1);
    // Someone else's level is their own.
    expect((await w.otherA.client.get(`${API}/${kind}/${id}/subscription`)).body.level).not.toBe('watching');
  });

  it('refuses an unknown level with 400', async () => {
    const response = await w.memberA.client.put(`${API}/spaces/${spaceA.id}/subscription`, { level: 'loud' });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
  });

  it('returns 404, not 403, for a topic or space of another school, and stores nothing', async () => {
    const topic = await startTopic(w.memberA.client, spaceA.id);
    for (const path of [`topics/${topic.id}`, `spaces/${spaceA.id}`, `topics/${randomUUID()}`]) {
      expect((await w.memberB.client.get(`${API}/${path}/subscription`)).status).toBe(404);
      expect((await w.memberB.client.put(`${API}/${path}/subscription`, { level: 'watching' })).status).toBe(404);
    }
    expect(await count(t, 'SELECT count(*) FROM subscription WHERE user_id = $1', [w.memberB.id])).toBe(0);
  });
});

describe('drafts', () => {
  it('saves, reads back, replaces and deletes a reply draft; none is a 404', async () => {
    const topic = await startTopic(w.memberA.client, spaceA.id);
    const path = `${API}/topics/${topic.id}/draft`;
    expect((await w.otherA.client.get(path)).status).toBe(404);
    expect((await w.otherA.client.put(path, { body: 'First thoughts' })).status).toBe(200);
    const saved = await w.otherA.client.put(path, { body: 'Second thoughts' });
    expect(saved.body).toEqual({ title: null, body: 'Second thoughts', updatedAt: expect.any(String) });
    expect((await w.otherA.client.get(path)).body.body).toBe('Second thoughts');
    // Drafts are per person.
    expect((await w.memberA.client.get(path)).status).toBe(404);
    expect((await w.otherA.client.delete(path)).status).toBe(204);
    expect((await w.otherA.client.get(path)).status).toBe(404);
  });

  it('is removed when its author replies to the topic, and only theirs', async () => {
    const topic = await startTopic(w.memberA.client, spaceA.id);
    const path = `${API}/topics/${topic.id}/draft`;
    await w.otherA.client.put(path, { body: 'About to send' });
    await w.memberA.client.put(path, { body: 'Still writing' });
    await reply(w.otherA.client, topic.id, { body: 'About to send' });
    expect((await w.otherA.client.get(path)).status).toBe(404);
    expect((await w.memberA.client.get(path)).body.body).toBe('Still writing');
  });

  it('keeps a new-topic draft with its title per space', async () => {
    const path = `${API}/spaces/${spaceA.id}/draft`;
    const saved = await w.memberA.client.put(path, { title: 'Half a title', body: 'Half a body' });
    expect(saved.status).toBe(200);
    expect((await w.memberA.client.get(path)).body).toMatchObject({ title: 'Half a title', body: 'Half a body' });
    expect((await w.memberA.client.put(path, { body: 'No title yet' })).body.title).toBeNull();
    expect((await w.memberA.client.delete(path)).status).toBe(204);
    expect((await w.memberA.client.get(path)).status).toBe(404);
  });

  it('refuses a draft over 64 KB with POST_TOO_LONG, and a title over 200 characters with 400', async () => {
    const writer = await person(t, { institutionId: w.schoolA.id });
    const topic = await startTopic(w.memberA.client, spaceA.id);
    const tooLong = await writer.client.put(`${API}/topics/${topic.id}/draft`, { body: 'é'.repeat(33_000) });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.code).toBe('POST_TOO_LONG');
    const title = await writer.client.put(`${API}/spaces/${spaceA.id}/draft`, { title: 'x'.repeat(201), body: 'b' });
    expect(title.status).toBe(400);
    expect(await count(t, 'SELECT count(*) FROM draft WHERE user_id = $1', [writer.id])).toBe(0);
  });

  it('returns 404, not 403, on a topic or space of another school', async () => {
    const topic = await startTopic(w.memberA.client, spaceA.id);
    for (const path of [`topics/${topic.id}/draft`, `spaces/${spaceA.id}/draft`]) {
      expect((await w.memberB.client.put(`${API}/${path}`, { body: 'x' })).status).toBe(404);
      expect((await w.memberB.client.get(`${API}/${path}`)).status).toBe(404);
      expect((await w.memberB.client.delete(`${API}/${path}`)).status).toBe(404);
    }
    expect(await count(t, 'SELECT count(*) FROM draft WHERE user_id = $1', [w.memberB.id])).toBe(0);
  });
});

describe('question answers', () => {
  async function question() {
    const topic = await startTopic(w.memberA.client, spaceA.id, { kind: 'question', title: 'How do we start?' });
    const answer = await reply(w.otherA.client, topic.id, { body: 'Like this' });
    return { topic, answer };
  }

  it('lets the topic’s author mark a visible reply as the answer, and clear it', async () => {
    const { topic, answer } = await question();
    const marked = await w.memberA.client.post(`${API}/topics/${topic.id}/answer`, { postNumber: answer.postNumber });
    expect(marked.status).toBe(200);
    expect(marked.body).toMatchObject({ id: topic.id, answerPostNumber: answer.postNumber });
    expect((await w.otherA.client.get(`${API}/topics/${topic.id}`)).body.answerPostNumber).toBe(answer.postNumber);
    expect((await w.memberA.client.delete(`${API}/topics/${topic.id}/answer`)).status).toBe(204);
    expect((await w.memberA.client.get(`${API}/topics/${topic.id}`)).body.answerPostNumber).toBeNull();
  });

  it('lets a facilitator of the space mark the answer, but not another member (403: they can read the topic)', async () => {
    const { topic, answer } = await question();
    const other = await w.otherA.client.post(`${API}/topics/${topic.id}/answer`, { postNumber: answer.postNumber });
    expect(other.status).toBe(403);
    expect((await w.otherA.client.delete(`${API}/topics/${topic.id}/answer`)).status).toBe(403);
    const byFacilitator = await facilitator.client.post(`${API}/topics/${topic.id}/answer`, { postNumber: answer.postNumber });
    expect(byFacilitator.status).toBe(200);
    expect(byFacilitator.body.answerPostNumber).toBe(answer.postNumber);
  });

  it('refuses the first post, a missing post and a hidden reply as the answer', async () => {
    const { topic, answer } = await question();
    await facilitator.client.post(`${API}/posts/${answer.id}/hide`, { reason: 'Off topic' });
    for (const postNumber of [1, 99, answer.postNumber]) {
      const response = await w.memberA.client.post(`${API}/topics/${topic.id}/answer`, { postNumber });
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('VALIDATION_FAILED');
    }
    expect((await w.memberA.client.get(`${API}/topics/${topic.id}`)).body.answerPostNumber).toBeNull();
  });

  it('refuses an answer on a discussion topic with 409', async () => {
    const topic = await startTopic(w.memberA.client, spaceA.id);
    const answer = await reply(w.otherA.client, topic.id);
    const response = await w.memberA.client.post(`${API}/topics/${topic.id}/answer`, { postNumber: answer.postNumber });
    expect(response.status).toBe(409);
    expect(response.body.code).toBe('CONFLICT');
  });

  it('returns 404, not 403, for a question of another school, even to its school lead', async () => {
    const { topic, answer } = await question();
    for (const who of [w.memberB, w.leadB]) {
      expect((await who.client.post(`${API}/topics/${topic.id}/answer`, { postNumber: answer.postNumber })).status).toBe(404);
      expect((await who.client.delete(`${API}/topics/${topic.id}/answer`)).status).toBe(404);
    }
    expect((await w.memberA.client.get(`${API}/topics/${topic.id}`)).body.answerPostNumber).toBeNull();
  });
});
