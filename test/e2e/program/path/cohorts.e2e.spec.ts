import type { TestApp } from '../../../support/test-app';
import {
  activity,
  count,
  expectOk,
  newItem,
  newModule,
  person,
  PROGRAM,
  startPathWorld,
  video,
  type Person,
  type World,
} from './path-support';

describe('running a cohort through the program: phase, dates, progress, responses', () => {
  let t: TestApp;
  let w: World;
  let peer: Person;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    ({ t, w } = await startPathWorld());
    peer = await person(t, { institutionId: w.schoolA.id, cohortIds: [w.cohortA.id], displayName: 'Aaron Peer' });
    const m1 = await newModule(w.admin.client, { phase: 1 });
    ids.video = (await newItem(w.admin.client, m1.id, video())).id;
    ids.optional = (await newItem(w.admin.client, m1.id, { ...video('Extra video'), required: false })).id;
    ids.activity = (await newItem(w.admin.client, m1.id, activity())).id;
  });
  afterAll(() => t?.close());

  const cohortA = () => `${PROGRAM}/cohorts/${w.cohortA.id}`;

  it('lets the cohort’s facilitators set its current phase, and refuses a phase that does not exist', async () => {
    for (const who of [w.leadA, w.platformFacilitator, w.admin]) {
      expect((await expectOk(who.client.put(`${cohortA()}/phase`, { currentPhase: 2 }))).currentPhase).toBe(2);
    }
    for (const body of [{ currentPhase: 7 }, { currentPhase: 0 }, { currentPhase: '2' }, {}]) {
      const bad = await w.leadA.client.put(`${cohortA()}/phase`, body);
      expect([bad.status, bad.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    }
    expect((await expectOk(w.leadA.client.put(`${cohortA()}/phase`, { currentPhase: null }))).currentPhase).toBeNull();
    await expectOk(w.leadA.client.put(`${cohortA()}/phase`, { currentPhase: 1 }));
    expect(await expectOk(w.leadA.client.get(cohortA()))).toMatchObject({
      id: w.cohortA.id,
      currentPhase: 1,
      institutionId: w.schoolA.id,
    });
  });

  it('replaces all phase dates at once, and refuses bad dates without changing anything', async () => {
    const dates = [
      { phase: 2, startsOn: '2026-03-01', endsOn: '2026-04-30' },
      { phase: 1, startsOn: '2026-01-10', endsOn: '2026-02-28' },
    ];
    const set = await expectOk(w.leadA.client.put(`${cohortA()}/phase-dates`, { dates }));
    expect(set.phaseDates).toEqual([dates[1], dates[0]]);
    const replaced = await expectOk(
      w.leadA.client.put(`${cohortA()}/phase-dates`, { dates: [{ phase: 3, startsOn: '2026-05-01', endsOn: '2026-05-01' }] }),
    );
    expect(replaced.phaseDates).toEqual([{ phase: 3, startsOn: '2026-05-01', endsOn: '2026-05-01' }]);

    const bad: [unknown, string][] = [
      [[{ phase: 1, startsOn: '2026-02-01', endsOn: '2026-01-31' }], 'dates.0.endsOn'],
      [[{ phase: 7, startsOn: '2026-02-01', endsOn: '2026-03-01' }], 'dates.0.phase'],
      [[{ phase: 1, startsOn: '2026-02-30', endsOn: '2026-03-01' }], 'dates.0.startsOn'],
      [[{ phase: 1, startsOn: '1 Feb 2026', endsOn: '2026-03-01' }], 'dates.0.startsOn'],
      [
        [
          { phase: 1, startsOn: '2026-02-01', endsOn: '2026-03-01' },
          { phase: 1, startsOn: '2026-03-02', endsOn: '2026-03-03' },
        ],
        'dates.1.phase',
      ],
      [
        [
          { phase: 4, startsOn: '2026-02-01', endsOn: '2026-03-01' },
          { phase: 5, startsOn: '2026-04-01', endsOn: '2026-03-01' },
        ],
        'dates.1.endsOn',
      ],
      [[{ phase: 1, startsOn: '2026-02-01' }], 'dates.0.endsOn'],
    ];
    for (const [datesBody, field] of bad) {
      const response = await w.leadA.client.put(`${cohortA()}/phase-dates`, { dates: datesBody });
      expect([response.status, response.body.code]).toEqual([400, 'VALIDATION_FAILED']);
      expect(response.body.details.map((d: any) => d.field)).toContain(field);
    }
    expect((await w.leadA.client.put(`${cohortA()}/phase-dates`, {})).status).toBe(400);
    expect(await count(t, 'SELECT count(*) FROM cohort_phase_dates WHERE cohort_id = $1', [w.cohortA.id])).toBe(1);
    await expectOk(w.leadA.client.put(`${cohortA()}/phase-dates`, { dates: [] }));
    expect(await count(t, 'SELECT count(*) FROM cohort_phase_dates WHERE cohort_id = $1', [w.cohortA.id])).toBe(0);
  });

  it('shows facilitators the members × items matrix with counts', async () => {
    await expectOk(w.memberA.client.post(`${PROGRAM}/items/${ids.video}/complete`));
    await expectOk(w.memberA.client.post(`${PROGRAM}/items/${ids.optional}/complete`));
    await expectOk(peer.client.post(`${PROGRAM}/items/${ids.video}/start`));
    await expectOk(
      w.leadA.client.put(`${cohortA()}/phase-dates`, { dates: [{ phase: 1, startsOn: '2026-01-10', endsOn: '2026-02-28' }] }),
    );
    const matrix = await expectOk(w.platformFacilitator.client.get(`${cohortA()}/progress`));
    expect(matrix.cohort).toMatchObject({ id: w.cohortA.id, currentPhase: 1 });
    expect(matrix.requiredTotal).toBe(2);
    expect(matrix.items.map((i: any) => [i.id, i.required, i.completedCount, i.dueOn])).toEqual([
      [ids.video, true, 1, '2026-02-28'],
      [ids.optional, false, 1, '2026-02-28'],
      [ids.activity, true, 0, '2026-02-28'],
    ]);
    expect(matrix.members.map((m: any) => m.displayName)).toEqual([peer.displayName, w.memberA.displayName].sort());
    const a = matrix.members.find((m: any) => m.id === w.memberA.id);
    expect(a).toMatchObject({ done: 2, requiredDone: 1 });
    expect(a.cells[0]).toEqual({ itemId: ids.video, status: 'done', completedAt: expect.any(String) });
    const p = matrix.members.find((m: any) => m.id === peer.id);
    expect(p.cells.map((c: any) => c.status)).toEqual(['in_progress', 'not_started', 'not_started']);
    // Nobody outside the cohort is a row, whatever they did.
    await expectOk(w.otherA.client.post(`${PROGRAM}/items/${ids.video}/complete`));
    expect((await expectOk(w.leadA.client.get(`${cohortA()}/progress`))).members).toHaveLength(2);
  });

  it('shows facilitators every response of the cohort to an activity, shared or not', async () => {
    await expectOk(
      w.memberA.client.put(`${PROGRAM}/items/${ids.activity}/response`, {
        response: 'Kept for facilitators',
        sharedWithCohort: false,
      }),
    );
    await expectOk(
      peer.client.put(`${PROGRAM}/items/${ids.activity}/response`, { response: 'Shared with all', sharedWithCohort: true }),
    );
    await expectOk(
      w.otherA.client.put(`${PROGRAM}/items/${ids.activity}/response`, { response: 'Another cohort', sharedWithCohort: true }),
    );
    const responses = await expectOk(w.leadA.client.get(`${cohortA()}/responses?itemId=${ids.activity}`));
    expect(responses.item).toEqual({ id: ids.activity, title: 'Reflect on your school', kind: 'activity' });
    expect(responses.items.map((r: any) => [r.author.id, r.sharedWithCohort])).toEqual(
      expect.arrayContaining([
        [w.memberA.id, false],
        [peer.id, true],
      ]),
    );
    expect(responses.items).toHaveLength(2);
    expect(JSON.stringify(responses)).not.toContain('Another cohort');
    expect((await w.leadA.client.get(`${cohortA()}/responses`)).body.code).toBe('VALIDATION_FAILED');
    expect((await w.leadA.client.get(`${cohortA()}/responses?itemId=00000000-0000-4000-8000-000000000000`)).status).toBe(404);
  });

  it('hides a school’s cohort entirely from other schools (404) and refuses its own members (403)', async () => {
    const routes = [
      ['get', cohortA()],
      ['get', `${cohortA()}/progress`],
      ['get', `${cohortA()}/responses?itemId=${ids.activity}`],
      ['put', `${cohortA()}/phase`, { currentPhase: 3 }],
      ['put', `${cohortA()}/phase-dates`, { dates: [] }],
    ] as const;
    const outsider = await person(t, { institutionId: w.schoolB.id });
    for (const [method, path, body] of routes) {
      for (const who of [w.memberB, w.leadB, outsider]) {
        const response = await (method === 'get' ? who.client.get(path) : who.client.put(path, body));
        expect({ path, who: who.displayName, status: response.status, code: response.body.code }).toEqual({
          path,
          who: who.displayName,
          status: 404,
          code: 'NOT_FOUND',
        });
        expect(JSON.stringify(response.body)).not.toContain(w.cohortA.name);
      }
      for (const who of [w.memberA, peer, w.otherA]) {
        const response = await (method === 'get' ? who.client.get(path) : who.client.put(path, body));
        expect({ path, status: response.status }).toEqual({ path, status: 403 });
      }
    }
    // Unknown and known-but-hidden cohorts answer alike.
    expect((await w.memberB.client.get(`${PROGRAM}/cohorts/00000000-0000-4000-8000-000000000000/progress`)).status).toBe(404);
    expect(await count(t, 'SELECT count(*) FROM cohort WHERE id = $1 AND current_phase = 3', [w.cohortA.id])).toBe(0);
  });
});
