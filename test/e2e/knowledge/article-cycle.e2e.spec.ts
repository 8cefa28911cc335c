import { startTestApp, type TestApp } from '../../support/test-app';
import { API, ARTICLES, buildWorld, draft, expectOk, makeContributor, makeOverdue, person, publishedArticle, type Person, type World } from './knowledge-support';

describe('knowledge base: the cycle of an article', () => {
  let t: TestApp;
  let w: World;
  let reviewer: Person;

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    reviewer = await person(t, { institutionId: w.schoolB.id });
    await makeContributor(w.platformFacilitator.client, reviewer.id);
  });
  afterAll(() => t.close());

  it('creates a draft with rendered Markdown, normalised tags, and a first revision; only its author sees it', async () => {
    const article = await draft(w.memberA.client, { body: 'Hello **world** <script>alert(1)</script>' });
    expect(article).toMatchObject({ stage: 'draft', revision: 1, tags: ['admissions', 'equity'], phases: [3], owner: { id: w.memberA.id } });
    expect(article.html).toContain('<strong>world</strong>');
    expect(article.html).not.toContain('<script>');
    expect(article.body).toContain('**world**');
    expect(article.can).toEqual({ edit: true, own: true, review: false });
    expect((await w.memberB.client.get(`${ARTICLES}/${article.id}`)).status).toBe(404);
    expect((await w.otherA.client.get(`${ARTICLES}/${article.id}`)).status).toBe(404);
    // Curators see drafts in their scopes.
    expect((await w.platformFacilitator.client.get(`${ARTICLES}/${article.id}`)).status).toBe(200);
    const mine = await expectOk(w.memberA.client.get(`${ARTICLES}?mine=true&stage=draft`));
    expect(mine.items.map((a: { id: string }) => a.id)).toContain(article.id);
    const others = await expectOk(w.memberB.client.get(`${ARTICLES}?stage=draft`));
    expect(others.items.map((a: { id: string }) => a.id)).not.toContain(article.id);
  });

  it('keeps every saved change as a revision with a readable diff, and restores an earlier one as a new revision', async () => {
    const article = await draft(w.memberA.client, { body: 'one\ntwo\nthree' });
    const saved = await expectOk(w.memberA.client.patch(`${ARTICLES}/${article.id}`, { body: 'one\nTWO\nthree', baseRevision: 1, note: 'louder' }));
    expect(saved.revision).toBe(2);
    const stale = await w.memberA.client.patch(`${ARTICLES}/${article.id}`, { body: 'lost', baseRevision: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('REVISION_CONFLICT');
    const { items } = await expectOk(w.memberA.client.get(`${ARTICLES}/${article.id}/revisions`));
    expect(items.map((r: { revision: number }) => r.revision)).toEqual([2, 1]);
    expect(items[0]).toMatchObject({ note: 'louder', author: { id: w.memberA.id } });
    expect(items[0].diff.parts).toEqual([
      { op: 'same', lines: ['one'] },
      { op: 'removed', lines: ['two'] },
      { op: 'added', lines: ['TWO'] },
      { op: 'same', lines: ['three'] },
    ]);
    const restored = await expectOk(w.memberA.client.post(`${ARTICLES}/${article.id}/restore`, { revision: 1 }));
    expect(restored).toMatchObject({ revision: 3, body: 'one\ntwo\nthree' });
    expect((await w.memberA.client.post(`${ARTICLES}/${article.id}/restore`, { revision: 99 })).status).toBe(404);
  });

  it('refuses edits by someone who may read but not write, and by people who cannot see the draft at all', async () => {
    const article = await publishedArticle(w.memberA.client, reviewer);
    const edit = await w.memberB.client.patch(`${ARTICLES}/${article.id}`, { title: 'Mine now' });
    expect(edit.status).toBe(403);
    const hidden = await draft(w.memberA.client);
    expect((await w.memberB.client.patch(`${ARTICLES}/${hidden.id}`, { title: 'x' })).status).toBe(404);
    const [row] = await t.db.query('SELECT title, revision FROM kb_article WHERE id = $1', [article.id]);
    expect(row).toEqual({ title: 'Naming structural racism in admissions', revision: 1 });
  });

  it('publishes only after an approval of the current revision; illegal transitions are 409 and change nothing', async () => {
    const article = await draft(w.memberA.client);
    const early = await w.memberA.client.post(`${ARTICLES}/${article.id}/publish`);
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('INVALID_TRANSITION');

    const notEligible = await w.memberA.client.post(`${ARTICLES}/${article.id}/submit`, { reviewerIds: [w.memberB.id] });
    expect(notEligible.status).toBe(400);
    expect(notEligible.body.code).toBe('REVIEWER_NOT_ELIGIBLE');
    const self = await w.memberA.client.post(`${ARTICLES}/${article.id}/submit`, { reviewerIds: [w.memberA.id] });
    expect(self.body.code).toBe('REVIEWER_NOT_ELIGIBLE');

    const submitted = await expectOk(w.memberA.client.post(`${ARTICLES}/${article.id}/submit`, { reviewerIds: [reviewer.id] }));
    expect(submitted.stage).toBe('in_review');
    // The reviewer can now read the draft; others still cannot.
    expect((await reviewer.client.get(`${ARTICLES}/${article.id}`)).body.can.review).toBe(true);
    expect((await w.memberB.client.get(`${ARTICLES}/${article.id}`)).status).toBe(404);

    const unapproved = await w.memberA.client.post(`${ARTICLES}/${article.id}/publish`);
    expect(unapproved.status).toBe(409);
    expect(unapproved.body.code).toBe('APPROVAL_REQUIRED');
    expect((await w.memberB.client.post(`${ARTICLES}/${article.id}/decision`, { decision: 'approved' })).status).toBe(404);

    await expectOk(reviewer.client.post(`${ARTICLES}/${article.id}/decision`, { decision: 'approved', comment: 'Clear and useful' }));
    // An edit after the approval needs a new one.
    await expectOk(w.memberA.client.patch(`${ARTICLES}/${article.id}`, { summary: 'Changed after approval' }));
    expect((await w.memberA.client.post(`${ARTICLES}/${article.id}/publish`)).body.code).toBe('APPROVAL_REQUIRED');
    const reviews = await expectOk(w.memberA.client.get(`${ARTICLES}/${article.id}/reviews`));
    expect(reviews).toMatchObject({ approvalsRequired: 1, approvals: 0, reviewers: [{ decision: 'approved', current: false }] });
    expect(reviews.comments[0].html).toContain('Clear and useful');
    await expectOk(reviewer.client.post(`${ARTICLES}/${article.id}/decision`, { decision: 'approved' }));

    const published = await expectOk(w.memberA.client.post(`${ARTICLES}/${article.id}/publish`));
    expect(published).toMatchObject({ stage: 'published' });
    expect(published.verifiedAt).not.toBeNull();
    expect((await w.memberB.client.get(`${ARTICLES}/${article.id}`)).status).toBe(200);
    expect((await w.memberB.client.get(`${ARTICLES}/${article.id}/reviews`)).status).toBe(404);
    const again = await w.memberA.client.post(`${ARTICLES}/${article.id}/submit`, { reviewerIds: [reviewer.id] });
    expect(again.status).toBe(409);
  });

  it('takes the approvals a scope asks for, set by that scope’s curators only', async () => {
    const scope = `inst:${w.schoolA.id}`;
    expect((await w.memberA.client.put(`${API}/knowledge/scopes/${scope}/settings`, { approvalsRequired: 2 })).status).toBe(403);
    expect((await w.leadB.client.put(`${API}/knowledge/scopes/${scope}/settings`, { approvalsRequired: 2 })).status).toBe(404);
    await expectOk(w.leadA.client.put(`${API}/knowledge/scopes/${scope}/settings`, { approvalsRequired: 2 }));
    const second = await person(t, { institutionId: w.schoolA.id });
    await makeContributor(w.leadA.client, second.id);
    const first = await person(t, { institutionId: w.schoolA.id });
    await makeContributor(w.leadA.client, first.id);
    const article = await draft(w.memberA.client, { scope });
    await expectOk(w.memberA.client.post(`${ARTICLES}/${article.id}/submit`, { reviewerIds: [first.id, second.id] }));
    await expectOk(first.client.post(`${ARTICLES}/${article.id}/decision`, { decision: 'approved' }));
    expect((await w.memberA.client.post(`${ARTICLES}/${article.id}/publish`)).body.code).toBe('APPROVAL_REQUIRED');
    await expectOk(second.client.post(`${ARTICLES}/${article.id}/decision`, { decision: 'approved' }));
    expect((await expectOk(w.memberA.client.post(`${ARTICLES}/${article.id}/publish`))).stage).toBe('published');
  });

  it('marks a published article past its interval as needing review, for readers and in its owner’s lists, until verified', async () => {
    const article = await publishedArticle(w.memberA.client, reviewer, { verificationIntervalDays: 30 });
    await makeOverdue(t, article.id);
    expect((await expectOk(w.memberB.client.get(`${ARTICLES}/${article.id}`))).stage).toBe('needs_review');
    const queue = await expectOk(w.memberA.client.get(`${ARTICLES}?mine=true&stage=needs_review`));
    expect(queue.items.map((a: { id: string }) => a.id)).toContain(article.id);
    expect((await w.memberB.client.post(`${ARTICLES}/${article.id}/verify`)).status).toBe(403);
    const verified = await expectOk(w.memberA.client.post(`${ARTICLES}/${article.id}/verify`));
    expect(verified.stage).toBe('published');
  });

  it('archives: readable by link, out of default lists, not verifiable; restoring makes it a draft again', async () => {
    const article = await publishedArticle(w.memberA.client, reviewer);
    await expectOk(w.memberA.client.post(`${ARTICLES}/${article.id}/archive`));
    const read = await expectOk(w.memberB.client.get(`${ARTICLES}/${article.id}`));
    expect(read.stage).toBe('archived');
    const listed = await expectOk(w.memberB.client.get(`${ARTICLES}?limit=100`));
    expect(listed.items.map((a: { id: string }) => a.id)).not.toContain(article.id);
    const verify = await w.memberA.client.post(`${ARTICLES}/${article.id}/verify`);
    expect(verify.status).toBe(409);
    expect(verify.body.code).toBe('INVALID_TRANSITION');
    expect((await w.memberA.client.patch(`${ARTICLES}/${article.id}`, { title: 'x' })).status).toBe(409);
    expect((await expectOk(w.memberA.client.post(`${ARTICLES}/${article.id}/unarchive`))).stage).toBe('draft');
  });

  it('passes an article to the scope’s curators when its owner leaves', async () => {
    const leaving = await person(t, { institutionId: w.schoolA.id });
    const article = await publishedArticle(leaving.client, reviewer);
    await makeOverdue(t, article.id);
    await t.db.query(`UPDATE app_user SET status = 'deactivated' WHERE id = $1`, [leaving.id]);
    const seen = await expectOk(w.platformFacilitator.client.get(`${ARTICLES}/${article.id}`));
    expect(seen.owner).toMatchObject({ id: leaving.id, former: true });
    expect(seen.can.own).toBe(true);
    const dashboard = await expectOk(w.platformFacilitator.client.get(`${API}/knowledge/dashboard`));
    expect(dashboard.overdueByOwner).toEqual(expect.arrayContaining([expect.objectContaining({ owner: expect.objectContaining({ id: leaving.id, former: true }) })]));
    await expectOk(w.platformFacilitator.client.patch(`${ARTICLES}/${article.id}`, { ownerId: w.memberA.id }));
    expect((await expectOk(w.memberA.client.get(`${ARTICLES}/${article.id}`))).owner.id).toBe(w.memberA.id);
  });

  it('answers bad input with 400s and stable codes, and writes nothing', async () => {
    const before = Number((await t.db.query('SELECT count(*) FROM kb_article'))[0].count);
    const bad = [
      { type: 'poem' },
      { phases: [7] },
      { scope: 'everywhere' },
      { attachments: [{ kind: 'link', title: 'x', url: 'javascript:alert(1)' }] },
      { title: '   ' },
      { authorId: w.memberB.id },
    ];
    for (const body of bad) {
      const response = await w.memberA.client.post(ARTICLES, { title: 'T', body: 'B', type: 'guide', scope: 'consortium', ...body });
      expect([response.status, response.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    }
    const tooLong = await w.memberA.client.post(ARTICLES, { title: 'T', body: 'x'.repeat(70_000), type: 'guide', scope: 'consortium' });
    expect([tooLong.status, tooLong.body.code]).toEqual([400, 'ARTICLE_TOO_LONG']);
    const otherSchool = await w.memberA.client.post(ARTICLES, { title: 'T', body: 'B', type: 'guide', scope: `inst:${w.schoolB.id}` });
    expect(otherSchool.status).toBe(404);
    expect((await w.memberA.client.get(`${ARTICLES}?cursor=nonsense`)).status).toBe(400);
    expect((await w.memberA.client.get(`${ARTICLES}?stage=everything`)).status).toBe(400);
    expect(Number((await t.db.query('SELECT count(*) FROM kb_article'))[0].count)).toBe(before);
  });
});
