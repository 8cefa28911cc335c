import { randomUUID } from 'node:crypto';
import { cohortScope, institutionScope } from '@app/identity';
import { JobName, JobQueue } from '@app/jobs';
import type { Socket } from 'socket.io-client';
import { ack } from '../../support/socket-support';
import { startTestApp, type TestApp } from '../../support/test-app';
import { clientId, joined } from '../chat/chat-support';
import { flag, postBy, resolve } from '../forum/flag-support';
import { afterFloodWindow, person, space, startTopic, type Person } from '../forum/forum-support';
import {
  ARTICLES,
  buildWorld,
  draft,
  expectOk,
  makeContributor,
  makeOverdue,
  publishedArticle,
  type World,
} from '../knowledge/knowledge-support';
import { API, notificationsOf, settled } from './notification-support';

describe('room, report, knowledge and bookmark notifications', () => {
  let t: TestApp;
  let w: World;
  let reviewer: Person;
  const sockets: Socket[] = [];
  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    reviewer = await person(t, { institutionId: w.schoolB.id });
    await makeContributor(w.platformFacilitator.client, reviewer.id);
  });
  afterAll(async () => {
    sockets.forEach((s) => s.disconnect());
    await t.close();
  });
  beforeEach(() => afterFloodWindow(t));

  const kindOf = async (who: Person, kind: string) => (await notificationsOf(who.client)).items.filter((n) => n.kind === kind);
  /** Rows in the table, unfiltered by scope: what was written at all. */
  const rowsOf = (who: Person, kind: string) =>
    t.db.query('SELECT count, subject FROM notification WHERE user_id = $1 AND kind = $2', [who.id, kind]) as Promise<
      { count: number }[]
    >;
  /** A school-A room run by the platform facilitator, with school A's lead as a second facilitator. */
  async function room(title: string) {
    const response = await w.platformFacilitator.client.post(`${API}/rooms`, {
      title,
      scope: institutionScope(w.schoolA.id),
      facilitatorIds: [w.leadA.id],
    });
    expect(response.status).toBe(201);
    return response.body as { id: string };
  }
  const runJob = async (name: typeof JobName.KnowledgeVerificationSweep | typeof JobName.BookmarkReminders) => {
    await t.app.get(JobQueue).enqueue(name, {});
    await settled(t);
  };

  it('tells the participants and facilitators of a room it is starting, not its starter, nor anyone removed or outside', async () => {
    const r = await room('Monday circle');
    const removed = await person(t, { institutionId: w.schoolA.id });
    await joined(t, w.memberA, r, sockets);
    await joined(t, removed, r, sockets);
    expect(
      (await w.leadA.client.post(`${API}/rooms/${r.id}/participants/${removed.id}/remove`, { reason: 'Left' })).status,
    ).toBeLessThan(300);
    expect((await w.platformFacilitator.client.post(`${API}/rooms/${r.id}/sessions`, {})).status).toBe(201);
    await settled(t);
    const [told] = await kindOf(w.memberA, 'room_starting');
    expect(told).toMatchObject({ text: '“Monday circle” is starting now', url: `/chat/r/${r.id}`, actorName: null });
    expect(await kindOf(w.leadA, 'room_starting')).toHaveLength(1);
    expect(await rowsOf(w.platformFacilitator, 'room_starting')).toEqual([]);
    expect(await rowsOf(removed, 'room_starting')).toEqual([]);
    // In scope, but never joined.
    expect(await rowsOf(w.otherA, 'room_starting')).toEqual([]);
  });

  it('lets only a room’s facilitators invite people who can see it, and tells each invitee', async () => {
    const r = await room('Invited circle');
    const invite = (who: Person, userIds: unknown) => who.client.post(`${API}/rooms/${r.id}/invitations`, { userIds });
    const enqueue = jest.spyOn(t.app.get(JobQueue), 'enqueue');
    try {
      expect((await invite(w.memberB, [w.otherA.id])).status).toBe(404);
      const member = await invite(w.memberA, [w.otherA.id]);
      expect([member.status, member.body.code]).toEqual([403, 'FACILITATORS_ONLY']);
      for (const bad of [[], Array.from({ length: 51 }, () => randomUUID()), ['not-a-uuid'], 'x']) {
        expect((await invite(w.leadA, bad)).status).toBe(400);
      }
      const stranger = randomUUID();
      const outside = await invite(w.leadA, [w.otherA.id, w.memberB.id, stranger]);
      expect(outside.status).toBe(400);
      expect(outside.body.code).toBe('VALIDATION_FAILED');
      // The out-of-scope person and the unknown id are answered alike: nothing tells them apart.
      expect(outside.body.details).toEqual([
        { field: 'userIds', message: w.memberB.id },
        { field: 'userIds', message: stranger },
      ]);
      expect(JSON.stringify(outside.body)).not.toContain(w.memberB.displayName);
      expect(enqueue).not.toHaveBeenCalled();
    } finally {
      enqueue.mockRestore();
    }
    await settled(t);
    expect(await rowsOf(w.otherA, 'room_invited')).toEqual([]);

    expect(await expectOk(invite(w.leadA, [w.otherA.id, w.otherA.id]))).toEqual({ invited: 1 });
    // Platform admins facilitate every room.
    const byAdmin = await invite(w.admin, [w.memberA.id]);
    expect([byAdmin.status, byAdmin.body]).toEqual([202, { invited: 1 }]);
    await settled(t);
    const [invited] = await kindOf(w.otherA, 'room_invited');
    expect(invited).toMatchObject({
      text: `${w.leadA.displayName} invited you to the dialogue room “Invited circle”`,
      actorName: w.leadA.displayName,
      url: `/chat/r/${r.id}`,
    });
    expect(await kindOf(w.memberA, 'room_invited')).toHaveLength(1);
  });

  it('tells the reporter of a harm report that its status changed, naming neither the reviewer nor the author', async () => {
    const schoolSpace = await space(t, { scopeKey: institutionScope(w.schoolA.id) });
    const post = await postBy(w.memberA, schoolSpace.id);
    const harm = await flag(w.otherA, post.id, { kind: 'harm' });
    expect(harm.status).toBe(201);
    expect((await resolve(w.leadA, harm.body.id, { action: 'dismiss' })).status).toBe(200);

    const r = await room('Hard words');
    const { socket } = await joined(t, w.memberA, r, sockets);
    const said = await ack<{ message: { id: string } }>(socket, 'chat:send', {
      roomId: r.id,
      clientId: clientId(),
      body: 'A hurtful remark',
    });
    const chatHarm = await w.otherA.client.post(`${API}/chat-messages/${said.message.id}/flags`, { kind: 'harm' });
    expect(chatHarm.status).toBe(201);
    const resolved = await w.leadA.client.post(`${API}/rooms/${r.id}/flags/${chatHarm.body.id}/resolve`, {
      action: 'remove',
      reason: 'Harmful',
    });
    expect(resolved.status).toBe(200);
    await settled(t);

    const reports = await kindOf(w.otherA, 'report_status');
    expect(reports.map((n) => [n.text, n.url, n.actorName])).toEqual(
      expect.arrayContaining([
        ['Your harm report in “A topic” was reviewed', `/forum/t/${post.topicId}`, null],
        ['Your harm report in “Hard words” led to action', `/chat/r/${r.id}`, null],
      ]),
    );
    expect(reports).toHaveLength(2);
    for (const name of [w.leadA.displayName, w.memberA.displayName]) expect(JSON.stringify(reports)).not.toContain(name);
    const rows = await t.db.query(`SELECT actor_id, actor_name FROM notification WHERE kind = 'report_status'`);
    expect(rows.every((row: { actor_id: string | null; actor_name: string | null }) => !row.actor_id && !row.actor_name)).toBe(
      true,
    );
    expect(await rowsOf(w.memberA, 'report_status')).toEqual([]);
  });

  it('tells a reviewer a review was requested of them, and nobody else', async () => {
    const article = await draft(w.memberA.client, { title: 'Restorative circles in year 9' });
    await expectOk(w.memberA.client.post(`${ARTICLES}/${article.id}/submit`, { reviewerIds: [reviewer.id] }));
    await settled(t);
    const [asked] = await kindOf(reviewer, 'review_requested');
    expect(asked).toMatchObject({
      text: `${w.memberA.displayName} asked you to review “Restorative circles in year 9”`,
      url: `/knowledge/a/${article.id}`,
    });
    expect((await reviewer.client.get(asked.url.replace('/knowledge/a', ARTICLES))).status).toBe(200);
    expect(await rowsOf(w.memberA, 'review_requested')).toEqual([]);
  });

  it('tells an owner once per overdue period that their article needs review, however often the sweep runs', async () => {
    const article = await publishedArticle(w.otherA.client, reviewer, { title: 'Affinity groups, a year on' });
    await runJob(JobName.KnowledgeVerificationSweep);
    expect(await rowsOf(w.otherA, 'article_needs_review')).toEqual([]);
    await makeOverdue(t, article.id);
    await runJob(JobName.KnowledgeVerificationSweep);
    await runJob(JobName.KnowledgeVerificationSweep);
    const [due] = await kindOf(w.otherA, 'article_needs_review');
    expect(due).toMatchObject({
      text: '“Affinity groups, a year on” is due for review',
      count: 1,
      url: `/knowledge/a/${article.id}`,
    });
    expect(await rowsOf(w.otherA, 'article_needs_review')).toHaveLength(1);

    // Verified, and overdue again later: a new period, told again.
    await expectOk(w.otherA.client.post(`${ARTICLES}/${article.id}/verify`));
    await makeOverdue(t, article.id);
    await runJob(JobName.KnowledgeVerificationSweep);
    expect((await kindOf(w.otherA, 'article_needs_review'))[0].count).toBe(2);
  });

  it('reminds a person of a bookmark when it falls due, once, and not when they can no longer read the post', async () => {
    const cohortSpace = await space(t, { scopeKey: cohortScope(w.cohortA.id) });
    const topic = await startTopic(w.memberA.client, cohortSpace.id, { title: 'Reading list' });
    const [first] = (await w.memberA.client.get(`${API}/topics/${topic.id}/posts`)).body.items;
    const reader = await person(t, { institutionId: w.schoolA.id, cohortIds: [w.cohortA.id] });
    const leaving = await person(t, { institutionId: w.schoolA.id, cohortIds: [w.cohortA.id] });
    const inAnHour = new Date(t.clock.now().getTime() + 3_600_000).toISOString();
    for (const who of [reader, leaving]) {
      expect((await who.client.put(`${API}/posts/${first.id}/bookmark`, { reminderAt: inAnHour })).status).toBe(200);
    }
    await runJob(JobName.BookmarkReminders);
    expect(await rowsOf(reader, 'bookmark_reminder')).toEqual([]);

    await t.db.query('DELETE FROM cohort_member WHERE user_id = $1', [leaving.id]);
    t.clock.advance(2 * 3_600_000);
    await runJob(JobName.BookmarkReminders);
    await runJob(JobName.BookmarkReminders);
    const [reminded] = await kindOf(reader, 'bookmark_reminder');
    expect(reminded).toMatchObject({ text: 'Reminder: “Reading list”', count: 1, url: `/forum/t/${topic.id}#post-1` });
    expect(await rowsOf(leaving, 'bookmark_reminder')).toEqual([]);
    const left = await t.db.query('SELECT user_id FROM bookmark WHERE post_id = $1 AND reminder_at IS NOT NULL', [first.id]);
    expect(left).toEqual([]);
  });
});
