import type { Client, TestApp } from '../../support/test-app';
import { API, buildWorld, person, type Person, type World } from '../forum/forum-support';

export { API, buildWorld, person, type Person, type World };

export const ARTICLES = `${API}/knowledge/articles`;

/** A draft written by `client` (201 expected), with sensible defaults. */
export async function draft(client: Client, body: Record<string, unknown> = {}) {
  const response = await client.post(ARTICLES, {
    title: 'Naming structural racism in admissions',
    summary: 'How one school reworked its admissions rubric',
    body: 'First we looked at the rubric.\n\nThen we changed it.',
    type: 'case_study',
    phases: [3],
    tags: ['Admissions', 'equity'],
    scope: 'consortium',
    ...body,
  });
  if (response.status !== 201) throw new Error(`article not created: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as { id: string; [key: string]: any };
}

/** Makes someone a contributor through the API, as a facilitator or admin would. */
export async function makeContributor(granter: Client, userId: string) {
  const response = await granter.put(`${API}/knowledge/contributors/${userId}`, { contributor: true });
  if (response.status !== 200) throw new Error(`contributor not granted: ${response.status} ${JSON.stringify(response.body)}`);
}

/** Draft → in review → approved → published, by `author` with `reviewer`. */
export async function publishedArticle(author: Client, reviewer: Person, body: Record<string, unknown> = {}) {
  const article = await draft(author, body);
  await expectOk(author.post(`${ARTICLES}/${article.id}/submit`, { reviewerIds: [reviewer.id] }));
  await expectOk(reviewer.client.post(`${ARTICLES}/${article.id}/decision`, { decision: 'approved' }));
  return (await expectOk(author.post(`${ARTICLES}/${article.id}/publish`))) as { id: string; [key: string]: any };
}

export async function expectOk(pending: PromiseLike<{ status: number; body: any }>) {
  const response = await pending;
  if (response.status >= 300) throw new Error(`expected success, got ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

/** Sets an article's verification back in time, as if its interval had passed. */
export const makeOverdue = (t: TestApp, articleId: string) =>
  t.db.query(`UPDATE kb_article SET verified_at = now() - interval '100 days' WHERE id = $1`, [articleId]);
