import type { TestApp } from '../../../support/test-app';
import {
  activity,
  article,
  count,
  expectOk,
  instrument,
  newItem,
  newModule,
  PROGRAM,
  startPathWorld,
  video,
  type World,
} from './path-support';

describe('learning path content: phases, modules and items', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    ({ t, w } = await startPathWorld());
  });
  afterAll(() => t?.close());

  const items = () => count(t, 'SELECT count(*) FROM program_item');

  it('lists the six phases with their goals and module counts to any signed-in member', async () => {
    const moduleA = await newModule(w.admin.client, { phase: 2, title: 'Shared language' });
    await newItem(w.admin.client, moduleA.id, video());
    const phases = await expectOk(w.memberB.client.get(`${PROGRAM}/phases`));
    expect(phases.items.map((p: any) => p.number)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(phases.items[0]).toMatchObject({ title: 'Onboarding & readiness assessment', moduleCount: 0 });
    expect(phases.items[0].goals).toContain('The landscape inventory is drafted');
    expect(phases.items[1]).toMatchObject({ number: 2, moduleCount: 1, itemCount: 1 });
    expect((await w.memberA.client.get(`${PROGRAM}/phases`).set('Cookie', '')).status).toBe(401);
  });

  it('lets only admins reword a phase, and refuses a phase that does not exist', async () => {
    const changed = await expectOk(
      w.admin.client.patch(`${PROGRAM}/phases/3`, { title: 'Climate for change', goals: [' Chats held '] }),
    );
    expect(changed).toMatchObject({ number: 3, title: 'Climate for change', goals: ['Chats held'] });
    const denied = await w.leadA.client.patch(`${PROGRAM}/phases/3`, { title: 'Mine now' });
    expect(denied.status).toBe(403);
    expect(denied.body.code).toBe('FORBIDDEN');
    for (const number of ['7', '0', 'one']) {
      const bad = await w.admin.client.patch(`${PROGRAM}/phases/${number}`, { title: 'Seventh' });
      expect(bad.status).toBe(400);
      expect(bad.body.code).toBe('VALIDATION_FAILED');
    }
    expect((await w.admin.client.patch(`${PROGRAM}/phases/3`, { title: '  ' })).body.code).toBe('VALIDATION_FAILED');
    expect((await w.admin.client.patch(`${PROGRAM}/phases/3`, { number: 4 })).body.code).toBe('VALIDATION_FAILED');
  });

  it('creates, changes and deletes modules for admins only', async () => {
    const created = await w.admin.client.post(`${PROGRAM}/modules`, {
      phase: 4,
      title: ' Change targets ',
      description: 'SMART targets',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ phase: 4, title: 'Change targets', description: 'SMART targets', position: 0 });
    const second = await newModule(w.admin.client, { phase: 4, title: 'Indicators' });
    expect(second).toMatchObject({ position: 1 });
    const moved = await expectOk(w.admin.client.patch(`${PROGRAM}/modules/${second.id}`, { phase: 5, position: 3 }));
    expect(moved).toMatchObject({ phase: 5, position: 3, title: 'Indicators' });

    for (const who of [w.platformFacilitator, w.leadA, w.memberA]) {
      expect((await who.client.post(`${PROGRAM}/modules`, { phase: 1, title: 'Not mine' })).status).toBe(403);
      expect((await who.client.patch(`${PROGRAM}/modules/${second.id}`, { title: 'Not mine' })).status).toBe(403);
      expect((await who.client.delete(`${PROGRAM}/modules/${second.id}`)).status).toBe(403);
    }
    const bad = await w.admin.client.post(`${PROGRAM}/modules`, { phase: 7, title: 'Seventh' });
    expect(bad.status).toBe(400);
    expect(bad.body.details).toEqual([expect.objectContaining({ field: 'phase' })]);
    expect((await w.admin.client.post(`${PROGRAM}/modules`, { title: 'No phase' })).body.code).toBe('VALIDATION_FAILED');

    expect((await w.admin.client.delete(`${PROGRAM}/modules/${second.id}`)).status).toBe(204);
    expect((await w.admin.client.delete(`${PROGRAM}/modules/${second.id}`)).status).toBe(404);
    expect((await w.admin.client.patch(`${PROGRAM}/modules/not-a-uuid`, { title: 'x' })).body.code).toBe('INVALID_ID');
  });

  it('creates each kind of item, rendering its Markdown safely', async () => {
    const module = await newModule(w.admin.client, { phase: 1 });
    const v = await newItem(w.admin.client, module.id, {
      ...video(),
      body: 'Transcript <script>alert(1)</script> [x](javascript:alert(1))',
    });
    expect(v).toMatchObject({ kind: 'video', required: true, position: 0, videoUrl: 'https://video.example.test/intro' });
    expect(v.html).not.toContain('<script');
    expect(v.html).not.toContain('javascript:');

    const articleId = await article(t, w.memberA.id);
    const reading = await newItem(w.admin.client, module.id, { kind: 'reading', title: 'Read this', required: false, articleId });
    expect(reading).toMatchObject({ kind: 'reading', required: false, articleId, linkUrl: null, position: 1 });
    const link = await newItem(w.admin.client, module.id, {
      kind: 'reading',
      title: 'Read that',
      required: true,
      linkUrl: 'https://example.test/paper',
    });
    expect(link).toMatchObject({ linkUrl: 'https://example.test/paper', articleId: null });

    const act = await newItem(w.admin.client, module.id, activity());
    expect(act.html).toContain('<strong>three</strong>');
    const instrumentId = await instrument(t);
    const assessment = await newItem(w.admin.client, module.id, {
      kind: 'assessment',
      title: 'Take the readiness assessment',
      required: true,
      instrumentId,
    });
    expect(assessment).toMatchObject({ kind: 'assessment', instrumentId });
  });

  it('refuses bad items with a 400 and writes nothing', async () => {
    const module = await newModule(w.admin.client, { phase: 1 });
    const before = await items();
    const draftId = await article(t, w.memberA.id, { status: 'draft' });
    const schoolBOnly = await article(t, w.memberB.id, { scopeKey: `inst:${w.schoolB.id}` });
    const cases: [Record<string, unknown>, string, string?][] = [
      [{ kind: 'podcast', title: 'Listen', required: true }, 'VALIDATION_FAILED', 'kind'],
      [{ kind: 'video', title: 'No address', required: true }, 'VALIDATION_FAILED', 'videoUrl'],
      [{ kind: 'video', title: 'Script', required: true, videoUrl: 'javascript:alert(1)' }, 'VALIDATION_FAILED', 'videoUrl'],
      [
        { kind: 'video', title: 'Both', required: true, videoUrl: 'https://v.test/x', linkUrl: 'https://v.test/y' },
        'VALIDATION_FAILED',
        'linkUrl',
      ],
      [{ kind: 'reading', title: 'Nothing to read', required: true }, 'VALIDATION_FAILED', 'articleId'],
      [{ kind: 'reading', title: 'Bad link', required: true, linkUrl: 'ftp://example.test/x' }, 'VALIDATION_FAILED', 'linkUrl'],
      [{ kind: 'activity', title: 'No instructions', required: true }, 'VALIDATION_FAILED', 'body'],
      [{ kind: 'assessment', title: 'No instrument', required: true }, 'VALIDATION_FAILED', 'instrumentId'],
      [{ kind: 'video', title: 'No flag', videoUrl: 'https://v.test/x' }, 'VALIDATION_FAILED', 'required'],
      [
        { kind: 'video', title: 'Extra', required: true, videoUrl: 'https://v.test/x', authorId: w.admin.id },
        'VALIDATION_FAILED',
      ],
      [{ kind: 'reading', title: 'Draft', required: true, articleId: draftId }, 'PATH_ARTICLE_UNAVAILABLE', 'articleId'],
      [
        { kind: 'assessment', title: 'Ghost', required: true, instrumentId: '00000000-0000-4000-8000-000000000000' },
        'PATH_INSTRUMENT_NOT_FOUND',
        'instrumentId',
      ],
    ];
    for (const [body, code, field] of cases) {
      const response = await w.admin.client.post(`${PROGRAM}/modules/${module.id}/items`, body);
      expect({ body, status: response.status, code: response.body.code }).toEqual({ body, status: 400, code });
      if (field) expect(response.body.details.map((d: any) => d.field)).toContain(field);
    }
    // Admins read every scope, so any published article is theirs to link; readers who cannot read it see no trace of it (my-path spec).
    const admin = await w.admin.client.post(`${PROGRAM}/modules/${module.id}/items`, {
      kind: 'reading',
      title: 'B',
      required: true,
      articleId: schoolBOnly,
    });
    expect(admin.status).toBe(201);
    expect(await items()).toBe(before + 1);
    expect((await w.admin.client.post(`${PROGRAM}/modules/00000000-0000-4000-8000-000000000000/items`, video())).status).toBe(
      404,
    );
    expect((await w.memberA.client.post(`${PROGRAM}/modules/${module.id}/items`, video())).status).toBe(403);
  });

  it('changes an item as a whole: its kind stays, and the result is checked like a new one', async () => {
    const module = await newModule(w.admin.client, { phase: 2 });
    const other = await newModule(w.admin.client, { phase: 3 });
    const reading = await newItem(w.admin.client, module.id, {
      kind: 'reading',
      title: 'Paper',
      required: true,
      linkUrl: 'https://example.test/a',
    });
    const articleId = await article(t, w.memberA.id);
    const switched = await expectOk(
      w.admin.client.patch(`${PROGRAM}/items/${reading.id}`, { linkUrl: null, articleId, moduleId: other.id, title: 'Article' }),
    );
    expect(switched).toMatchObject({ linkUrl: null, articleId, moduleId: other.id, phase: 3, title: 'Article' });

    const both = await w.admin.client.patch(`${PROGRAM}/items/${reading.id}`, { linkUrl: 'https://example.test/b' });
    expect(both.status).toBe(400);
    const kind = await w.admin.client.patch(`${PROGRAM}/items/${reading.id}`, { kind: 'video' });
    expect(kind.body.code).toBe('VALIDATION_FAILED');
    const noModule = await w.admin.client.patch(`${PROGRAM}/items/${reading.id}`, {
      moduleId: '00000000-0000-4000-8000-000000000000',
    });
    expect(noModule.body.code).toBe('VALIDATION_FAILED');
    const unchanged = await t.db.query('SELECT link_url, article_id, module_id FROM program_item WHERE id = $1', [reading.id]);
    expect(unchanged).toEqual([{ link_url: null, article_id: articleId, module_id: other.id }]);

    expect((await w.leadA.client.patch(`${PROGRAM}/items/${reading.id}`, { title: 'Mine' })).status).toBe(403);
    expect((await w.leadA.client.delete(`${PROGRAM}/items/${reading.id}`)).status).toBe(403);
    expect((await w.admin.client.delete(`${PROGRAM}/items/${reading.id}`)).status).toBe(204);
    expect((await w.admin.client.get(`${PROGRAM}/items/${reading.id}`)).status).toBe(404);
    expect((await w.admin.client.patch(`${PROGRAM}/items/${reading.id}`, { title: 'Gone' })).status).toBe(404);
  });
});
