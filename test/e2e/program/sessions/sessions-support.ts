import { cohortScope } from '@app/identity';
import { startTestApp, type Client, type TestApp } from '../../../support/test-app';
import { API, buildWorld, person, type Person, type World } from '../../forum/forum-support';

export { API, buildWorld, person, type Person, type World };

export const SESSIONS = `${API}/program/sessions`;
export const CALENDAR = `${API}/program/calendar`;
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** A running app (with `env`) and the two-school world; the six phases are there as the migration wrote them. */
export async function startSessionsWorld(env: Record<string, string> = {}): Promise<{ t: TestApp; w: World }> {
  const t = await startTestApp(env);
  return { t, w: await buildWorld(t) };
}

/** An instant `ms` from the server's (movable) clock, as the API takes it. */
export const fromNow = (t: TestApp, ms: number) => new Date(t.clock.now().getTime() + ms).toISOString();

/** A cohort dialogue session of school A's first cohort in two days, unless told otherwise. */
export function dialogue(t: TestApp, w: World, body: Record<string, unknown> = {}) {
  return {
    kind: 'dialogue_framing',
    phase: 2,
    title: 'Naming racism in the curriculum',
    startsAt: fromNow(t, 2 * DAY),
    timeZone: 'America/Chicago',
    audience: cohortScope(w.cohortA.id),
    ...body,
  };
}

/** Creates a session (201 expected) and returns what the API answered. */
export async function createSession(client: Client, body: Record<string, unknown>) {
  const response = await client.post(SESSIONS, body);
  if (response.status !== 201) throw new Error(`session not created: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as { id: string; [key: string]: any };
}

export async function count(t: TestApp, sql: string, params: unknown[] = []): Promise<number> {
  const [row] = await t.db.query(sql, params);
  return Number(Object.values(row)[0]);
}

/** A learning-path item to point pre-work at (the path's own API is another area's; the table is shared). */
export async function learningItem(
  t: TestApp,
  title = 'Watch: the history of race in medicine',
): Promise<{ id: string; title: string }> {
  const [module] = await t.db.query(`INSERT INTO program_module (phase, title) VALUES (2, 'Shared language') RETURNING id`);
  const [item] = await t.db.query(
    `INSERT INTO program_item (module_id, kind, title, link_url) VALUES ($1, 'reading', $2, 'https://example.org/reading') RETURNING id, title`,
    [module.id, title],
  );
  return item;
}

export const rsvpRows = (t: TestApp, sessionId: string) =>
  t.db.query('SELECT user_id AS "userId", answer FROM program_session_rsvp WHERE session_id = $1 ORDER BY user_id', [
    sessionId,
  ]) as Promise<{ userId: string; answer: string }[]>;

/** RFC 5545 unfolding, so assertions can read whole properties. */
export const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, '');
