import { buildInstitution, buildCohort } from '@app/testing';
import { startTestApp, type TestApp } from '../../../support/test-app';
import {
  answer,
  API,
  backdate,
  buildWorld,
  cohortMembers,
  expectOk,
  expectStatus,
  INSTRUMENTS,
  person,
  publishedInstrument,
  validAnswers,
  type Person,
  type World,
} from './assessments-support';

const results = (schoolId: string, instrumentId: string, period = 'quarter') =>
  `${API}/program/schools/${schoolId}/assessment-results?instrumentId=${instrumentId}&period=${period}`;
const csv = (schoolId: string, instrumentId: string) =>
  `${API}/program/schools/${schoolId}/assessment-results.csv?instrumentId=${instrumentId}`;

describe('program assessments: school results, the consortium distribution and the export', () => {
  let t: TestApp;
  let w: World;
  let instrument: { id: string; versionId: string; title: string };
  let schoolA: Person[];

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    instrument = await publishedInstrument(w.admin.client, 'school_readiness');
    // School A: four answers in 2025-Q1 (too few), five in 2026-Q2.
    schoolA = [w.memberA, w.otherA, ...(await cohortMembers(t, w.schoolA.id, w.cohortA.id, 7))];
    for (const [i, p] of schoolA.entries()) await expectOk(answer(p.client, instrument, validAnswers((i % 5) + 1, 3)));
    await backdate(
      t,
      schoolA.slice(0, 4).map((p) => p.id),
      '2025-02-10T12:00:00Z',
    );
    await backdate(
      t,
      schoolA.slice(4).map((p) => p.id),
      '2026-05-10T12:00:00Z',
    );
  });
  afterAll(() => t.close());

  it('shows a group below five respondents only as not_enough_responses: no n, no means, no answers', async () => {
    const body = await expectStatus(w.memberA.client.get(results(w.schoolA.id, instrument.id)), 200);
    expect(body.minimumResponses).toBe(5);
    expect(body.groups[0]).toEqual({
      versionId: instrument.versionId,
      version: 1,
      period: '2025-Q1',
      status: 'not_enough_responses',
    });
    expect(body.trend[0]).toEqual({ period: '2025-Q1', status: 'not_enough_responses' });
    expect(JSON.stringify(body)).not.toContain('A private thought');
    expect(body.canExport).toBe(false);
  });

  it('shows n, means, Likert distributions and choice counts from five respondents, never text answers', async () => {
    const body = await expectOk(w.otherA.client.get(results(w.schoolA.id, instrument.id)));
    const group = body.groups[1];
    // Safe points of the five in 2026-Q2: 5, 1, 2, 3, 4 (index 4..8); heard is always 3.
    expect(group).toMatchObject({ period: '2026-Q2', status: 'ok', n: 5, meanOverall: 3 });
    expect(group.sections).toEqual([
      { key: 'climate', title: 'Climate', mean: 3 },
      { key: 'practice', title: 'Practice', mean: null },
    ]);
    const safe = group.items.find((i: { key: string }) => i.key === 'safe');
    expect(safe).toMatchObject({ type: 'likert', n: 5, mean: 3, distribution: { 1: 1, 2: 1, 3: 1, 4: 1, 5: 1 } });
    const role = group.items.find((i: { key: string }) => i.key === 'role');
    expect(role.counts).toEqual([
      { option: 'Student', count: 5 },
      { option: 'Staff', count: 0 },
      { option: 'Faculty', count: 0 },
    ]);
    expect(group.items.find((i: { key: string }) => i.key === 'notes')).toBeUndefined();
    expect(JSON.stringify(body)).not.toContain('A private thought');
    expect(body.trend).toEqual([
      { period: '2025-Q1', status: 'not_enough_responses' },
      { period: '2026-Q2', status: 'ok', n: 5, meanOverall: 3 },
    ]);
    // One late answer in Q3 shows in no total, the year's included: a year minus its quarters uncovers no one.
    await expectOk(answer(w.leadA.client, instrument, validAnswers(5, 5)));
    await backdate(t, [w.leadA.id], '2026-08-01T12:00:00Z');
    const yearly = await expectOk(w.leadA.client.get(results(w.schoolA.id, instrument.id, 'year')));
    expect(yearly.groups.map((g: { period: string; status: string; n?: number }) => [g.period, g.status, g.n])).toEqual([
      ['2025', 'not_enough_responses', undefined],
      ['2026', 'ok', 5],
    ]);
    expect(yearly.trend[1]).toEqual({ period: '2026', status: 'ok', n: 5, meanOverall: 3 });
  });

  it('lets the school’s members, its lead and the program team read the results; other schools get 404', async () => {
    await expectOk(w.leadA.client.get(results(w.schoolA.id, instrument.id)));
    await expectOk(w.platformFacilitator.client.get(results(w.schoolA.id, instrument.id)));
    await expectOk(w.admin.client.get(results(w.schoolA.id, instrument.id)));
    await expectStatus(w.memberB.client.get(results(w.schoolA.id, instrument.id)), 404, 'NOT_FOUND');
    await expectStatus(w.leadB.client.get(results(w.schoolA.id, instrument.id)), 404, 'NOT_FOUND');
    await expectStatus(w.memberB.client.get(results(w.schoolA.id, '00000000-0000-4000-8000-000000000000')), 404);
    await expectStatus(
      w.memberA.client.get(`${API}/program/schools/${w.schoolA.id}/assessment-results`),
      400,
      'VALIDATION_FAILED',
    );
  });

  it('exports aggregated rows as quoted CSV to the lead and admins; same-school members get 403, others 404', async () => {
    await expectOk(w.admin.client.patch(`${INSTRUMENTS}/${instrument.id}`, { title: 'Readiness, "school" edition' }));
    const response = await w.leadA.client.get(csv(w.schoolA.id, instrument.id));
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="readiness-.*\.csv"$/);
    const lines = response.text.trim().split('\r\n');
    expect(lines[0]).toBe('instrument,version,period,status,section,item,n,mean,count_1,count_2,count_3,count_4,count_5');
    expect(lines).toContain('"Readiness, ""school"" edition",1,2025-Q1,not_enough_responses,,,,,,,,,');
    expect(lines).toContain('"Readiness, ""school"" edition",1,2026-Q2,ok,,,5,3,,,,,');
    expect(lines).toContain('"Readiness, ""school"" edition",1,2026-Q2,ok,climate,safe,5,3,1,1,1,1,1');
    expect(lines).toContain('"Readiness, ""school"" edition",1,2026-Q2,ok,climate,heard,5,3,0,0,5,0,0');
    expect(response.text).not.toContain('A private thought');
    expect(response.text).not.toContain('Student');
    expect((await w.admin.client.get(csv(w.schoolA.id, instrument.id))).status).toBe(200);
    await expectStatus(w.memberA.client.get(csv(w.schoolA.id, instrument.id)), 403, 'FORBIDDEN');
    await expectStatus(w.platformFacilitator.client.get(csv(w.schoolA.id, instrument.id)), 403, 'FORBIDDEN');
    await expectStatus(w.memberB.client.get(csv(w.schoolA.id, instrument.id)), 404);
    await expectStatus(w.leadB.client.get(csv(w.schoolA.id, instrument.id)), 404);
  });

  it('lets a school opt in to being named with PATCH /institutions/:id (its lead or an admin)', async () => {
    const named = await expectOk(w.leadB.client.patch(`${API}/institutions/${w.schoolB.id}`, { namedToPeers: true }));
    expect(named).toMatchObject({ id: w.schoolB.id, namedToPeers: true });
    expect((await expectOk(w.memberA.client.get(`${API}/institutions/${w.schoolB.id}`))).namedToPeers).toBe(true);
    await expectStatus(w.memberB.client.patch(`${API}/institutions/${w.schoolB.id}`, { namedToPeers: false }), 403, 'FORBIDDEN');
    await expectStatus(w.leadA.client.patch(`${API}/institutions/${w.schoolB.id}`, { namedToPeers: false }), 403, 'FORBIDDEN');
    await expectStatus(
      w.leadB.client.patch(`${API}/institutions/${w.schoolB.id}`, { namedToPeers: 'yes' }),
      400,
      'VALIDATION_FAILED',
    );
    await expectOk(w.admin.client.patch(`${API}/institutions/${w.schoolB.id}`, { namedToPeers: false }));
    const [row] = await t.db.query('SELECT named_to_peers FROM institution WHERE id = $1', [w.schoolB.id]);
    expect(row.named_to_peers).toBe(false);
  });

  describe('the consortium distribution', () => {
    let schoolC: { id: string; name: string };

    beforeAll(async () => {
      // School B: five answers in 2026-Q2, all 5s; school C: five, all 1s; school D: three (left out).
      const bPeople = [w.memberB, ...(await cohortMembers(t, w.schoolB.id, w.cohortB.id, 4))];
      for (const p of bPeople) await expectOk(answer(p.client, instrument, { ...validAnswers(5, 5) }));
      schoolC = await buildInstitution(t.db, { name: 'Hidden Valley School of Medicine' });
      const cohortC = await buildCohort(t.db, schoolC.id);
      const cPeople = await cohortMembers(t, schoolC.id, cohortC.id, 5);
      for (const p of cPeople) await expectOk(answer(p.client, instrument, validAnswers(1, 1)));
      const schoolD = await buildInstitution(t.db);
      const cohortD = await buildCohort(t.db, schoolD.id);
      const dPeople = await cohortMembers(t, schoolD.id, cohortD.id, 3);
      for (const p of dPeople) await expectOk(answer(p.client, instrument, validAnswers(3, 3)));
      await backdate(
        t,
        [...bPeople, ...cPeople, ...dPeople].map((p) => p.id),
        '2026-05-20T12:00:00Z',
      );
    });

    const distribution = (viewer: Person) =>
      expectOk(viewer.client.get(`${INSTRUMENTS}/${instrument.id}/distribution?period=quarter`));

    it('names a school only to itself without opt-in: others see "Another school" with no id, sorted by mean', async () => {
      const body = await distribution(w.leadA);
      expect(body.periods.map((p: { period: string }) => p.period)).toEqual(['2026-Q2']);
      expect(body.periods[0].schools).toEqual([
        { name: 'Another school', own: false, mean: 5 },
        { id: w.schoolA.id, name: w.schoolA.name, own: true, mean: 3 },
        { name: 'Another school', own: false, mean: 1 },
      ]);
      const facilitator = await distribution(w.platformFacilitator);
      expect(facilitator.periods[0].schools.every((s: { id?: string }) => s.id === undefined)).toBe(true);
      expect(JSON.stringify(facilitator)).not.toContain('Hidden Valley');
    });

    it('names an opted-in school to everyone who sees the distribution, and every school to admins', async () => {
      await expectOk(w.leadB.client.patch(`${API}/institutions/${w.schoolB.id}`, { namedToPeers: true }));
      const body = await distribution(w.leadA);
      expect(body.periods[0].schools[0]).toEqual({ id: w.schoolB.id, name: w.schoolB.name, own: false, mean: 5 });
      expect(body.periods[0].schools[2]).toEqual({ name: 'Another school', own: false, mean: 1 });
      const admin = await distribution(w.admin);
      expect(admin.periods[0].schools.map((s: { name: string }) => s.name)).toEqual([
        w.schoolB.name,
        w.schoolA.name,
        'Hidden Valley School of Medicine',
      ]);
    });

    it('is not there for members without the comparison right', async () => {
      await expectStatus(w.memberA.client.get(`${INSTRUMENTS}/${instrument.id}/distribution`), 404);
      const lone = await person(t, {});
      await expectStatus(lone.client.get(`${INSTRUMENTS}/${instrument.id}/distribution`), 404);
    });
  });

  it('counts people, not responses: one person answering five times is one respondent', async () => {
    const school = await buildInstitution(t.db);
    const cohort = await buildCohort(t.db, school.id);
    const keen = await person(t, { institutionId: school.id, cohortIds: [cohort.id] });
    for (let i = 1; i <= 5; i += 1) await expectOk(answer(keen.client, instrument, validAnswers(i, 3)));
    const body = await expectStatus(keen.client.get(results(school.id, instrument.id)), 200);
    expect(body.groups).toEqual([expect.objectContaining({ status: 'not_enough_responses' })]);
    expect(body.groups[0]).not.toHaveProperty('n');
  });

  it('keeps an instrument that only has a draft out of the results and the distribution, as everywhere else', async () => {
    const draft = await expectOk(w.admin.client.post(INSTRUMENTS, { kind: 'school_readiness', title: 'Not ready yet' }));
    await expectStatus(w.memberA.client.get(results(w.schoolA.id, draft.id)), 404);
    await expectStatus(w.leadA.client.get(`${INSTRUMENTS}/${draft.id}/distribution`), 404);
    await expectStatus(w.admin.client.get(results(w.schoolA.id, draft.id)), 200);
  });
});
