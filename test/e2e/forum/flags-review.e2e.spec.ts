import { randomUUID } from 'node:crypto';
import { buildGroup } from '@app/testing';
import { io } from 'socket.io-client';
import { startTestApp, type TestApp } from '../../support/test-app';
import {
  afterFloodWindow,
  API,
  auditEntries,
  buildWorld,
  count,
  person,
  postsOf,
  space,
  type Person,
  type World,
} from './forum-support';
import { flag, myFlags, postBy, queue, queued, resolve } from './flag-support';

let t: TestApp;
let w: World;
let facilitator: Person;
let spaceA: { id: string };
beforeAll(async () => {
  t = await startTestApp();
  w = await buildWorld(t);
  facilitator = await person(t, { institutionId: w.schoolA.id });
  spaceA = await space(t, { scopeKey: `inst:${w.schoolA.id}`, facilitatorIds: [facilitator.id], allowAnonymous: true });
});
afterAll(() => t.close());
beforeEach(() => afterFloodWindow(t));

const postIn = (spaceId: string, author: Person = w.memberA, body: Record<string, unknown> = {}) => postBy(author, spaceId, body);

describe("harm reports reach the space's school lead", () => {
  it('shows the school lead harm reports from inst, cohort and group spaces of their school, and nothing else', async () => {
    const group = await buildGroup(t.db, { institutionId: w.schoolA.id });
    const groupAuthor = await person(t, { institutionId: w.schoolA.id, groupIds: [group.id] });
    const groupPeer = await person(t, { institutionId: w.schoolA.id, groupIds: [group.id] });
    const cohortPeer = await person(t, { institutionId: w.schoolA.id, cohortIds: [w.cohortA.id] });
    const cohortSpace = await space(t, { scopeKey: `cohort:${w.cohortA.id}` });
    const groupSpace = await space(t, { scopeKey: `group:${group.id}` });
    const consortium = await space(t, { scopeKey: 'consortium' });
    const inst = await postIn(spaceA.id);
    const cohort = await postIn(cohortSpace.id);
    const grouped = await postIn(groupSpace.id, groupAuthor);
    const wide = await postIn(consortium.id);
    const spam = await postIn(spaceA.id);
    expect((await flag(w.otherA, inst.id, { kind: 'harm' })).status).toBe(201);
    expect((await flag(cohortPeer, cohort.id, { kind: 'harm' })).status).toBe(201);
    expect((await flag(groupPeer, grouped.id, { kind: 'harm', note: 'In our group' })).status).toBe(201);
    expect((await flag(w.memberB, wide.id, { kind: 'harm' })).status).toBe(201);
    expect((await flag(w.otherA, spam.id, { kind: 'spam' })).status).toBe(201);
    for (const post of [inst, cohort, grouped]) expect((await queued(w.leadA, post.id)).flags[0].kind).toBe('harm');
    expect(await queued(w.leadA, wide.id)).toBeUndefined();
    expect(await queued(w.leadA, spam.id)).toBeUndefined();
    expect((await queue(w.leadA, groupSpace.id)).body.flagged).toHaveLength(1);
    // Neither a school-scoped pending post nor anything of school A reaches the other school's lead.
    expect((await queue(w.leadA, groupSpace.id)).body.pending).toEqual([]);
    const seenByLeadB = ((await queue(w.leadB)).body.flagged as any[]).map((e) => e.post.id);
    for (const post of [inst, cohort, grouped, wide, spam]) expect(seenByLeadB).not.toContain(post.id);
  });

  it('lets the school lead dismiss a harm report, while hiding stays with the space’s moderators (403)', async () => {
    const post = await postIn(spaceA.id);
    const harm = await flag(w.otherA, post.id, { kind: 'harm' });
    const spam = await flag(facilitator, post.id, { kind: 'spam' });
    expect((await resolve(w.leadA, spam.body.id, { action: 'dismiss' })).status).toBe(404);
    expect((await resolve(w.leadA, harm.body.id, { action: 'hide', reason: 'Harmful' })).status).toBe(403);
    expect((await w.otherA.client.get(`${API}/posts/${post.id}`)).body.status).toBe('visible');
    expect((await resolve(w.leadA, harm.body.id, { action: 'dismiss' })).status).toBe(200);
    expect((await myFlags(w.otherA)).find((f) => f.id === harm.body.id).status).toBe('reviewed');
  });
});

describe('resolving flags', () => {
  it('dismisses one flag as reviewed, leaves the other flags on the post open, and audits it', async () => {
    const post = await postIn(spaceA.id);
    const one = await flag(w.otherA, post.id);
    await flag(w.leadA, post.id, { kind: 'off_topic' });
    const response = await resolve(facilitator, one.body.id, { action: 'dismiss', reason: '  Fair comment  ' });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id: one.body.id, action: 'dismiss', status: 'reviewed' });
    const entry = await queued(facilitator, post.id);
    expect(entry.flags).toEqual([expect.objectContaining({ kind: 'off_topic' })]);
    expect((await w.otherA.client.get(`${API}/posts/${post.id}`)).body.status).toBe('visible');
    expect(await auditEntries(t, 'flag.resolve', one.body.id)).toEqual([
      expect.objectContaining({
        actorId: facilitator.id,
        targetType: 'post_flag',
        reason: 'Fair comment',
        data: expect.objectContaining({ action: 'dismiss', postId: post.id, status: 'reviewed', flagIds: [one.body.id] }),
      }),
    ]);
  });

  it('hides the post through the usual hide (audited), marks every open flag on it action_taken, and empties its queue entry', async () => {
    const post = await postIn(spaceA.id, w.memberA, { body: 'Something hurtful' });
    const one = await flag(w.otherA, post.id, { kind: 'harm' });
    const two = await flag(w.leadA, post.id, { kind: 'spam' });
    const response = await resolve(facilitator, one.body.id, { action: 'hide', reason: 'Breaks agreement 3' });
    expect(response.status).toBe(200);
    expect(response.body.resolvedFlagIds.sort()).toEqual([one.body.id, two.body.id].sort());
    expect((await w.otherA.client.get(`${API}/posts/${post.id}`)).body).toMatchObject({ status: 'hidden', html: null });
    expect(await auditEntries(t, 'post.hide', post.id)).toEqual([
      expect.objectContaining({ actorId: facilitator.id, reason: 'Breaks agreement 3' }),
    ]);
    expect(await auditEntries(t, 'flag.resolve', one.body.id)).toHaveLength(1);
    expect(
      await count(t, `SELECT count(*) FROM post_flag WHERE post_id = $1 AND status = 'action_taken' AND resolved_by_id = $2`, [
        post.id,
        facilitator.id,
      ]),
    ).toBe(2);
    expect(await queued(facilitator, post.id)).toBeUndefined();
    // The author learns the post was hidden, not that anyone flagged it.
    const authorView = JSON.stringify((await w.memberA.client.get(`${API}/posts/${post.id}`)).body);
    expect(authorView).not.toContain(w.otherA.id);
    expect(authorView).not.toContain(w.leadA.displayName);
  });

  it('refuses hiding without a reason with 400 and changes nothing', async () => {
    const post = await postIn(spaceA.id);
    const one = await flag(w.otherA, post.id);
    for (const body of [{ action: 'hide' }, { action: 'hide', reason: '   ' }]) {
      expect((await resolve(facilitator, one.body.id, body)).status).toBe(400);
    }
    expect((await resolve(facilitator, one.body.id, { action: 'ban' })).status).toBe(400);
    expect((await w.otherA.client.get(`${API}/posts/${post.id}`)).body.status).toBe('visible');
    expect((await myFlags(w.otherA)).find((f) => f.id === one.body.id).status).toBe('received');
    expect(await auditEntries(t, 'flag.resolve', one.body.id)).toHaveLength(0);
  });

  it('restores a hidden post through the usual restore (audited) and marks the open flags action_taken', async () => {
    const post = await postIn(spaceA.id, w.memberA, { body: 'Misread at first' });
    await facilitator.client.post(`${API}/posts/${post.id}/hide`, { reason: 'Checking' });
    const one = await flag(w.otherA, post.id, { kind: 'off_topic' });
    const response = await resolve(facilitator, one.body.id, { action: 'restore' });
    expect(response.status).toBe(200);
    expect(response.body.status).toBe('action_taken');
    expect((await w.otherA.client.get(`${API}/posts/${post.id}`)).body.html).toContain('Misread at first');
    expect(await auditEntries(t, 'post.restore', post.id)).toHaveLength(1);
    expect(await auditEntries(t, 'flag.resolve', one.body.id)).toHaveLength(1);
  });

  it('refuses restoring a visible post with 409 and leaves the flag open', async () => {
    const post = await postIn(spaceA.id);
    const one = await flag(w.otherA, post.id);
    expect((await resolve(facilitator, one.body.id, { action: 'restore' })).status).toBe(409);
    expect((await myFlags(w.otherA)).find((f) => f.id === one.body.id).status).toBe('received');
  });

  it('refuses resolving a flag twice with 409', async () => {
    const post = await postIn(spaceA.id);
    const one = await flag(w.otherA, post.id);
    expect((await resolve(facilitator, one.body.id, { action: 'dismiss' })).status).toBe(200);
    const again = await resolve(facilitator, one.body.id, { action: 'hide', reason: 'Second thoughts' });
    expect(again.status).toBe(409);
    expect((await w.otherA.client.get(`${API}/posts/${post.id}`)).body.status).toBe('visible');
  });

  it('returns 404 to anyone who does not review the flag: members, other schools, unassigned facilitators', async () => {
    const post = await postIn(spaceA.id);
    const one = await flag(w.otherA, post.id, { kind: 'harm' });
    for (const who of [w.otherA, w.memberA, w.memberB, w.leadB, w.platformFacilitator]) {
      expect((await resolve(who, one.body.id, { action: 'dismiss' })).status).toBe(404);
    }
    expect((await resolve(facilitator, randomUUID(), { action: 'dismiss' })).status).toBe(404);
    expect((await resolve(facilitator, 'nope', { action: 'dismiss' })).body.code).toBe('INVALID_ID');
    expect((await myFlags(w.otherA)).find((f) => f.id === one.body.id).status).toBe('received');
  });

  it('lets an admin resolve flags in any space', async () => {
    const post = await postIn(spaceA.id);
    const one = await flag(w.otherA, post.id);
    expect((await resolve(w.admin, one.body.id, { action: 'hide', reason: 'Spam link' })).status).toBe(200);
    expect((await postsOf(w.otherA.client, post.topicId)).find((p) => p.id === post.id)).toMatchObject({ status: 'hidden' });
  });

  it('sends the live post:updated of the usual hide to readers in the topic room, with nothing about the flag', async () => {
    const post = await postIn(spaceA.id);
    const one = await flag(w.otherA, post.id, { kind: 'harm', note: 'Live secret note' });
    const socket = io(t.url, {
      path: '/realtime',
      transports: ['websocket'],
      reconnection: false,
      extraHeaders: { Cookie: w.memberA.client.cookie! },
    });
    try {
      await new Promise((ready, fail) => socket.once('ready', ready).once('connect_error', fail));
      expect(await socket.timeout(5000).emitWithAck('topic:join', { topicId: post.topicId })).toEqual({ ok: true });
      const updated = new Promise<any>((got) => socket.once('post:updated', got));
      await resolve(facilitator, one.body.id, { action: 'hide', reason: 'Live hide' });
      const payload = await updated;
      expect(payload).toMatchObject({ id: post.id, status: 'hidden', html: null });
      expect(JSON.stringify(payload)).not.toMatch(new RegExp(`flag|Live secret note|${w.otherA.id}`, 'i'));
    } finally {
      socket.disconnect();
    }
  });
});
