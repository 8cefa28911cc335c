import { JobQueue } from '@app/jobs';
import type { Client, TestApp } from '../../support/test-app';
import { API } from '../forum/forum-support';

export { API };

export const handleOf = async (t: TestApp, userId: string): Promise<string> =>
  (await t.db.query('SELECT handle FROM app_user WHERE id = $1', [userId]))[0].handle;

/** Waits until every job (and what it enqueued) has run. */
export async function settled(t: TestApp): Promise<void> {
  if (!(await t.app.get(JobQueue).idle(30_000))) throw new Error('jobs did not settle');
}

export async function notificationsOf(client: Client, query = '') {
  const response = await client.get(`${API}/notifications${query}`);
  if (response.status !== 200) throw new Error(`notifications not listed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as { items: { id: string; kind: string; text: string; actorName: string | null; count: number; url: string; readAt: string | null }[]; unreadCount: number; nextCursor: string | null };
}
