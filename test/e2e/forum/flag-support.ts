import { API, reply, startTopic, type Person } from './forum-support';

/** Helpers shared by the flag and review-queue tests. */
export const flag = (who: Person, postId: string, body: Record<string, unknown> = { kind: 'spam' }) =>
  who.client.post(`${API}/posts/${postId}/flags`, body);
export const queue = (who: Person, spaceId?: string) =>
  who.client.get(`${API}/review-queue${spaceId ? `?spaceId=${spaceId}` : ''}`);
export const resolve = (who: Person, flagId: string, body: Record<string, unknown>) =>
  who.client.post(`${API}/review-queue/flags/${flagId}/resolve`, body);
export const myFlags = async (who: Person) => (await who.client.get(`${API}/me/flags`)).body.items as any[];

/** The queue entry for one post, or undefined when the reviewer does not get it. */
export async function queued(who: Person, postId: string) {
  const response = await queue(who);
  expect(response.status).toBe(200);
  return (response.body.flagged as any[]).find((entry) => entry.post.id === postId);
}

/** A fresh post in a space, so every test has its own flags. */
export async function postBy(author: Person, spaceId: string, body: Record<string, unknown> = {}) {
  const topic = await startTopic(author.client, spaceId);
  return reply(author.client, topic.id, { body: 'Words someone may object to', ...body });
}
