import { buildCohort, buildInstitution, buildSpace, type BuildSpaceOptions, type BuildUserOptions } from '@app/testing';
import { personSignedIn, startTestApp, type Client, type TestApp } from '../../support/test-app';

export const API = '/api/v1';

export type Person = Awaited<ReturnType<typeof personSignedIn>> & { displayName: string };

let people = 0;
/** A signed-in person with a recognisable, unique display name (so leak checks can search for it). */
export async function person(t: TestApp, options: BuildUserOptions = {}): Promise<Person> {
  people += 1;
  const displayName = options.displayName ?? `Forum Person ${people} ${Math.random().toString(36).slice(2, 8)}`;
  return { ...(await personSignedIn(t, { ...options, displayName })), displayName };
}

/**
 * Two schools, each with a cohort; a member, a cohort member and a lead per school, plus a consortium admin
 * and a platform facilitator. Enough people to tell "in scope" from "out of scope" in every test.
 */
export async function buildWorld(t: TestApp) {
  const schoolA = await buildInstitution(t.db);
  const schoolB = await buildInstitution(t.db);
  const cohortA = await buildCohort(t.db, schoolA.id);
  const cohortA2 = await buildCohort(t.db, schoolA.id);
  const cohortB = await buildCohort(t.db, schoolB.id);
  const admin = await person(t, { platformRole: 'admin' });
  const platformFacilitator = await person(t, { platformRole: 'facilitator' });
  const leadA = await person(t, { institutionId: schoolA.id, schoolLead: true });
  const leadB = await person(t, { institutionId: schoolB.id, schoolLead: true });
  const memberA = await person(t, { institutionId: schoolA.id, cohortIds: [cohortA.id] });
  const otherA = await person(t, { institutionId: schoolA.id, cohortIds: [cohortA2.id] });
  const memberB = await person(t, { institutionId: schoolB.id, cohortIds: [cohortB.id] });
  return { schoolA, schoolB, cohortA, cohortA2, cohortB, admin, platformFacilitator, leadA, leadB, memberA, otherA, memberB };
}

export type World = Awaited<ReturnType<typeof buildWorld>>;

export const space = (t: TestApp, options: BuildSpaceOptions = {}) => buildSpace(t.db, options);

export async function startTopic(client: Client, spaceId: string, body: Record<string, unknown> = {}) {
  const response = await client.post(`${API}/spaces/${spaceId}/topics`, { title: 'A topic', body: 'Opening words', ...body });
  if (response.status !== 201) throw new Error(`topic not created: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as { id: string; [key: string]: any };
}

export async function reply(client: Client, topicId: string, body: Record<string, unknown> = {}) {
  const response = await client.post(`${API}/topics/${topicId}/posts`, { body: 'A reply', ...body });
  if (response.status !== 201) throw new Error(`reply not created: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as { id: string; postNumber: number; [key: string]: any };
}

export async function postsOf(client: Client, topicId: string) {
  const response = await client.get(`${API}/topics/${topicId}/posts?limit=100`);
  if (response.status !== 200) throw new Error(`posts not listed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.items as { id: string; postNumber: number; [key: string]: any }[];
}

export async function firstPostOf(client: Client, topicId: string) {
  const [first] = await postsOf(client, topicId);
  return first;
}

export async function count(t: TestApp, sql: string, params: unknown[] = []): Promise<number> {
  const [row] = await t.db.query(sql, params);
  return Number(Object.values(row)[0]);
}

export const auditEntries = (t: TestApp, action: string, targetId: string) =>
  t.db.query(
    'SELECT actor_id AS "actorId", action, target_type AS "targetType", target_id AS "targetId", reason, data FROM audit_entry WHERE action = $1 AND target_id = $2 ORDER BY id',
    [action, targetId],
  ) as Promise<{ actorId: string; action: string; targetType: string; targetId: string; reason: string | null; data: any }[]>;

/** Moves past the flood window (and any slow mode of earlier tests), so tests do not depend on each other's posts. */
export const afterFloodWindow = (t: TestApp) => t.clock.advance(61_000);

export interface FacilitatedSchoolSpace {
  t: TestApp;
  w: World;
  facilitator: Person;
  spaceA: { id: string };
}

/**
 * The setting most forum specs share: a running app, the world of schools and people, a facilitator of
 * school A and a space of school A they facilitate; the flood window moves on before every test.
 */
export function withFacilitatedSchoolSpace(receive: (fixture: FacilitatedSchoolSpace) => void): void {
  let t: TestApp | undefined;
  beforeAll(async () => {
    const app = await startTestApp();
    t = app;
    const w = await buildWorld(app);
    const facilitator = await person(app, { institutionId: w.schoolA.id });
    const spaceA = await space(app, { scopeKey: `inst:${w.schoolA.id}`, facilitatorIds: [facilitator.id] });
    receive({ t: app, w, facilitator, spaceA });
  });
  afterAll(() => t?.close());
  beforeEach(() => afterFloodWindow(t!));
}
