import { startTestApp, type TestApp } from '../../../support/test-app';
import { buildWorld, count, expectOk, expectStatus, INSTRUMENTS, SECTIONS, type World } from './assessments-support';

describe('program assessments: instruments and versions', () => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
  });
  afterAll(() => t.close());

  it('lets admins create an instrument with a first draft; members neither create nor see drafts', async () => {
    const created = await expectStatus(
      w.admin.client.post(INSTRUMENTS, {
        kind: 'individual_readiness',
        title: 'Individual readiness',
        description: 'Where you stand',
      }),
      201,
    );
    expect(created).toMatchObject({
      kind: 'individual_readiness',
      title: 'Individual readiness',
      published: null,
      versions: [{ version: 1, status: 'draft', sections: [] }],
    });
    await expectStatus(w.leadA.client.post(INSTRUMENTS, { kind: 'individual_readiness', title: 'Mine' }), 403, 'FORBIDDEN');
    await expectStatus(w.admin.client.post(INSTRUMENTS, { kind: 'team_readiness', title: 'x' }), 400, 'VALIDATION_FAILED');
    // A never-published instrument does not exist for members, for reading or writing.
    await expectStatus(w.memberA.client.get(`${INSTRUMENTS}/${created.id}`), 404);
    await expectStatus(w.memberA.client.put(`${INSTRUMENTS}/${created.id}/versions/1`, { sections: SECTIONS }), 404);
    const listed = await expectOk(w.memberA.client.get(INSTRUMENTS));
    expect(listed.items.map((i: { id: string }) => i.id)).not.toContain(created.id);
    const adminList = await expectOk(w.admin.client.get(`${INSTRUMENTS}?kind=individual_readiness`));
    expect(adminList.items.map((i: { id: string }) => i.id)).toContain(created.id);
  });

  it('validates a version on publish with details, then publishes it; members see only the published version', async () => {
    const { id } = await expectOk(w.admin.client.post(INSTRUMENTS, { kind: 'school_readiness', title: 'School readiness' }));
    const empty = await expectStatus(
      w.admin.client.post(`${INSTRUMENTS}/${id}/versions/1/publish`),
      400,
      'ASSESSMENT_VERSION_INVALID',
    );
    expect(empty.details).toEqual([{ field: 'sections', message: 'A version needs at least one section' }]);

    const broken = [
      { key: 's1', title: 'One', items: [{ key: 'q', type: 'single', prompt: 'Pick', options: ['a'], required: true }] },
      { key: 's1', title: 'Two', items: [{ key: 'q', type: 'likert', prompt: 'Rate', options: ['x', 'y'], required: true }] },
    ];
    await expectOk(w.admin.client.put(`${INSTRUMENTS}/${id}/versions/1`, { sections: broken }));
    const invalid = await expectStatus(
      w.admin.client.post(`${INSTRUMENTS}/${id}/versions/1/publish`),
      400,
      'ASSESSMENT_VERSION_INVALID',
    );
    expect(invalid.details.map((d: { field: string }) => d.field)).toEqual([
      'sections[0].items[0].options',
      'sections[1].key',
      'sections[1].items[0].key',
      'sections[1].items[0].options',
    ]);
    // Structural problems are the DTO's: a bad key or type never reaches the draft.
    const badKey = await expectStatus(
      w.admin.client.put(`${INSTRUMENTS}/${id}/versions/1`, {
        sections: [{ key: 'has space', title: 'T', items: [{ key: 'q', type: 'slider', prompt: 'p', required: true }] }],
      }),
      400,
      'VALIDATION_FAILED',
    );
    expect(badKey.details.map((d: { field: string }) => d.field).sort()).toEqual(['sections.0.items.0.type', 'sections.0.key']);

    await expectOk(w.admin.client.put(`${INSTRUMENTS}/${id}/versions/1`, { sections: SECTIONS }));
    const published = await expectStatus(w.admin.client.post(`${INSTRUMENTS}/${id}/versions/1/publish`), 200);
    expect(published.published).toMatchObject({ version: 1, status: 'published', sections: SECTIONS });

    const seen = await expectOk(w.memberB.client.get(`${INSTRUMENTS}/${id}`));
    expect(seen.published.sections).toEqual(SECTIONS);
    expect(seen.versions).toBeUndefined();
    await expectStatus(w.memberB.client.post(`${INSTRUMENTS}/${id}/versions/1/retire`), 403, 'FORBIDDEN');
    await expectStatus(w.memberB.client.patch(`${INSTRUMENTS}/${id}`, { title: 'Renamed' }), 403, 'FORBIDDEN');
  });

  it('freezes a published version: the API answers 409 and the database trigger refuses a direct write', async () => {
    const { id } = await expectOk(w.admin.client.post(INSTRUMENTS, { kind: 'individual_readiness', title: 'Frozen' }));
    await expectOk(w.admin.client.put(`${INSTRUMENTS}/${id}/versions/1`, { sections: SECTIONS }));
    await expectOk(w.admin.client.post(`${INSTRUMENTS}/${id}/versions/1/publish`));
    await expectStatus(w.admin.client.put(`${INSTRUMENTS}/${id}/versions/1`, { sections: [] }), 409, 'ASSESSMENT_VERSION_FROZEN');
    await expectStatus(w.admin.client.post(`${INSTRUMENTS}/${id}/versions/1/publish`), 409, 'ASSESSMENT_VERSION_FROZEN');
    await expect(t.db.query(`UPDATE assessment_version SET sections = '[]' WHERE instrument_id = $1`, [id])).rejects.toThrow(
      /cannot change/,
    );
    const [row] = await t.db.query('SELECT sections FROM assessment_version WHERE instrument_id = $1 AND version = 1', [id]);
    expect(row.sections).toEqual(SECTIONS);
  });

  it('copies the latest version into a new draft, one draft at a time; publishing it retires the old one in the same step', async () => {
    const { id } = await expectOk(w.admin.client.post(INSTRUMENTS, { kind: 'individual_readiness', title: 'Evolving' }));
    await expectStatus(w.admin.client.post(`${INSTRUMENTS}/${id}/versions`), 409, 'ASSESSMENT_DRAFT_EXISTS');
    await expectOk(w.admin.client.put(`${INSTRUMENTS}/${id}/versions/1`, { sections: SECTIONS }));
    await expectOk(w.admin.client.post(`${INSTRUMENTS}/${id}/versions/1/publish`));
    const draft = await expectStatus(w.admin.client.post(`${INSTRUMENTS}/${id}/versions`), 201);
    expect(draft).toMatchObject({ version: 2, status: 'draft', sections: SECTIONS });
    const changed = [{ ...SECTIONS[0], title: 'Climate (revised)' }];
    await expectOk(w.admin.client.put(`${INSTRUMENTS}/${id}/versions/2`, { sections: changed }));
    const after = await expectOk(w.admin.client.post(`${INSTRUMENTS}/${id}/versions/2/publish`));
    expect(after.versions.map((v: { version: number; status: string }) => [v.version, v.status])).toEqual([
      [2, 'published'],
      [1, 'retired'],
    ]);
    expect(after.published.sections[0].title).toBe('Climate (revised)');
    await expectStatus(w.admin.client.put(`${INSTRUMENTS}/${id}/versions/3`, { sections: [] }), 404);
    await expectStatus(w.admin.client.put(`${INSTRUMENTS}/${id}/versions/0`, { sections: [] }), 400, 'VALIDATION_FAILED');
    expect(
      await count(t, `SELECT count(*) FROM assessment_version WHERE instrument_id = $1 AND status = 'published'`, [id]),
    ).toBe(1);
  });

  it('retires the published version: members then no longer see the instrument', async () => {
    const { id } = await expectOk(w.admin.client.post(INSTRUMENTS, { kind: 'individual_readiness', title: 'Short-lived' }));
    await expectOk(w.admin.client.put(`${INSTRUMENTS}/${id}/versions/1`, { sections: SECTIONS }));
    await expectOk(w.admin.client.post(`${INSTRUMENTS}/${id}/versions/1/publish`));
    await expectOk(w.memberA.client.get(`${INSTRUMENTS}/${id}`));
    const retired = await expectOk(w.admin.client.post(`${INSTRUMENTS}/${id}/versions/1/retire`));
    expect(retired.versions[0]).toMatchObject({ status: 'retired' });
    expect(retired.versions[0].retiredAt).toEqual(expect.any(String));
    await expectStatus(w.admin.client.post(`${INSTRUMENTS}/${id}/versions/1/retire`), 409, 'INVALID_TRANSITION');
    await expectStatus(w.memberA.client.get(`${INSTRUMENTS}/${id}`), 404);
  });
});
