import { startTestApp, type TestApp } from '../../../support/test-app';
import { API, buildWorld, count, expectOk, expectStatus, person, type World } from './assessments-support';

const landscape = (schoolId: string) => `${API}/program/schools/${schoolId}/landscape`;
const EFFORT = {
  name: 'Holistic admissions review',
  sphere: 'admissions',
  startedOn: '2023-09-01',
  status: 'active',
  effectivenessEvidence: 'Offers to under-represented applicants rose from 9% to 14%.',
};

describe('program assessments: the landscape inventory', () => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
  });
  afterAll(() => t.close());

  it('lets cohort members and the lead record efforts, which the school and the program team read', async () => {
    const created = await expectStatus(w.memberA.client.post(landscape(w.schoolA.id), EFFORT), 201);
    expect(created).toMatchObject({ ...EFFORT, institutionId: w.schoolA.id, createdBy: { id: w.memberA.id } });
    await expectStatus(
      w.leadA.client.post(landscape(w.schoolA.id), { name: 'Curriculum audit', sphere: 'curriculum', status: 'planned' }),
      201,
    );
    await expectStatus(
      w.admin.client.post(landscape(w.schoolA.id), { name: 'Board seat', sphere: 'governance', status: 'paused' }),
      201,
    );

    const sameSchool = await person(t, { institutionId: w.schoolA.id });
    const list = await expectOk(sameSchool.client.get(landscape(w.schoolA.id)));
    expect(list.items.map((e: { name: string }) => e.name)).toEqual([
      'Holistic admissions review',
      'Curriculum audit',
      'Board seat',
    ]);
    expect(list.items[1]).toMatchObject({ startedOn: null, effectivenessEvidence: '' });
    expect(list.canEdit).toBe(false);
    expect((await expectOk(w.otherA.client.get(landscape(w.schoolA.id)))).canEdit).toBe(true);
    await expectOk(w.platformFacilitator.client.get(landscape(w.schoolA.id)));

    const page = await expectOk(w.leadA.client.get(`${landscape(w.schoolA.id)}?limit=2`));
    expect(page.items).toHaveLength(2);
    const rest = await expectOk(w.leadA.client.get(`${landscape(w.schoolA.id)}?limit=2&cursor=${page.nextCursor}`));
    expect(rest.items.map((e: { name: string }) => e.name)).toEqual(['Board seat']);
    expect(rest.nextCursor).toBeNull();
  });

  it('refuses writes from people who may only read (403), and hides the school from other schools (404)', async () => {
    const sameSchool = await person(t, { institutionId: w.schoolA.id });
    const before = await count(t, 'SELECT count(*) FROM landscape_effort');
    await expectStatus(sameSchool.client.post(landscape(w.schoolA.id), EFFORT), 403, 'FORBIDDEN');
    await expectStatus(w.platformFacilitator.client.post(landscape(w.schoolA.id), EFFORT), 403, 'FORBIDDEN');
    await expectStatus(w.memberB.client.get(landscape(w.schoolA.id)), 404, 'NOT_FOUND');
    await expectStatus(w.leadB.client.post(landscape(w.schoolA.id), EFFORT), 404, 'NOT_FOUND');
    const effort = await expectOk(w.memberA.client.post(landscape(w.schoolA.id), { ...EFFORT, name: 'Mentoring' }));
    await expectStatus(w.memberB.client.patch(`${landscape(w.schoolA.id)}/${effort.id}`, { status: 'ended' }), 404);
    await expectStatus(w.leadB.client.delete(`${landscape(w.schoolA.id)}/${effort.id}`), 404);
    // An effort is reached only through its own school.
    await expectStatus(w.leadB.client.patch(`${landscape(w.schoolB.id)}/${effort.id}`, { status: 'ended' }), 404);
    await expectStatus(w.memberA.client.get(landscape('00000000-0000-4000-8000-000000000000')), 404);
    expect(await count(t, 'SELECT count(*) FROM landscape_effort')).toBe(before + 1);
  });

  it('validates the sphere, the status and the date', async () => {
    const bad = await expectStatus(
      w.memberA.client.post(landscape(w.schoolA.id), {
        name: ' ',
        sphere: 'sports',
        status: 'done',
        startedOn: '2023-02-30',
        extra: 1,
      }),
      400,
      'VALIDATION_FAILED',
    );
    expect(new Set(bad.details.map((d: { field: string }) => d.field))).toEqual(
      new Set(['name', 'sphere', 'status', 'startedOn', 'extra']),
    );
  });

  it('updates and deletes an effort; clearing the start date with null', async () => {
    const effort = await expectOk(w.otherA.client.post(landscape(w.schoolA.id), EFFORT));
    const updated = await expectOk(
      w.leadA.client.patch(`${landscape(w.schoolA.id)}/${effort.id}`, {
        status: 'ended',
        startedOn: null,
        effectivenessEvidence: 'Ended after review',
      }),
    );
    expect(updated).toMatchObject({
      name: EFFORT.name,
      status: 'ended',
      startedOn: null,
      effectivenessEvidence: 'Ended after review',
    });
    await expectStatus(w.memberA.client.delete(`${landscape(w.schoolA.id)}/${effort.id}`), 204);
    await expectStatus(w.memberA.client.delete(`${landscape(w.schoolA.id)}/${effort.id}`), 404);
  });
});
