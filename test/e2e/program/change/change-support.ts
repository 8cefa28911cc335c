import type { Client, TestApp } from '../../../support/test-app';
import { API, buildWorld, count, person, type Person, type World } from '../../forum/forum-support';

export { API, buildWorld, count, person, type Person, type World };

export const PROGRAM = `${API}/program`;

/** The app Clock's date, 'YYYY-MM-DD', and days from it. */
export const today = (t: TestApp) => t.clock.now().toISOString().slice(0, 10);
export const daysFrom = (t: TestApp, days: number) => new Date(t.clock.now().getTime() + days * 86_400_000).toISOString().slice(0, 10);

export async function expectStatus(pending: PromiseLike<{ status: number; body: any }>, status: number) {
  const response = await pending;
  if (response.status !== status) throw new Error(`expected ${status}, got ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

export async function ok<T = any>(pending: PromiseLike<{ status: number; body: any }>): Promise<T> {
  const response = await pending;
  if (response.status >= 300) throw new Error(`expected success, got ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as T;
}

/** A target of `schoolId` made by `client`, owned by `ownerId`, with sensible defaults. */
export function createTarget(t: TestApp, client: Client, schoolId: string, ownerId: string, body: Record<string, unknown> = {}) {
  return ok(
    client.post(`${PROGRAM}/schools/${schoolId}/targets`, {
      title: 'Retire race-based eGFR from the renal module',
      description: 'Every case and lecture uses the race-free equation.',
      ownerId,
      sphere: 'curriculum',
      category: 'structural',
      status: 'in_progress',
      startsOn: daysFrom(t, -100),
      dueOn: daysFrom(t, 100),
      ...body,
    }),
  );
}

export function createIndicator(client: Client, targetId: string, body: Record<string, unknown> = {}) {
  return ok(
    client.post(`${PROGRAM}/targets/${targetId}/indicators`, {
      name: 'Cases using the race-free equation',
      unit: '%',
      baseline: 20,
      targetValue: 100,
      direction: 'increase',
      ...body,
    }),
  );
}

export function recordMeasurement(t: TestApp, client: Client, indicatorId: string, body: Record<string, unknown> = {}) {
  return client.post(`${PROGRAM}/indicators/${indicatorId}/measurements`, { measuredOn: today(t), value: 50, unit: '%', ...body });
}

/** Counts of every change table, to show that a refused request wrote nothing. */
export async function changeRowCounts(t: TestApp) {
  const [row] = await t.db.query(`SELECT
    (SELECT count(*)::int FROM change_target) AS targets, (SELECT count(*)::int FROM change_step) AS steps,
    (SELECT count(*)::int FROM change_indicator) AS indicators, (SELECT count(*)::int FROM change_measurement) AS measurements,
    (SELECT count(*)::int FROM change_log_entry) AS entries, (SELECT count(*)::int FROM group_member) AS "groupMembers",
    (SELECT count(*)::int FROM kb_article) AS articles`);
  return row as Record<string, number>;
}

/** A guiding coalition group of the school, made through the groups API as a school lead would. */
export function createCoalitionGroup(client: Client, schoolId: string, name = 'Guiding coalition') {
  return ok<{ id: string }>(client.post(`${API}/groups`, { name, kind: 'guiding_coalition', institutionId: schoolId }));
}

export function setCoalitionMember(client: Client, schoolId: string, userId: string, body: Record<string, unknown>) {
  return client.put(`${PROGRAM}/schools/${schoolId}/coalition/members/${userId}`, body);
}

