import { buildSpace } from '@app/testing';
import { startTestApp, type TestApp } from '../../support/test-app';
import { reply, startTopic } from '../forum/forum-support';
import { API, ARTICLES, buildWorld, draft, expectOk, makeContributor, person, publishedArticle, type Person, type World } from './knowledge-support';

describe('knowledge base: capture, applying, votes, views, collections and the dashboard', () => {
  let t: TestApp;
  let w: World;
  let reviewer: Person;

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    reviewer = await person(t, { institutionId: w.schoolA.id });
    await makeContributor(w.platformFacilitator.client, reviewer.id);
  });
  afterAll(() => t.close());

  it('captures chosen posts of a topic as a draft in the topic’s scope, quoting them with links back and keeping pseudonyms', async () => {
    const schoolSpace = await buildSpace(t.db, { scopeKey: `inst:${w.schoolA.id}`, allowAnonymous: true, phase: 4 });
    const topic = await startTopic(w.memberA.client, schoolSpace.id, { title: 'What we changed in grand rounds', body: 'We started with the case list.', tags: ['grand-rounds'] });
    const hidden = await reply(w.otherA.client, topic.id, { body: 'Speaking for myself, anonymously.', anonymous: true });
    await t.clock.advance(61_000);
    const article = await expectOk(
      w.memberA.client.post(`${ARTICLES}/capture/topic`, { topicId: topic.id, postNumbers: [1, hidden.postNumber, 99] }),
    );
    expect(article).toMatchObject({ stage: 'draft', scope: `inst:${w.schoolA.id}`, spaceId: schoolSpace.id, phases: [4], tags: ['grand-rounds'], capturedFrom: { kind: 'topic', id: topic.id } });
    expect(article.body).toContain('> We started with the case list.');
    expect(article.body).toContain(`[post 1](/forum/t/${topic.id}#post-1)`);
    expect(article.body).toMatch(/— Participant \d+, \[post 2\]/);
    expect(article.body).not.toContain(w.otherA.displayName);
    expect(article.html).toContain(`href="/forum/t/${topic.id}#post-1"`);
    // Someone who cannot read the topic cannot capture it.
    expect((await w.memberB.client.post(`${ARTICLES}/capture/topic`, { topicId: topic.id, postNumbers: [1] })).status).toBe(404);
  });

  it('captures a dialogue session’s transcript for its facilitators only, naming nobody', async () => {
    const room = await expectOk(w.platformFacilitator.client.post(`${API}/rooms`, { title: 'Chats for Change: belonging', scope: `inst:${w.schoolA.id}`, anonymous: true }));
    const session = await expectOk(w.platformFacilitator.client.post(`${API}/rooms/${room.id}/sessions`, {}));
    await expectOk(w.memberA.client.post(`${API}/rooms/${room.id}/messages`, { clientId: 'k1', body: 'I felt unseen in my first year.' }));
    const sessionId = session.id ?? session.session?.id;
    expect((await w.memberA.client.post(`${ARTICLES}/capture/chat-session`, { roomId: room.id, sessionId })).status).toBe(403);
    const article = await expectOk(w.platformFacilitator.client.post(`${ARTICLES}/capture/chat-session`, { roomId: room.id, sessionId }));
    expect(article).toMatchObject({ stage: 'draft', scope: `inst:${w.schoolA.id}`, capturedFrom: { kind: 'chat_session', id: sessionId } });
    expect(article.body).toMatch(/\*\*Participant \d+:\*\* I felt unseen in my first year\./);
    expect(article.body).not.toContain(w.memberA.displayName);
  });

  it('counts "I applied this" once per person with an optional story, and turns a story into a value-creation story draft', async () => {
    const article = await publishedArticle(w.memberA.client, reviewer);
    await expectOk(w.otherA.client.put(`${ARTICLES}/${article.id}/applications/me`, { story: 'We used the rubric and **admissions changed**.' }));
    const again = await expectOk(w.otherA.client.put(`${ARTICLES}/${article.id}/applications/me`, { story: 'We used the rubric; admissions changed.' }));
    expect(again.count).toBe(1);
    expect(again.items[0]).toMatchObject({ person: { id: w.otherA.id }, storyHtml: expect.stringContaining('admissions changed') });
    await expectOk(w.memberB.client.put(`${ARTICLES}/${article.id}/applications/me`, {}));
    expect((await expectOk(w.memberB.client.get(`${ARTICLES}/${article.id}`))).appliedCount).toBe(2);
    await expectOk(w.memberB.client.delete(`${ARTICLES}/${article.id}/applications/me`));
    expect((await expectOk(w.memberB.client.get(`${ARTICLES}/${article.id}`))).appliedCount).toBe(1);

    expect((await w.memberB.client.post(`${ARTICLES}/${article.id}/applications/${w.otherA.id}/story-article`)).status).toBe(403);
    const story = await expectOk(w.otherA.client.post(`${ARTICLES}/${article.id}/applications/${w.otherA.id}/story-article`));
    expect(story).toMatchObject({ type: 'value_story', stage: 'draft', owner: { id: w.otherA.id }, scope: 'consortium', capturedFrom: { kind: 'application', id: article.id } });
    expect(story.body).toContain('We used the rubric');
    const twice = await w.otherA.client.post(`${ARTICLES}/${article.id}/applications/${w.otherA.id}/story-article`);
    expect(twice.status).toBe(409);
  });

  it('keeps one helpful vote per person, changeable, and one view per person per day', async () => {
    const article = await publishedArticle(w.memberA.client, reviewer);
    await expectOk(w.memberB.client.put(`${ARTICLES}/${article.id}/helpful`, { helpful: true }));
    await expectOk(w.otherA.client.put(`${ARTICLES}/${article.id}/helpful`, { helpful: true }));
    const changed = await expectOk(w.memberB.client.put(`${ARTICLES}/${article.id}/helpful`, { helpful: false }));
    expect(changed.helpful).toEqual({ yes: 1, no: 1 });
    await expectOk(w.otherA.client.delete(`${ARTICLES}/${article.id}/helpful`));
    await w.memberB.client.get(`${ARTICLES}/${article.id}`);
    const seen = await expectOk(w.memberB.client.get(`${ARTICLES}/${article.id}`));
    expect(seen).toMatchObject({ helpful: { yes: 0, no: 1 }, myHelpfulVote: false, viewCount: 1 });
    const draftOnly = await draft(w.memberA.client);
    expect((await w.memberA.client.put(`${ARTICLES}/${draftOnly.id}/helpful`, { helpful: true })).status).toBe(409);
  });

  it('orders collections, shows each reader only the articles they may read, and lets only contributors and curators make them', async () => {
    const open = await publishedArticle(w.memberA.client, reviewer, { title: 'Open to all' });
    const schoolOnly = await publishedArticle(w.memberA.client, reviewer, { title: 'School A only', scope: `inst:${w.schoolA.id}` });
    expect((await w.memberB.client.post(`${API}/knowledge/collections`, { title: 'Kit', scope: 'consortium' })).status).toBe(403);
    const kit = await expectOk(w.platformFacilitator.client.post(`${API}/knowledge/collections`, { title: 'Phase 3 starter kit', scope: 'consortium', phase: 3 }));
    const unpublished = await draft(w.memberA.client);
    expect((await w.platformFacilitator.client.put(`${API}/knowledge/collections/${kit.id}/items`, { articleIds: [unpublished.id] })).status).toBe(400);
    await expectOk(w.platformFacilitator.client.put(`${API}/knowledge/collections/${kit.id}/items`, { articleIds: [schoolOnly.id, open.id] }));
    const forA = await expectOk(w.memberA.client.get(`${API}/knowledge/collections/${kit.id}`));
    expect(forA.items.map((a: { title: string }) => a.title)).toEqual(['School A only', 'Open to all']);
    const forB = await expectOk(w.memberB.client.get(`${API}/knowledge/collections/${kit.id}`));
    expect(forB.items.map((a: { title: string }) => a.title)).toEqual(['Open to all']);
    expect(JSON.stringify(forB)).not.toContain(schoolOnly.id);
  });

  it('never shows a school-scoped article to another school, in lists or by link', async () => {
    const secret = await publishedArticle(w.memberA.client, reviewer, { title: 'Our internal climate survey', scope: `inst:${w.schoolA.id}` });
    expect((await w.memberB.client.get(`${ARTICLES}/${secret.id}`)).status).toBe(404);
    const listed = await expectOk(w.memberB.client.get(`${ARTICLES}?limit=100`));
    expect(JSON.stringify(listed)).not.toContain('internal climate survey');
    expect((await w.leadB.client.get(`${API}/knowledge/dashboard`)).body.mostViewed ?? []).not.toEqual(expect.arrayContaining([expect.objectContaining({ id: secret.id })]));
  });

  it('gives curators and contributors a dashboard of the cycle; plain members get 403', async () => {
    expect((await w.memberB.client.get(`${API}/knowledge/dashboard`)).status).toBe(403);
    const dashboard = await expectOk(w.platformFacilitator.client.get(`${API}/knowledge/dashboard`));
    expect(dashboard.stages).toEqual({ draft: expect.any(Number), in_review: expect.any(Number), published: expect.any(Number), needs_review: expect.any(Number), archived: expect.any(Number) });
    expect(dashboard.stages.published).toBeGreaterThan(0);
    expect(dashboard.mostApplied.length).toBeGreaterThan(0);
    expect((await w.memberB.client.put(`${API}/knowledge/contributors/${w.memberA.id}`, { contributor: true })).status).toBe(403);
    expect((await w.leadB.client.put(`${API}/knowledge/contributors/${w.memberA.id}`, { contributor: true })).status).toBe(403);
    await expectOk(w.leadA.client.put(`${API}/knowledge/contributors/${w.memberA.id}`, { contributor: true }));
    const listed = await expectOk(w.leadA.client.get(`${API}/knowledge/contributors`));
    expect(listed.items.map((c: { userId: string }) => c.userId)).toContain(w.memberA.id);
  });
});
