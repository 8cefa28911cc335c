import { startTestApp, type TestApp } from '../../../support/test-app';
import { API, buildWorld, changeRowCounts, createTarget, expectStatus, ok, PROGRAM, today, type World } from './change-support';

describe('sharing a win or a course correction as a value-creation story', () => {
  let t: TestApp;
  let w: World;
  let target: { id: string; title: string };
  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    target = await createTarget(t, w.leadA.client, w.schoolA.id, w.memberA.id, { title: 'Race-free eGFR teaching' });
  });
  afterAll(() => t?.close());

  it('makes a consortium-wide draft owned by the person sharing, without the school’s name; sharing again is 409', async () => {
    const win = await ok(w.leadA.client.post(`${PROGRAM}/targets/${target.id}/wins`, { happenedOn: today(t), title: 'Every renal case rewritten', body: 'All 14 cases now use the race-free equation.' }));
    expect(win).toMatchObject({ kind: 'win', sharedArticleId: null, recordedBy: { id: w.leadA.id } });
    const shared = await ok(w.leadA.client.post(`${PROGRAM}/log-entries/${win.id}/share`, {}));
    expect(shared.entry).toMatchObject({ id: win.id, sharedArticleId: shared.article.id });
    expect(shared.article).toMatchObject({ title: 'Every renal case rewritten', stage: 'draft', href: `/knowledge/a/${shared.article.id}` });

    const article = await ok(w.leadA.client.get(`${API}/knowledge/articles/${shared.article.id}`));
    expect(article).toMatchObject({ type: 'value_story', scope: 'consortium', owner: { id: w.leadA.id }, stage: 'draft', phases: [5] });
    expect(article.body).toContain('Race-free eGFR teaching');
    expect(article.body).toContain('All 14 cases now use the race-free equation.');
    expect(article.body).not.toContain(w.schoolA.name);

    const before = await changeRowCounts(t);
    expect((await expectStatus(w.leadA.client.post(`${PROGRAM}/log-entries/${win.id}/share`, {}), 409)).code).toBe('CHANGE_ALREADY_SHARED');
    expect(await changeRowCounts(t)).toEqual(before);
    const detail = await ok(w.memberA.client.get(`${PROGRAM}/targets/${target.id}`));
    expect(detail.wins).toEqual([expect.objectContaining({ id: win.id, sharedArticleId: shared.article.id })]);
  });

  it('names the school when asked, and a correction’s story says what changed and why', async () => {
    const correction = await ok(
      w.memberA.client.post(`${PROGRAM}/targets/${target.id}/corrections`, { happenedOn: today(t), title: 'One module per term', body: 'We slowed the rollout.', reason: 'Faculty needed time to learn the new equation.' }),
    );
    expect(correction).toMatchObject({ kind: 'correction', reason: 'Faculty needed time to learn the new equation.' });
    const shared = await ok(w.memberA.client.post(`${PROGRAM}/log-entries/${correction.id}/share`, { nameSchool: true }));
    const article = await ok(w.memberA.client.get(`${API}/knowledge/articles/${shared.article.id}`));
    expect(article.owner.id).toBe(w.memberA.id);
    expect(article.body).toContain(w.schoolA.name);
    expect(article.body).toContain('We slowed the rollout.');
    expect(article.body).toContain('Faculty needed time to learn the new equation.');
    // The draft is its author's until published: the school's lead does not see it.
    expect((await w.leadB.client.get(`${API}/knowledge/articles/${shared.article.id}`)).status).toBe(404);
  });

  it('two shares at once make one draft', async () => {
    const win = await ok(w.leadA.client.post(`${PROGRAM}/targets/${target.id}/wins`, { happenedOn: today(t), title: 'Raced share', body: 'x' }));
    const before = (await changeRowCounts(t)).articles;
    const answers = await Promise.all([1, 2, 3].map(() => w.leadA.client.post(`${PROGRAM}/log-entries/${win.id}/share`, {})));
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409]);
    expect((await changeRowCounts(t)).articles).toBe(before + 1);
  });
});
