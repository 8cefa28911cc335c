import { buildCohort } from '@app/testing';
import type { TestApp } from '../../../support/test-app';
import {
  activity,
  article,
  dayFrom,
  expectOk,
  instrument,
  newItem,
  newModule,
  person,
  PROGRAM,
  startPathWorld,
  video,
  type Person,
  type World,
} from './path-support';

describe('my learning path and my progress on its items', () => {
  let t: TestApp;
  let w: World;
  let peer: Person;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    ({ t, w } = await startPathWorld());
    peer = await person(t, { institutionId: w.schoolA.id, cohortIds: [w.cohortA.id], displayName: 'Pat Peer' });
    const m1 = await newModule(w.admin.client, { phase: 1, title: 'Welcome' });
    const m2 = await newModule(w.admin.client, { phase: 2, title: 'History' });
    ids.video = (await newItem(w.admin.client, m1.id, video('Welcome video'))).id;
    ids.schoolBArticle = await article(t, w.memberB.id, { scopeKey: `inst:${w.schoolB.id}`, title: 'School B notes' });
    ids.reading = (
      await newItem(w.admin.client, m1.id, {
        kind: 'reading',
        title: 'Background',
        required: false,
        articleId: ids.schoolBArticle,
      })
    ).id;
    ids.activity = (await newItem(w.admin.client, m1.id, activity('Map your school'))).id;
    ids.instrument = await instrument(t);
    ids.assessment = (
      await newItem(w.admin.client, m1.id, {
        kind: 'assessment',
        title: 'Readiness',
        required: true,
        instrumentId: ids.instrument,
      })
    ).id;
    ids.later = (await newItem(w.admin.client, m2.id, video('History lecture'))).id;
    await expectOk(w.leadA.client.put(`${PROGRAM}/cohorts/${w.cohortA.id}/phase`, { currentPhase: 1 }));
    await expectOk(
      w.leadA.client.put(`${PROGRAM}/cohorts/${w.cohortA.id}/phase-dates`, {
        dates: [
          { phase: 1, startsOn: dayFrom(t, -30), endsOn: dayFrom(t, -2) },
          { phase: 2, startsOn: dayFrom(t, -1), endsOn: dayFrom(t, 0) },
        ],
      }),
    );
  });
  afterAll(() => t?.close());

  const pathOf = (who: Person, query = '') => expectOk(who.client.get(`${PROGRAM}/path${query}`));
  const itemsOf = (path: any) => path.phases.flatMap((p: any) => p.modules.flatMap((m: any) => m.items));
  const itemIn = (path: any, id: string) => itemsOf(path).find((i: any) => i.id === id);

  it('shows my cohort, its current phase and dates, and every item with its status, due date and overdue mark', async () => {
    const path = await pathOf(w.memberA);
    expect(path.cohort).toMatchObject({ id: w.cohortA.id, name: w.cohortA.name, currentPhase: 1 });
    expect(path.cohort.phaseDates).toEqual([
      { phase: 1, startsOn: dayFrom(t, -30), endsOn: dayFrom(t, -2) },
      { phase: 2, startsOn: dayFrom(t, -1), endsOn: dayFrom(t, 0) },
    ]);
    expect(path.phases.map((p: any) => p.current)).toEqual([true, false, false, false, false, false]);
    expect(path.phases[0]).toMatchObject({
      title: 'Onboarding & readiness assessment',
      startsOn: dayFrom(t, -30),
      endsOn: dayFrom(t, -2),
    });
    expect(path.phases[0].modules[0].items.map((i: any) => [i.title, i.status, i.required, i.overdue])).toEqual([
      ['Welcome video', 'not_started', true, true],
      ['Background', 'not_started', false, false],
      ['Map your school', 'not_started', true, true],
      ['Readiness', 'not_started', true, true],
    ]);
    expect(itemIn(path, ids.video).dueOn).toBe(dayFrom(t, -2));
    // Due today is not overdue yet.
    expect(itemIn(path, ids.later)).toMatchObject({ dueOn: dayFrom(t, 0), overdue: false });
    expect(path.progress).toEqual({ done: 0, total: 5, requiredDone: 0, requiredTotal: 4 });
    expect(path.phases[1].progress).toEqual({ done: 0, total: 1, requiredDone: 0, requiredTotal: 1 });
    expect(path.can).toEqual({ manage: false, facilitate: false });
  });

  it('moves items to in progress and done, and counts them', async () => {
    const started = await expectOk(w.memberA.client.post(`${PROGRAM}/items/${ids.video}/start`));
    expect(started.progress).toMatchObject({ status: 'in_progress', completedAt: null });
    const done = await expectOk(w.memberA.client.post(`${PROGRAM}/items/${ids.video}/complete`));
    expect(done.progress.status).toBe('done');
    expect(done.overdue).toBe(false);
    // Opening a done item again does not move it back.
    expect((await expectOk(w.memberA.client.post(`${PROGRAM}/items/${ids.video}/start`))).progress.status).toBe('done');
    const reading = await expectOk(w.memberA.client.post(`${PROGRAM}/items/${ids.reading}/complete`));
    expect(reading.progress.status).toBe('done');

    const path = await pathOf(w.memberA);
    expect(itemIn(path, ids.video)).toMatchObject({ status: 'done', overdue: false });
    expect(path.progress).toEqual({ done: 2, total: 5, requiredDone: 1, requiredTotal: 4 });
    // Someone else's path is their own.
    expect(itemIn(await pathOf(peer), ids.video).status).toBe('not_started');
  });

  it('marks overdue by the app clock: an item due today is overdue tomorrow', async () => {
    t.clock.advance(86_400_000);
    try {
      expect(itemIn(await pathOf(w.memberA), ids.later).overdue).toBe(true);
    } finally {
      t.clock.reset();
    }
  });

  it('shows an item’s content; a reading’s article only to those who may read it', async () => {
    const v = await expectOk(w.memberA.client.get(`${PROGRAM}/items/${ids.video}`));
    expect(v).toMatchObject({
      kind: 'video',
      videoUrl: 'https://video.example.test/intro',
      html: '<p>Transcript</p>',
      phase: 1,
      module: { title: 'Welcome' },
    });
    expect(v.body).toBeUndefined();
    const hidden = await expectOk(w.memberA.client.get(`${PROGRAM}/items/${ids.reading}`));
    expect(hidden.article).toBeNull();
    expect(JSON.stringify(hidden)).not.toContain(ids.schoolBArticle);
    expect(JSON.stringify(hidden)).not.toContain('School B notes');
    const shown = await expectOk(w.memberB.client.get(`${PROGRAM}/items/${ids.reading}`));
    expect(shown.article).toEqual({ id: ids.schoolBArticle, title: 'School B notes', summary: 'What it covers' });
    const assessment = await expectOk(w.memberA.client.get(`${PROGRAM}/items/${ids.assessment}`));
    expect(assessment).toMatchObject({ instrumentId: ids.instrument, can: { complete: false, respond: false } });
    expect((await w.memberA.client.get(`${PROGRAM}/items/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
  });

  it('refuses completing an activity without a response, an assessment by hand, and a response on anything but an activity', async () => {
    const noResponse = await w.memberA.client.post(`${PROGRAM}/items/${ids.activity}/complete`);
    expect([noResponse.status, noResponse.body.code]).toEqual([400, 'PATH_RESPONSE_REQUIRED']);
    const byHand = await w.memberA.client.post(`${PROGRAM}/items/${ids.assessment}/complete`);
    expect([byHand.status, byHand.body.code]).toEqual([400, 'PATH_ITEM_COMPLETED_BY_ASSESSMENT']);
    const onVideo = await w.memberA.client.put(`${PROGRAM}/items/${ids.video}/response`, {
      response: 'Hi',
      sharedWithCohort: false,
    });
    expect([onVideo.status, onVideo.body.code]).toEqual([400, 'PATH_NOT_AN_ACTIVITY']);
    for (const body of [
      { response: '   ', sharedWithCohort: false },
      { response: 'x'.repeat(20_001), sharedWithCohort: false },
      { response: 'Hi' },
    ]) {
      expect((await w.memberA.client.put(`${PROGRAM}/items/${ids.activity}/response`, body)).body.code).toBe('VALIDATION_FAILED');
    }
    const rows = await t.db.query('SELECT status FROM program_progress WHERE item_id = ANY($1::uuid[]) AND user_id = $2', [
      [ids.activity, ids.assessment],
      w.memberA.id,
    ]);
    expect(rows).toEqual([]);
  });

  it('keeps an unshared response to its author, and shows a shared one to cohort peers only', async () => {
    const saved = await expectOk(
      w.memberA.client.put(`${PROGRAM}/items/${ids.activity}/response`, {
        response: 'Our **curriculum** review is private',
        sharedWithCohort: false,
      }),
    );
    expect(saved.progress).toMatchObject({ status: 'in_progress', response: { sharedWithCohort: false } });
    expect(saved.progress.response.html).toContain('<strong>curriculum</strong>');
    for (const who of [peer, w.otherA, w.memberB]) {
      const seen = await expectOk(who.client.get(`${PROGRAM}/items/${ids.activity}`));
      expect(seen.peerResponses).toEqual([]);
      expect(JSON.stringify(seen)).not.toContain('curriculum');
      expect(JSON.stringify(await pathOf(who))).not.toContain('curriculum');
    }

    await expectOk(
      w.memberA.client.put(`${PROGRAM}/items/${ids.activity}/response`, {
        response: 'We share our **curriculum** map',
        sharedWithCohort: true,
      }),
    );
    const peerView = await expectOk(peer.client.get(`${PROGRAM}/items/${ids.activity}`));
    expect(peerView.peerResponses).toEqual([
      {
        author: { id: w.memberA.id, displayName: w.memberA.displayName },
        html: expect.stringContaining('<strong>curriculum</strong>'),
        updatedAt: expect.any(String),
      },
    ]);
    for (const who of [w.otherA, w.memberB]) {
      expect((await expectOk(who.client.get(`${PROGRAM}/items/${ids.activity}`))).peerResponses).toEqual([]);
    }
    // The author does not see their own response among their peers'.
    expect((await expectOk(w.memberA.client.get(`${PROGRAM}/items/${ids.activity}`))).peerResponses).toEqual([]);

    const done = await expectOk(w.memberA.client.post(`${PROGRAM}/items/${ids.activity}/complete`));
    expect(done.progress.status).toBe('done');
    // Editing the response later keeps it done.
    const edited = await expectOk(
      w.memberA.client.put(`${PROGRAM}/items/${ids.activity}/response`, { response: 'Edited', sharedWithCohort: true }),
    );
    expect(edited.progress.status).toBe('done');
  });

  it('shows an assessment item done once the assessments area records it', async () => {
    await t.db.query(`INSERT INTO program_progress (item_id, user_id, status, completed_at) VALUES ($1, $2, 'done', now())`, [
      ids.assessment,
      peer.id,
    ]);
    expect(itemIn(await pathOf(peer), ids.assessment)).toMatchObject({ status: 'done', overdue: false });
  });

  it('reads the path in the first of my cohorts by name, or one of my own I name; never another', async () => {
    const first = await buildCohort(t.db, w.schoolA.id, { name: 'AAA first cohort' });
    const twoCohorts = await person(t, { institutionId: w.schoolA.id, cohortIds: [w.cohortA.id, first.id] });
    const byDefault = await pathOf(twoCohorts);
    expect(byDefault.cohort).toMatchObject({ id: first.id, currentPhase: null, phaseDates: [] });
    expect(byDefault.cohorts.map((c: any) => c.id)).toEqual([first.id, w.cohortA.id]);
    expect(itemIn(byDefault, ids.video)).toMatchObject({ dueOn: null, overdue: false });
    const chosen = await pathOf(twoCohorts, `?cohortId=${w.cohortA.id}`);
    expect(chosen.cohort.id).toBe(w.cohortA.id);
    expect(itemIn(chosen, ids.video).overdue).toBe(true);
    expect((await expectOk(twoCohorts.client.get(`${PROGRAM}/items/${ids.video}?cohortId=${w.cohortA.id}`))).cohort.id).toBe(
      w.cohortA.id,
    );

    for (const cohortId of [w.cohortA2.id, w.cohortB.id, '00000000-0000-4000-8000-000000000000']) {
      expect((await twoCohorts.client.get(`${PROGRAM}/path?cohortId=${cohortId}`)).status).toBe(404);
    }
    expect((await twoCohorts.client.get(`${PROGRAM}/path?cohortId=nope`)).body.code).toBe('VALIDATION_FAILED');

    const admin = await pathOf(w.admin);
    expect(admin).toMatchObject({ cohort: null, currentPhase: null, can: { manage: true, facilitate: true } });
    expect(itemIn(admin, ids.video)).toMatchObject({ dueOn: null, overdue: false });
  });
});
