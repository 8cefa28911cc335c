import type { Client, TestApp } from '../../../support/test-app';
import { API, buildWorld, person, type Person, type World } from '../../forum/forum-support';

export { API, buildWorld, person, type Person, type World };

export const INSTRUMENTS = `${API}/program/instruments`;

/** Two sections: Likert and choice items in the first, a text item in the second. */
export const SECTIONS = [
  {
    key: 'climate',
    title: 'Climate',
    items: [
      { key: 'safe', type: 'likert', prompt: 'I can name racism where I study without fear', required: true },
      { key: 'heard', type: 'likert', prompt: 'Concerns about racism are acted on', required: true },
      { key: 'role', type: 'single', prompt: 'Your role', options: ['Student', 'Staff', 'Faculty'], required: true },
    ],
  },
  {
    key: 'practice',
    title: 'Practice',
    items: [
      {
        key: 'tools',
        type: 'multiple',
        prompt: 'Tools you have used',
        options: ['Chats for Change', 'Curriculum audit', 'Bias training'],
        required: false,
      },
      { key: 'notes', type: 'text', prompt: 'Anything else', required: false },
    ],
  },
];

export async function expectOk(pending: PromiseLike<{ status: number; body: any }>) {
  const response = await pending;
  if (response.status >= 300) throw new Error(`expected success, got ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

export async function expectStatus(pending: PromiseLike<{ status: number; body: any }>, status: number, code?: string) {
  const response = await pending;
  if (response.status !== status || (code && response.body.code !== code)) {
    throw new Error(`expected ${status} ${code ?? ''}, got ${response.status} ${JSON.stringify(response.body)}`);
  }
  return response.body;
}

/** An instrument whose version 1 has `sections` and is published, made through the admin API. */
export async function publishedInstrument(
  admin: Client,
  kind: 'individual_readiness' | 'school_readiness' = 'individual_readiness',
  sections: unknown = SECTIONS,
) {
  const instrument = await expectOk(
    admin.post(INSTRUMENTS, { kind, title: `Readiness ${Math.random().toString(36).slice(2, 7)}` }),
  );
  await expectOk(admin.put(`${INSTRUMENTS}/${instrument.id}/versions/1`, { sections }));
  const published = await expectOk(admin.post(`${INSTRUMENTS}/${instrument.id}/versions/1/publish`));
  return { id: instrument.id as string, versionId: published.published.id as string, title: instrument.title as string };
}

export const answer = (client: Client, instrument: { id: string; versionId: string }, answers: Record<string, unknown>) =>
  client.post(`${INSTRUMENTS}/${instrument.id}/responses`, { versionId: instrument.versionId, answers });

/** A complete, valid set of answers with Likert points `safe` and `heard`. */
export const validAnswers = (safe = 4, heard = 2) => ({
  safe,
  heard,
  role: 'Student',
  tools: ['Curriculum audit'],
  notes: 'A private thought',
});

/** `count` cohort members of a school, signed in. */
export async function cohortMembers(t: TestApp, schoolId: string, cohortId: string, count: number): Promise<Person[]> {
  const people: Person[] = [];
  for (let i = 0; i < count; i += 1) people.push(await person(t, { institutionId: schoolId, cohortIds: [cohortId] }));
  return people;
}

/** Moves a person's responses to a given time, so tests can place them in quarters and years. */
export const backdate = (t: TestApp, userIds: string[], at: string) =>
  t.db.query('UPDATE assessment_response SET submitted_at = $2 WHERE user_id = ANY($1::uuid[])', [userIds, at]);

export const count = async (t: TestApp, sql: string, params: unknown[] = []) =>
  Number(Object.values((await t.db.query(sql, params))[0])[0]);

/**
 * A learning-path module of phase 1 with an assessment item for the instrument, written straight to the tables the
 * path area owns (the six phases are there as the migration wrote them).
 */
export async function assessmentPathItem(
  t: TestApp,
  instrumentId: string,
  title = 'Take the readiness assessment',
): Promise<{ moduleId: string; itemId: string }> {
  const [module] = await t.db.query(`INSERT INTO program_module (phase, title) VALUES (1, 'Onboarding') RETURNING id`);
  const [item] = await t.db.query(
    `INSERT INTO program_item (module_id, kind, title, instrument_id) VALUES ($1, 'assessment', $2, $3) RETURNING id`,
    [module.id, title, instrumentId],
  );
  return { moduleId: module.id, itemId: item.id };
}
