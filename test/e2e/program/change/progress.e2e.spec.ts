import { randomUUID } from 'node:crypto';
import { buildInstitution } from '@app/testing';
import { signIn, startTestApp, type TestApp } from '../../../support/test-app';
import { API, buildWorld, createIndicator, createTarget, daysFrom, ok, person, PROGRAM, recordMeasurement, type Person, type World } from './change-support';

describe('the school dashboard and the consortium’s progress', () => {
  let t: TestApp;
  let w: World;
  let structural: { id: string; title: string };
  let rising: { id: string };
  let unmeasured: { id: string };
  let overdueStep: { id: string };
  let schoolC: { id: string; name: string };
  let schoolD: { id: string; name: string };
  let memberC: Person;
  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    const lead = w.leadA.client;
    structural = await createTarget(t, lead, w.schoolA.id, w.memberA.id, { title: 'Race-free eGFR', status: 'in_progress', category: 'structural', startsOn: daysFrom(t, -100), dueOn: daysFrom(t, 100) });
    await createTarget(t, lead, w.schoolA.id, w.otherA.id, { title: 'Listening sessions', status: 'planned', category: 'relational' });
    await createTarget(t, lead, w.schoolA.id, w.otherA.id, { title: 'Admissions rubric', status: 'achieved', category: 'structural' });
    rising = await createIndicator(lead, structural.id, { baseline: 20, targetValue: 100, unit: '%' });
    unmeasured = await createIndicator(lead, structural.id, { name: 'Complaints', unit: 'reports', baseline: 12, targetValue: 4, direction: 'decrease' });
    for (const [days, value] of [[-60, 30], [-30, 45], [0, 70]] as const) await ok(recordMeasurement(t, lead, rising.id, { measuredOn: daysFrom(t, days), value }));

    const step = (title: string, dueOn: string | null, ownerId?: string) => ok(lead.post(`${PROGRAM}/targets/${structural.id}/steps`, { title, dueOn, ownerId }));
    overdueStep = await step('Late step', daysFrom(t, -1), w.otherA.id);
    const doneLate = await step('Done late', daysFrom(t, -5));
    await ok(lead.patch(`${PROGRAM}/steps/${doneLate.id}`, { done: true }));
    await step('Due today', daysFrom(t, 0));
    await step('Due later', daysFrom(t, 10));
    await step('No date', null);

    for (let i = 1; i <= 12; i += 1) {
      await ok(lead.post(`${PROGRAM}/targets/${structural.id}/wins`, { happenedOn: daysFrom(t, -i * 10), title: `Win ${i}`, body: 'Good news' }));
    }
    await ok(lead.post(`${PROGRAM}/targets/${structural.id}/corrections`, { happenedOn: daysFrom(t, -2), title: 'Slower rollout', body: 'One module a term', reason: 'Faculty time' }));
    await t.db.query('UPDATE cohort SET current_phase = 4 WHERE id = $1', [w.cohortA.id]);

    schoolC = await buildInstitution(t.db);
    schoolD = await buildInstitution(t.db);
    memberC = await person(t, { institutionId: schoolC.id });
    await ok(w.admin.client.patch(`${API}/institutions/${schoolC.id}`, { namedToPeers: true }));
  });
  afterAll(() => t?.close());

  it('counts targets by status and category, and shows each indicator’s standing and points', async () => {
    const d = await ok(w.memberA.client.get(`${PROGRAM}/schools/${w.schoolA.id}/dashboard`));
    expect(d.school).toEqual({ id: w.schoolA.id, name: w.schoolA.name });
    expect(d.targetsByStatus).toEqual({ planned: 1, in_progress: 1, on_hold: 0, achieved: 1, dropped: 0 });
    expect(d.targetsByCategory).toEqual({ structural: 2, relational: 1, transformative: 0 });
    const target = d.targets.find((x: { id: string }) => x.id === structural.id);
    expect(target).toMatchObject({ title: 'Race-free eGFR', status: 'in_progress', owner: { id: w.memberA.id } });
    expect(target.indicators).toEqual([
      {
        id: rising.id,
        name: 'Cases using the race-free equation',
        unit: '%',
        baseline: 20,
        targetValue: 100,
        direction: 'increase',
        latest: { measuredOn: daysFrom(t, 0), value: 70 },
        progress: 0.625,
        onTrack: true,
        series: [
          { date: daysFrom(t, -60), value: 30 },
          { date: daysFrom(t, -30), value: 45 },
          { date: daysFrom(t, 0), value: 70 },
        ],
      },
      { id: unmeasured.id, name: 'Complaints', unit: 'reports', baseline: 12, targetValue: 4, direction: 'decrease', latest: null, progress: null, onTrack: false, series: [] },
    ]);
  });

  it('lists the open steps due before today with their target and owner, the ten latest wins and the cohorts’ phases', async () => {
    const d = await ok(w.leadA.client.get(`${PROGRAM}/schools/${w.schoolA.id}/dashboard`));
    expect(d.overdueSteps).toEqual([
      { id: overdueStep.id, title: 'Late step', dueOn: daysFrom(t, -1), target: { id: structural.id, title: 'Race-free eGFR' }, owner: { id: w.otherA.id, displayName: w.otherA.displayName } },
    ]);
    expect(d.recentWins.map((win: { title: string }) => win.title)).toEqual(Array.from({ length: 10 }, (_, i) => `Win ${i + 1}`));
    expect(d.recentWins[0]).toEqual({ id: expect.any(String), title: 'Win 1', happenedOn: daysFrom(t, -10), target: { id: structural.id, title: 'Race-free eGFR' } });
    expect(d.cohorts).toEqual(
      expect.arrayContaining([
        { id: w.cohortA.id, name: expect.any(String), currentPhase: 4 },
        { id: w.cohortA2.id, name: expect.any(String), currentPhase: null },
      ]),
    );
  });

  it('as time passes a step becomes overdue and an indicator falls behind its pace', async () => {
    t.clock.advance(50 * 86_400_000);
    try {
      // Sessions expire by the same clock: sign in again fifty days later.
      const lead = await signIn(t.url, w.leadA.email, w.leadA.password);
      const d = await ok(lead.get(`${PROGRAM}/schools/${w.schoolA.id}/dashboard`));
      expect(d.overdueSteps.map((s: { title: string }) => s.title)).toEqual(['Late step', 'Due today', 'Due later']);
      // 150 of 200 days gone, 62.5% of the way: behind.
      expect(d.targets.find((x: { id: string }) => x.id === structural.id).indicators[0]).toMatchObject({ progress: 0.625, onTrack: false });
    } finally {
      t.clock.reset();
    }
  });

  it('names to a school’s members their own school and those that opted in; the others are “Another school”, without an id', async () => {
    const view = await ok(w.memberB.client.get(`${PROGRAM}/consortium/progress`));
    const named = view.schools.filter((s: { named: boolean }) => s.named);
    expect(named.map((s: { id: string }) => s.id).sort()).toEqual([w.schoolB.id, schoolC.id].sort());
    expect(named.find((s: { id: string }) => s.id === w.schoolB.id)).toMatchObject({ own: true, href: `/change/schools/${w.schoolB.id}` });
    const unnamed = view.schools.filter((s: { named: boolean }) => !s.named);
    expect(unnamed).toHaveLength(2);
    for (const school of unnamed) {
      expect(school.name).toBe('Another school');
      expect(Object.keys(school)).not.toContain('id');
      expect(Object.keys(school)).not.toContain('href');
    }
    const text = JSON.stringify(view);
    for (const hidden of [w.schoolA, schoolD]) {
      expect(text).not.toContain(hidden.id);
      expect(text).not.toContain(hidden.name);
    }
    // Ordered by figures: school A (3 targets) before school D (none), whatever their names.
    expect(unnamed[0]).toMatchObject({
      targetCount: 3,
      targetsByStatus: { planned: 1, in_progress: 1, on_hold: 0, achieved: 1, dropped: 0 },
      indicatorsOnTrack: 1,
      indicatorCount: 2,
      // Wins 10, 20, … 80 days ago: the 90 days up to today hold eight.
      winsLast90Days: 8,
      cohortsByPhase: [
        { phase: null, count: 1 },
        { phase: 4, count: 1 },
      ],
    });
    expect(unnamed[1]).toMatchObject({ targetCount: 0, indicatorCount: 0, winsLast90Days: 0, cohortsByPhase: [] });
  });

  it('names every school to the program team, and to a school once it opts in', async () => {
    for (const team of [w.admin, w.platformFacilitator]) {
      const view = await ok(team.client.get(`${PROGRAM}/consortium/progress`));
      expect(view.schools.every((s: { named: boolean }) => s.named)).toBe(true);
      expect(view.schools.map((s: { id: string }) => s.id)).toEqual(expect.arrayContaining([w.schoolA.id, w.schoolB.id, schoolC.id, schoolD.id]));
      expect(view.schools.find((s: { id: string }) => s.id === w.schoolA.id)).toMatchObject({ name: w.schoolA.name, indicatorsOnTrack: 1 });
    }
    const mine = await ok(w.memberA.client.get(`${PROGRAM}/consortium/progress`));
    expect(mine.schools.find((s: { id?: string }) => s.id === w.schoolA.id)).toMatchObject({ own: true, named: true });

    await ok(w.leadA.client.patch(`${API}/institutions/${w.schoolA.id}`, { namedToPeers: true }));
    const peer = await ok(memberC.client.get(`${PROGRAM}/consortium/progress`));
    expect(peer.schools.find((s: { id?: string }) => s.id === w.schoolA.id)).toMatchObject({ named: true, own: false, name: w.schoolA.name });
    await ok(w.leadA.client.patch(`${API}/institutions/${w.schoolA.id}`, { namedToPeers: false }));
  });

  it('a school that does not exist has no dashboard, even for an admin', async () => {
    expect((await w.admin.client.get(`${PROGRAM}/schools/${randomUUID()}/dashboard`)).status).toBe(404);
  });

  it('is not there for someone without a school', async () => {
    const nobody = await person(t, {});
    expect((await nobody.client.get(`${PROGRAM}/consortium/progress`)).status).toBe(404);
  });
});
