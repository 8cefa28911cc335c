import { startTestApp, type Client, type TestApp } from '../../../support/test-app';
import { API, buildWorld, person, type Person, type World } from '../../forum/forum-support';

export { API, buildWorld, person, type Person, type World };
export const PROGRAM = `${API}/program`;

/** A running app (whose reset database holds the six seeded phases) and the two-school world. */
export async function startPathWorld(): Promise<{ t: TestApp; w: World }> {
  const t = await startTestApp();
  return { t, w: await buildWorld(t) };
}

export async function expectOk<T = any>(pending: PromiseLike<{ status: number; body: any }>): Promise<T> {
  const response = await pending;
  if (response.status >= 300) throw new Error(`expected success, got ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as T;
}

export const newModule = (admin: Client, body: Record<string, unknown> = {}) =>
  expectOk<{ id: string; phase: number; title: string }>(
    admin.post(`${PROGRAM}/modules`, { phase: 1, title: 'Getting started', ...body }),
  );

export const newItem = (admin: Client, moduleId: string, body: Record<string, unknown>) =>
  expectOk<{ id: string; kind: string; title: string; html: string }>(admin.post(`${PROGRAM}/modules/${moduleId}/items`, body));

export const video = (title = 'Why this work matters') => ({
  kind: 'video',
  title,
  required: true,
  videoUrl: 'https://video.example.test/intro',
  body: 'Transcript',
});
export const activity = (title = 'Reflect on your school') => ({
  kind: 'activity',
  title,
  required: true,
  body: 'Write **three** observations.',
});

/** A published article written straight into the table, as the knowledge cycle would leave it. */
export async function article(t: TestApp, ownerId: string, options: { scopeKey?: string; status?: string; title?: string } = {}) {
  const [row] = await t.db.query(
    `INSERT INTO kb_article (title, summary, body, html, renderer_version, type, scope_key, owner_id, status, verified_at, published_at)
     VALUES ($1, 'What it covers', 'Body', '<p>Body</p>', 1, 'guide', $2, $3, $4::text,
       CASE WHEN $4::text = 'published' THEN now() END, CASE WHEN $4::text = 'published' THEN now() END) RETURNING id`,
    [options.title ?? 'A reading', options.scopeKey ?? 'consortium', ownerId, options.status ?? 'published'],
  );
  return row.id as string;
}

export async function instrument(t: TestApp) {
  const [row] = await t.db.query(
    `INSERT INTO assessment_instrument (kind, title) VALUES ('individual_readiness', 'Readiness') RETURNING id`,
  );
  return row.id as string;
}

export async function count(t: TestApp, sql: string, params: unknown[] = []): Promise<number> {
  const [row] = await t.db.query(sql, params);
  return Number(Object.values(row)[0]);
}

/** 'YYYY-MM-DD', `days` from the app clock's today. */
export function dayFrom(t: TestApp, days: number): string {
  return new Date(t.clock.now().getTime() + days * 86_400_000).toISOString().slice(0, 10);
}
