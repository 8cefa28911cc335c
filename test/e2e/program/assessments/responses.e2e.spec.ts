import { startTestApp, type TestApp } from '../../../support/test-app';
import {
  answer,
  API,
  assessmentPathItem,
  buildWorld,
  count,
  expectOk,
  expectStatus,
  INSTRUMENTS,
  person,
  publishedInstrument,
  validAnswers,
  type World,
} from './assessments-support';

describe('program assessments: answering and one’s own results', () => {
  let t: TestApp;
  let w: World;
  let individual: { id: string; versionId: string };

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    individual = await publishedInstrument(w.admin.client);
  });
  afterAll(() => t.close());

  it('stores a valid response with its Likert means overall and per section, and the respondent’s school', async () => {
    const response = await expectStatus(answer(w.memberA.client, individual, validAnswers(5, 2)), 201);
    expect(response).toMatchObject({
      instrumentId: individual.id,
      version: 1,
      respondentRole: 'member',
      overallScore: 3.5,
      sections: [
        { key: 'climate', title: 'Climate', score: 3.5 },
        { key: 'practice', title: 'Practice', score: null },
      ],
    });
    const [row] = await t.db.query(
      'SELECT institution_id, overall_score, scores, answers FROM assessment_response WHERE id = $1',
      [response.id],
    );
    expect(row).toMatchObject({
      institution_id: w.schoolA.id,
      overall_score: '3.50',
      scores: { overall: 3.5, sections: { climate: 3.5, practice: null } },
    });
    expect(row.answers.notes).toBe('A private thought');
  });

  it('refuses out-of-range, unknown and missing answers with details per item, and writes nothing', async () => {
    const before = await count(t, 'SELECT count(*) FROM assessment_response');
    const invalid = await expectStatus(
      answer(w.memberB.client, individual, {
        safe: 6,
        heard: 3,
        role: 'Dean',
        tools: [],
        notes: 'x'.repeat(2001),
        surprise: 'hi',
      }),
      400,
      'ASSESSMENT_ANSWER_INVALID',
    );
    expect(invalid.details.map((d: { field: string }) => d.field).sort()).toEqual([
      'answers.notes',
      'answers.role',
      'answers.safe',
      'answers.surprise',
      'answers.tools',
    ]);
    const missing = await expectStatus(answer(w.memberB.client, individual, { heard: 3 }), 400, 'ASSESSMENT_ANSWER_INVALID');
    expect(missing.details).toEqual(
      expect.arrayContaining([
        { field: 'answers.safe', message: '"safe" is required' },
        { field: 'answers.role', message: '"role" is required' },
      ]),
    );
    await expectStatus(
      answer(w.memberB.client, individual, { safe: 2.5, heard: 3, role: 'Staff' }),
      400,
      'ASSESSMENT_ANSWER_INVALID',
    );
    await expectStatus(
      w.memberB.client.post(`${INSTRUMENTS}/${individual.id}/responses`, { versionId: individual.versionId, answers: [1, 2] }),
      400,
      'VALIDATION_FAILED',
    );
    expect(await count(t, 'SELECT count(*) FROM assessment_response')).toBe(before);
  });

  it('answers only the published version: a retired one is 409, a draft or another instrument’s version is 404', async () => {
    const instrument = await publishedInstrument(w.admin.client);
    const draft = await expectOk(w.admin.client.post(`${INSTRUMENTS}/${instrument.id}/versions`));
    await expectStatus(answer(w.memberA.client, { id: instrument.id, versionId: draft.id }, validAnswers()), 404);
    await expectStatus(answer(w.memberA.client, { id: individual.id, versionId: instrument.versionId }, validAnswers()), 404);
    await expectOk(w.admin.client.post(`${INSTRUMENTS}/${instrument.id}/versions/2/publish`));
    await expectStatus(answer(w.memberA.client, instrument, validAnswers()), 409, 'ASSESSMENT_VERSION_RETIRED');
    await expectStatus(answer(w.memberA.client, { id: instrument.id, versionId: draft.id }, validAnswers()), 201);
  });

  it('lets only cohort members and leadership of a school answer a school-level instrument, leadership marked as such', async () => {
    const school = await publishedInstrument(w.admin.client, 'school_readiness');
    const noCohort = await person(t, { institutionId: w.schoolA.id });
    const noSchool = await person(t, {});
    const leadershipRole = await person(t, { institutionId: w.schoolB.id, schoolRole: 'leadership' });
    await expectStatus(answer(noCohort.client, school, validAnswers()), 403, 'FORBIDDEN');
    await expectStatus(answer(noSchool.client, school, validAnswers()), 403, 'FORBIDDEN');
    await expectStatus(answer(w.platformFacilitator.client, school, validAnswers()), 403, 'FORBIDDEN');
    expect((await expectStatus(answer(w.memberA.client, school, validAnswers()), 201)).respondentRole).toBe('member');
    expect((await expectStatus(answer(w.leadA.client, school, validAnswers()), 201)).respondentRole).toBe('leadership');
    expect((await expectStatus(answer(leadershipRole.client, school, validAnswers()), 201)).respondentRole).toBe('leadership');
  });

  it('marks every path item of that instrument done for the respondent, in the same step', async () => {
    const instrument = await publishedInstrument(w.admin.client);
    const first = await assessmentPathItem(t, instrument.id);
    const second = await assessmentPathItem(t, instrument.id, 'Take it again');
    const items = [{ id: first.itemId }, { id: second.itemId }];
    const other = { id: (await assessmentPathItem(t, individual.id, 'Other')).itemId };
    // An earlier start is kept; the item becomes done.
    await t.db.query(`INSERT INTO program_progress (item_id, user_id, status) VALUES ($1, $2, 'in_progress')`, [
      items[0].id,
      w.otherA.id,
    ]);
    const response = await expectOk(answer(w.otherA.client, instrument, validAnswers()));
    const progress = await t.db.query(
      'SELECT item_id, status, completed_at, assessment_response_id FROM program_progress WHERE user_id = $1 ORDER BY item_id',
      [w.otherA.id],
    );
    expect(progress).toHaveLength(2);
    for (const row of progress) {
      expect(row).toMatchObject({ status: 'done', assessment_response_id: response.id });
      expect(row.completed_at).toBeInstanceOf(Date);
    }
    expect(progress.map((r: { item_id: string }) => r.item_id)).not.toContain(other.id);
    expect(
      await count(t, 'SELECT count(*) FROM program_progress WHERE item_id = ANY($1::uuid[]) AND user_id <> $2', [
        items.map((i: { id: string }) => i.id),
        w.otherA.id,
      ]),
    ).toBe(0);
  });

  it('shows each person their own responses over time, and their answers only to them', async () => {
    const instrument = await publishedInstrument(w.admin.client);
    const first = await expectOk(answer(w.memberB.client, instrument, validAnswers(1, 1)));
    t.clock.advance(24 * 3600_000);
    await expectOk(answer(w.memberB.client, instrument, validAnswers(5, 5)));
    const mine = await expectOk(w.memberB.client.get(`${API}/program/assessments/mine`));
    const entry = mine.items.find((i: { instrument: { id: string } }) => i.instrument.id === instrument.id);
    expect(entry.responses.map((r: { overallScore: number; version: number }) => [r.version, r.overallScore])).toEqual([
      [1, 1],
      [1, 5],
    ]);
    expect(Date.parse(entry.responses[1].submittedAt)).toBeGreaterThan(Date.parse(entry.responses[0].submittedAt));
    expect(JSON.stringify(mine)).not.toContain('A private thought');

    const detail = await expectOk(w.memberB.client.get(`${API}/program/assessments/mine/${first.id}`));
    expect(detail).toMatchObject({
      id: first.id,
      answers: { safe: 1, heard: 1, notes: 'A private thought' },
      instrument: { id: instrument.id },
    });
    expect(detail.questions[0].items[0].key).toBe('safe');
    await expectStatus(w.memberA.client.get(`${API}/program/assessments/mine/${first.id}`), 404);
    await expectStatus(w.admin.client.get(`${API}/program/assessments/mine/${first.id}`), 404);
    const others = await expectOk(w.memberA.client.get(`${API}/program/assessments/mine`));
    expect(others.items.find((i: { instrument: { id: string } }) => i.instrument.id === instrument.id)).toBeUndefined();
  });
});
