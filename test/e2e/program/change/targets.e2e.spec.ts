import { startTestApp, type TestApp } from '../../../support/test-app';
import { buildWorld, changeRowCounts, createIndicator, createTarget, daysFrom, expectStatus, ok, PROGRAM, recordMeasurement, today, type World } from './change-support';

describe('change targets, plans, indicators and measurements', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
  });
  afterAll(() => t?.close());

  it('a lead sets a target with its tactical plan; the plan’s Markdown comes back with its HTML', async () => {
    const target = await createTarget(t, w.leadA.client, w.schoolA.id, w.memberA.id, {
      sphere: 'admissions',
      category: 'transformative',
      plan: { stakeholderAnalysis: 'The **admissions committee** decides.', studentFeedbackLoop: 'Termly survey' },
    });
    expect(target).toMatchObject({
      schoolId: w.schoolA.id,
      owner: { id: w.memberA.id },
      sphere: 'admissions',
      category: 'transformative',
      status: 'in_progress',
      plan: { stakeholderAnalysis: 'The **admissions committee** decides.', successFactors: '', studentFeedbackLoop: 'Termly survey' },
      steps: [],
      indicators: [],
      wins: [],
      corrections: [],
      can: { edit: true },
    });
    expect(target.plan.html.stakeholderAnalysis).toContain('<strong>admissions committee</strong>');
    expect(target.startsOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const patched = await ok(w.leadA.client.patch(`${PROGRAM}/targets/${target.id}`, { status: 'on_hold', plan: { successFactors: 'A dean who backs it' } }));
    expect(patched).toMatchObject({ status: 'on_hold', plan: { successFactors: 'A dean who backs it', stakeholderAnalysis: 'The **admissions committee** decides.' } });

    const list = await ok(w.memberA.client.get(`${PROGRAM}/schools/${w.schoolA.id}/targets?status=on_hold&category=transformative`));
    expect(list.items.map((i: { id: string }) => i.id)).toEqual([target.id]);
    expect((await ok(w.memberA.client.get(`${PROGRAM}/schools/${w.schoolA.id}/targets?status=achieved`))).items).toEqual([]);
  });

  it('refuses bad targets and writes nothing: due before start, an owner of another school, unknown sphere or fields', async () => {
    const before = await changeRowCounts(t);
    const base = { title: 'T', ownerId: w.memberA.id, sphere: 'curriculum', category: 'structural', startsOn: today(t), dueOn: daysFrom(t, 10) };
    const post = (body: object) => w.leadA.client.post(`${PROGRAM}/schools/${w.schoolA.id}/targets`, { ...base, ...body });
    expect((await expectStatus(post({ dueOn: daysFrom(t, -1) }), 400)).code).toBe('CHANGE_DUE_BEFORE_START');
    expect((await expectStatus(post({ ownerId: w.memberB.id }), 400)).code).toBe('NOT_IN_SCHOOL');
    expect((await expectStatus(post({ sphere: 'sports' }), 400)).code).toBe('VALIDATION_FAILED');
    expect((await expectStatus(post({ category: 'vibes' }), 400)).code).toBe('VALIDATION_FAILED');
    expect((await expectStatus(post({ startsOn: '2026-02-30' }), 400)).code).toBe('VALIDATION_FAILED');
    expect((await expectStatus(post({ title: '   ' }), 400)).code).toBe('VALIDATION_FAILED');
    expect((await expectStatus(post({ institutionId: w.schoolB.id }), 400)).code).toBe('VALIDATION_FAILED');
    expect((await expectStatus(post({ plan: { budget: 'lots' } }), 400)).code).toBe('VALIDATION_FAILED');

    const target = await createTarget(t, w.leadA.client, w.schoolA.id, w.memberA.id);
    const counts = await changeRowCounts(t);
    expect(counts.targets).toBe(before.targets + 1);
    const patch = (body: object) => w.leadA.client.patch(`${PROGRAM}/targets/${target.id}`, body);
    expect((await expectStatus(patch({ dueOn: daysFrom(t, -200) }), 400)).code).toBe('CHANGE_DUE_BEFORE_START');
    expect((await expectStatus(patch({ ownerId: w.memberB.id }), 400)).code).toBe('NOT_IN_SCHOOL');
    expect((await expectStatus(patch({ ownerId: null }), 400)).code).toBe('VALIDATION_FAILED');
    const after = await ok(w.leadA.client.get(`${PROGRAM}/targets/${target.id}`));
    expect(after).toMatchObject({ dueOn: target.dueOn, owner: { id: w.memberA.id } });
  });

  it('steps: added in order, ticked done and reopened, owners from the school only', async () => {
    const target = await createTarget(t, w.leadA.client, w.schoolA.id, w.memberA.id);
    const first = await ok(w.leadA.client.post(`${PROGRAM}/targets/${target.id}/steps`, { title: 'Map the cases', ownerId: w.otherA.id, dueOn: daysFrom(t, 3) }));
    const second = await ok(w.leadA.client.post(`${PROGRAM}/targets/${target.id}/steps`, { title: 'Rewrite them' }));
    expect(first).toMatchObject({ title: 'Map the cases', owner: { id: w.otherA.id }, done: false, overdue: false });
    expect(second).toMatchObject({ owner: null, dueOn: null });

    const done = await ok(w.leadA.client.patch(`${PROGRAM}/steps/${first.id}`, { done: true }));
    expect(done.done).toBe(true);
    expect(done.doneAt).toEqual(expect.any(String));
    expect(await ok(w.leadA.client.patch(`${PROGRAM}/steps/${first.id}`, { done: false, ownerId: null }))).toMatchObject({ done: false, doneAt: null, owner: null });

    const before = await changeRowCounts(t);
    expect((await expectStatus(w.leadA.client.post(`${PROGRAM}/targets/${target.id}/steps`, { title: 'X', ownerId: w.memberB.id }), 400)).code).toBe('NOT_IN_SCHOOL');
    expect((await expectStatus(w.leadA.client.patch(`${PROGRAM}/steps/${second.id}`, { ownerId: w.leadB.id }), 400)).code).toBe('NOT_IN_SCHOOL');
    expect(await changeRowCounts(t)).toEqual(before);

    const detail = await ok(w.memberA.client.get(`${PROGRAM}/targets/${target.id}`));
    expect(detail.steps.map((s: { id: string }) => s.id)).toEqual([first.id, second.id]);
    await expectStatus(w.leadA.client.delete(`${PROGRAM}/steps/${second.id}`), 204);
    expect((await ok(w.memberA.client.get(`${PROGRAM}/targets/${target.id}`))).steps).toHaveLength(1);
  });

  it('indicators: the target value must lie in the direction of change', async () => {
    const target = await createTarget(t, w.leadA.client, w.schoolA.id, w.memberA.id);
    const before = await changeRowCounts(t);
    const refused = await expectStatus(w.leadA.client.post(`${PROGRAM}/targets/${target.id}/indicators`, { name: 'Gap', unit: 'pts', baseline: 10, targetValue: 12, direction: 'decrease' }), 400);
    expect(refused.code).toBe('CHANGE_DIRECTION_MISMATCH');
    expect(await changeRowCounts(t)).toEqual(before);

    const gap = await createIndicator(w.leadA.client, target.id, { name: 'Attainment gap', unit: 'pts', baseline: 10, targetValue: 2, direction: 'decrease' });
    expect(gap).toMatchObject({ unit: 'pts', baseline: 10, targetValue: 2, direction: 'decrease', latest: null, progress: null, onTrack: false, measurements: [] });
    expect((await expectStatus(w.leadA.client.patch(`${PROGRAM}/indicators/${gap.id}`, { targetValue: 20 }), 400)).code).toBe('CHANGE_DIRECTION_MISMATCH');
    expect(await ok(w.leadA.client.patch(`${PROGRAM}/indicators/${gap.id}`, { targetValue: 0, unit: 'points' }))).toMatchObject({ targetValue: 0, unit: 'points' });

    await ok(recordMeasurement(t, w.leadA.client, gap.id, { unit: 'points', value: 6 }));
    expect((await expectStatus(w.leadA.client.patch(`${PROGRAM}/indicators/${gap.id}`, { unit: 'pp' }), 400)).code).toBe('CHANGE_UNIT_MISMATCH');
  });

  it('measurements: the indicator’s unit, no later than tomorrow, a finite value, web links only — else nothing is written', async () => {
    const target = await createTarget(t, w.leadA.client, w.schoolA.id, w.memberA.id, { startsOn: daysFrom(t, -50), dueOn: daysFrom(t, 50) });
    const indicator = await createIndicator(w.leadA.client, target.id, { baseline: 20, targetValue: 100, unit: '%' });
    const before = await changeRowCounts(t);
    const refuse = async (body: Record<string, unknown>, code: string) => expect((await expectStatus(recordMeasurement(t, w.leadA.client, indicator.id, body), 400)).code).toBe(code);
    await refuse({ unit: 'percent' }, 'CHANGE_UNIT_MISMATCH');
    await refuse({ measuredOn: daysFrom(t, 2) }, 'CHANGE_MEASUREMENT_IN_FUTURE');
    await refuse({ value: 'fifty' }, 'VALIDATION_FAILED');
    await refuse({ value: null }, 'VALIDATION_FAILED');
    await refuse({ evidenceUrls: ['javascript:alert(1)'] }, 'VALIDATION_FAILED');
    await refuse({ evidenceUrls: Array.from({ length: 11 }, (_, i) => `https://example.org/${i}`) }, 'VALIDATION_FAILED');
    await refuse({ measuredOn: '2026-13-01' }, 'VALIDATION_FAILED');
    // 1e999 is valid JSON that parses to Infinity.
    const infinite = await w.leadA.client
      .post(`${PROGRAM}/indicators/${indicator.id}/measurements`)
      .set('Content-Type', 'application/json')
      .send(`{"measuredOn":"${today(t)}","value":1e999,"unit":"%"}`);
    expect(infinite.status).toBe(400);
    expect(await changeRowCounts(t)).toEqual(before);

    const tomorrow = await ok(recordMeasurement(t, w.leadA.client, indicator.id, { measuredOn: daysFrom(t, 1), value: 70, note: 'Audit of term 2', evidenceUrls: ['https://intranet.example.org/audit'] }));
    expect(tomorrow).toMatchObject({ measuredOn: daysFrom(t, 1), value: 70, note: 'Audit of term 2', evidenceUrls: ['https://intranet.example.org/audit'], recordedBy: { id: w.leadA.id } });
    await ok(recordMeasurement(t, w.leadA.client, indicator.id, { measuredOn: daysFrom(t, -30), value: 40.5 }));

    const series = await ok(w.memberA.client.get(`${PROGRAM}/indicators/${indicator.id}/measurements`));
    expect(series.items.map((m: { value: number }) => m.value)).toEqual([40.5, 70]);
    const page = await ok(w.memberA.client.get(`${PROGRAM}/indicators/${indicator.id}/measurements?limit=1`));
    expect(page.items.map((m: { value: number }) => m.value)).toEqual([40.5]);
    const next = await ok(w.memberA.client.get(`${PROGRAM}/indicators/${indicator.id}/measurements?limit=1&cursor=${page.nextCursor}`));
    expect(next.items.map((m: { value: number }) => m.value)).toEqual([70]);

    // Halfway through the target's time and (70 - 20) / 80 of the way to the target: on track.
    const detail = await ok(w.memberA.client.get(`${PROGRAM}/targets/${target.id}`));
    expect(detail.indicators[0]).toMatchObject({ latest: { measuredOn: daysFrom(t, 1), value: 70 }, progress: 0.625, onTrack: true });

    await expectStatus(w.leadA.client.delete(`${PROGRAM}/measurements/${tomorrow.id}`), 204);
    const after = await ok(w.memberA.client.get(`${PROGRAM}/targets/${target.id}`));
    expect(after.indicators[0]).toMatchObject({ latest: { value: 40.5 }, progress: 0.256, onTrack: false });
  });

  it('deleting a target takes its plan, indicators and log with it', async () => {
    const target = await createTarget(t, w.leadA.client, w.schoolA.id, w.memberA.id);
    const indicator = await createIndicator(w.leadA.client, target.id);
    await ok(recordMeasurement(t, w.leadA.client, indicator.id));
    await ok(w.leadA.client.post(`${PROGRAM}/targets/${target.id}/wins`, { happenedOn: today(t), title: 'W', body: '' }));
    await expectStatus(w.leadA.client.delete(`${PROGRAM}/targets/${target.id}`), 204);
    await expectStatus(w.leadA.client.get(`${PROGRAM}/targets/${target.id}`), 404);
    await expectStatus(w.leadA.client.get(`${PROGRAM}/indicators/${indicator.id}/measurements`), 404);
  });
});
