import { acceptAgreement } from '@app/testing';
import { startTestApp, type TestApp } from '../../support/test-app';
import { afterFloodWindow, API, auditEntries, buildWorld, count, reply, space, startTopic, type World } from './forum-support';

let t: TestApp;
let w: World;
beforeAll(async () => {
  t = await startTestApp();
  w = await buildWorld(t);
});
afterAll(() => t.close());
beforeEach(() => afterFloodWindow(t));

const topicsIn = (spaceId: string) => count(t, 'SELECT count(*) FROM topic WHERE space_id = $1', [spaceId]);
const postsIn = (spaceId: string) =>
  count(t, 'SELECT count(*) FROM post p JOIN topic x ON x.id = p.topic_id WHERE x.space_id = $1', [spaceId]);

describe('publishing community agreements', () => {
  it('numbers published versions 1, 2 and serves the current one', async () => {
    const { id } = await space(t, { scopeKey: `inst:${w.schoolA.id}` });
    const first = await w.leadA.client.post(`${API}/spaces/${id}/agreement`, { body: '  We listen first.  ' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ version: 1, body: 'We listen first.', accepted: false, acceptedVersion: null });
    const second = await w.leadA.client.post(`${API}/spaces/${id}/agreement`, { body: 'We listen first. We assume good faith.' });
    expect(second.body).toMatchObject({ version: 2, body: 'We listen first. We assume good faith.' });
    const current = await w.memberA.client.get(`${API}/spaces/${id}/agreement`);
    expect(current.status).toBe(200);
    expect(current.body).toMatchObject({ version: 2, accepted: false, acceptedVersion: null });
    expect((await w.memberA.client.get(`${API}/spaces/${id}`)).body).toMatchObject({
      agreementVersion: 2,
      acceptedAgreementVersion: null,
    });
    const entries = await auditEntries(t, 'space.agreement.publish', id);
    expect(entries.map((e) => e.data.version)).toEqual([1, 2]);
  });

  it('refuses a member publishing agreements with 403, and a blank text with 400', async () => {
    const { id } = await space(t, { scopeKey: `inst:${w.schoolA.id}` });
    expect((await w.memberA.client.post(`${API}/spaces/${id}/agreement`, { body: 'My rules' })).status).toBe(403);
    expect((await w.leadA.client.post(`${API}/spaces/${id}/agreement`, { body: '   ' })).status).toBe(400);
    expect(await count(t, 'SELECT count(*) FROM space_agreement WHERE space_id = $1', [id])).toBe(0);
  });

  it('answers 404 for the agreements of a space without any, and of a space out of scope', async () => {
    const bare = await space(t, { scopeKey: 'consortium' });
    expect((await w.memberA.client.get(`${API}/spaces/${bare.id}/agreement`)).status).toBe(404);
    const elsewhere = await space(t, { scopeKey: `inst:${w.schoolB.id}`, agreement: 'Theirs' });
    expect((await w.memberA.client.get(`${API}/spaces/${elsewhere.id}/agreement`)).status).toBe(404);
    expect((await w.memberA.client.post(`${API}/spaces/${elsewhere.id}/agreement/accept`, { version: 1 })).status).toBe(404);
  });
});

describe('posting needs the current agreements accepted', () => {
  it('refuses a topic before acceptance with 403 AGREEMENT_NOT_ACCEPTED and writes no topic or post', async () => {
    const { id } = await space(t, { scopeKey: `inst:${w.schoolA.id}`, agreement: 'Be kind.' });
    const response = await w.memberA.client.post(`${API}/spaces/${id}/topics`, { title: 'Hello', body: 'Hi all' });
    expect(response.status).toBe(403);
    expect(response.body.code).toBe('AGREEMENT_NOT_ACCEPTED');
    expect(await topicsIn(id)).toBe(0);
    expect(await postsIn(id)).toBe(0);
  });

  it('refuses a reply before acceptance with 403 AGREEMENT_NOT_ACCEPTED and writes no post', async () => {
    const { id } = await space(t, { scopeKey: `inst:${w.schoolA.id}`, agreement: 'Be kind.' });
    await acceptAgreement(t.db, id, w.otherA.id, 1);
    const topic = await startTopic(w.otherA.client, id);
    const response = await w.memberA.client.post(`${API}/topics/${topic.id}/posts`, { body: 'Me too' });
    expect(response.status).toBe(403);
    expect(response.body.code).toBe('AGREEMENT_NOT_ACCEPTED');
    expect(await postsIn(id)).toBe(1);
    expect((await w.memberA.client.get(`${API}/topics/${topic.id}`)).body.lastPostNumber).toBe(1);
  });

  it('lets a member post once they accepted the current version, and shows the acceptance', async () => {
    const { id } = await space(t, { scopeKey: `inst:${w.schoolA.id}`, agreement: 'Be kind.' });
    const accepted = await w.memberA.client.post(`${API}/spaces/${id}/agreement/accept`, { version: 1 });
    expect(accepted.status).toBe(201);
    expect(accepted.body.version).toBe(1);
    expect(Number.isNaN(Date.parse(accepted.body.acceptedAt))).toBe(false);
    expect((await w.memberA.client.get(`${API}/spaces/${id}/agreement`)).body).toMatchObject({
      accepted: true,
      acceptedVersion: 1,
    });
    expect((await w.memberA.client.get(`${API}/spaces/${id}`)).body.acceptedAgreementVersion).toBe(1);
    const topic = await startTopic(w.memberA.client, id);
    await reply(w.memberA.client, topic.id);
    expect(await postsIn(id)).toBe(2);
  });

  it('treats accepting the same version twice as one acceptance', async () => {
    const { id } = await space(t, { scopeKey: `inst:${w.schoolA.id}`, agreement: 'Be kind.' });
    expect((await w.memberA.client.post(`${API}/spaces/${id}/agreement/accept`, { version: 1 })).status).toBe(201);
    expect((await w.memberA.client.post(`${API}/spaces/${id}/agreement/accept`, { version: 1 })).status).toBe(201);
    expect(
      await count(t, 'SELECT count(*) FROM agreement_acceptance WHERE space_id = $1 AND user_id = $2', [id, w.memberA.id]),
    ).toBe(1);
  });

  it('refuses accepting an old version with 409 AGREEMENT_OUTDATED and records nothing', async () => {
    const { id } = await space(t, { scopeKey: `inst:${w.schoolA.id}`, agreement: 'Be kind.' });
    await w.leadA.client.post(`${API}/spaces/${id}/agreement`, { body: 'Be kind. Be brave.' });
    const response = await w.memberA.client.post(`${API}/spaces/${id}/agreement/accept`, { version: 1 });
    expect(response.status).toBe(409);
    expect(response.body.code).toBe('AGREEMENT_OUTDATED');
    expect(await count(t, 'SELECT count(*) FROM agreement_acceptance WHERE space_id = $1', [id])).toBe(0);
  });

  it('refuses accepting a version not yet published with 409 AGREEMENT_OUTDATED', async () => {
    const { id } = await space(t, { scopeKey: `inst:${w.schoolA.id}`, agreement: 'Be kind.' });
    const response = await w.memberA.client.post(`${API}/spaces/${id}/agreement/accept`, { version: 2 });
    expect(response.status).toBe(409);
    expect(response.body.code).toBe('AGREEMENT_OUTDATED');
  });

  it('refuses a version that is not a positive integer with 400', async () => {
    const { id } = await space(t, { scopeKey: `inst:${w.schoolA.id}`, agreement: 'Be kind.' });
    for (const version of [0, -1, 1.5, '1']) {
      expect((await w.memberA.client.post(`${API}/spaces/${id}/agreement/accept`, { version })).status).toBe(400);
    }
  });

  it('asks again after a new version is published: acceptance of v1 no longer lets a member post', async () => {
    const { id } = await space(t, { scopeKey: `inst:${w.schoolA.id}`, agreement: 'Be kind.' });
    await w.memberA.client.post(`${API}/spaces/${id}/agreement/accept`, { version: 1 });
    const topic = await startTopic(w.memberA.client, id);
    await w.leadA.client.post(`${API}/spaces/${id}/agreement`, { body: 'Be kind. Name harm when you see it.' });

    const refusedReply = await w.memberA.client.post(`${API}/topics/${topic.id}/posts`, { body: 'More' });
    expect(refusedReply.status).toBe(403);
    expect(refusedReply.body.code).toBe('AGREEMENT_NOT_ACCEPTED');
    const refusedTopic = await w.memberA.client.post(`${API}/spaces/${id}/topics`, { title: 'Another', body: 'More' });
    expect(refusedTopic.body.code).toBe('AGREEMENT_NOT_ACCEPTED');
    expect(await topicsIn(id)).toBe(1);
    expect(await postsIn(id)).toBe(1);
    expect((await w.memberA.client.get(`${API}/spaces/${id}/agreement`)).body).toMatchObject({
      version: 2,
      accepted: false,
      acceptedVersion: 1,
    });

    expect((await w.memberA.client.post(`${API}/spaces/${id}/agreement/accept`, { version: 2 })).status).toBe(201);
    await reply(w.memberA.client, topic.id, { body: 'More' });
    expect(await postsIn(id)).toBe(2);
  });

  it('keeps one acceptance row per version, with the time it was given', async () => {
    const { id } = await space(t, { scopeKey: `inst:${w.schoolA.id}`, agreement: 'Be kind.' });
    const before = Date.now();
    await w.memberA.client.post(`${API}/spaces/${id}/agreement/accept`, { version: 1 });
    await w.leadA.client.post(`${API}/spaces/${id}/agreement`, { body: 'Version two' });
    await w.memberA.client.post(`${API}/spaces/${id}/agreement/accept`, { version: 2 });
    const rows = await t.db.query(
      'SELECT version, accepted_at AS "acceptedAt" FROM agreement_acceptance WHERE space_id = $1 AND user_id = $2 ORDER BY version',
      [id, w.memberA.id],
    );
    expect(rows.map((r: { version: number }) => r.version)).toEqual([1, 2]);
    for (const row of rows) {
      expect(new Date(row.acceptedAt).getTime()).toBeGreaterThanOrEqual(before - 5_000);
      expect(new Date(row.acceptedAt).getTime()).toBeLessThanOrEqual(Date.now() + 5_000);
    }
  });

  it("does not carry one member's acceptance over to another", async () => {
    const { id } = await space(t, { scopeKey: `inst:${w.schoolA.id}`, agreement: 'Be kind.' });
    await w.memberA.client.post(`${API}/spaces/${id}/agreement/accept`, { version: 1 });
    const response = await w.otherA.client.post(`${API}/spaces/${id}/topics`, { title: 'Hi', body: 'Hello' });
    expect(response.body.code).toBe('AGREEMENT_NOT_ACCEPTED');
  });
});
