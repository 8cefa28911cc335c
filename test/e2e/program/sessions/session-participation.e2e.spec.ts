import { cohortScope } from '@app/identity';
import type { TestApp } from '../../../support/test-app';
import {
  API,
  count,
  createSession,
  DAY,
  dialogue,
  fromNow,
  HOUR,
  person,
  rsvpRows,
  SESSIONS,
  startSessionsWorld,
  type World,
} from './sessions-support';

describe('program sessions: RSVPs, attendance and notes', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    ({ t, w } = await startSessionsWorld());
  });
  afterAll(() => t.close());

  const attendanceRows = (sessionId: string) =>
    count(t, 'SELECT count(*) FROM program_session_attendance WHERE session_id = $1', [sessionId]);

  it('lets a member of the audience answer and change their answer, with the counts', async () => {
    const session = await createSession(w.platformFacilitator.client, dialogue(t, w));
    const yes = await w.memberA.client.put(`${SESSIONS}/${session.id}/rsvp`, { answer: 'yes' });
    expect(yes.status).toBe(200);
    expect(yes.body).toEqual({ answer: 'yes', rsvpCounts: { yes: 1, no: 0, maybe: 0 } });
    const maybe = await w.memberA.client.put(`${SESSIONS}/${session.id}/rsvp`, { answer: 'maybe' });
    expect(maybe.body.rsvpCounts).toEqual({ yes: 0, no: 0, maybe: 1 });
    const seen = await w.memberA.client.get(`${SESSIONS}/${session.id}`);
    expect(seen.body).toMatchObject({ myRsvp: 'maybe', rsvpCounts: { yes: 0, no: 0, maybe: 1 } });
    const wrong = await w.memberA.client.put(`${SESSIONS}/${session.id}/rsvp`, { answer: 'perhaps' });
    expect([wrong.status, wrong.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    // Facilitators see who answered what.
    const listed = await w.platformFacilitator.client.get(`${SESSIONS}/${session.id}`);
    expect(listed.body.rsvps).toEqual([
      { person: { id: w.memberA.id, displayName: w.memberA.displayName }, answer: 'maybe', updatedAt: expect.any(String) },
    ]);
  });

  it('answers 404 to an RSVP from outside the audience, and writes nothing', async () => {
    const session = await createSession(w.platformFacilitator.client, dialogue(t, w));
    for (const outsider of [w.memberB, w.otherA, w.leadB]) {
      const response = await outsider.client.put(`${SESSIONS}/${session.id}/rsvp`, { answer: 'yes' });
      expect([response.status, response.body.code]).toEqual([404, 'NOT_FOUND']);
    }
    expect(await rsvpRows(t, session.id)).toEqual([]);
  });

  it('refuses RSVPs to a cancelled session (SESSION_CANCELLED) and to one that has ended (SESSION_ENDED), writing nothing', async () => {
    const cancelled = await createSession(w.platformFacilitator.client, dialogue(t, w));
    expect((await w.platformFacilitator.client.delete(`${SESSIONS}/${cancelled.id}`)).status).toBe(200);
    const late = await w.memberA.client.put(`${SESSIONS}/${cancelled.id}/rsvp`, { answer: 'yes' });
    expect([late.status, late.body.code]).toEqual([409, 'SESSION_CANCELLED']);
    // Recorded afterwards, for its attendance: it started three hours ago and ran 90 minutes.
    const past = await createSession(w.platformFacilitator.client, dialogue(t, w, { startsAt: fromNow(t, -3 * HOUR) }));
    expect(past.ended).toBe(true);
    expect(past.can.rsvp).toBe(false);
    const over = await w.memberA.client.put(`${SESSIONS}/${past.id}/rsvp`, { answer: 'yes' });
    expect([over.status, over.body.code]).toEqual([409, 'SESSION_ENDED']);
    expect(await rsvpRows(t, cancelled.id)).toEqual([]);
    expect(await rsvpRows(t, past.id)).toEqual([]);
  });

  it('gives the attendance sheet to those who run the session: the cohort, and who answered', async () => {
    const session = await createSession(w.platformFacilitator.client, dialogue(t, w));
    // The school's lead reads the cohort and answers, though not a member of it.
    expect((await w.leadA.client.put(`${SESSIONS}/${session.id}/rsvp`, { answer: 'yes' })).status).toBe(200);
    const sheet = await w.platformFacilitator.client.get(`${SESSIONS}/${session.id}/attendance`);
    expect(sheet.status).toBe(200);
    expect(sheet.body.items).toEqual(
      expect.arrayContaining([
        { person: { id: w.memberA.id, displayName: w.memberA.displayName }, rsvp: null, attended: null, recordedAt: null },
        { person: { id: w.leadA.id, displayName: w.leadA.displayName }, rsvp: 'yes', attended: null, recordedAt: null },
      ]),
    );
    expect(sheet.body.items.map((i: { person: { id: string } }) => i.person.id)).not.toContain(w.otherA.id);
    const member = await w.memberA.client.get(`${SESSIONS}/${session.id}/attendance`);
    expect([member.status, member.body.code]).toEqual([403, 'FORBIDDEN']);
    expect((await w.memberB.client.get(`${SESSIONS}/${session.id}/attendance`)).status).toBe(404);
  });

  it('records attendance for the audience all at once; one person outside it refuses the whole list', async () => {
    const classmate = await person(t, { institutionId: w.schoolA.id, cohortIds: [w.cohortA.id] });
    const session = await createSession(w.platformFacilitator.client, dialogue(t, w, { startsAt: fromNow(t, -2 * HOUR) }));
    for (const outsider of [w.memberB, w.otherA]) {
      const refused = await w.platformFacilitator.client.put(`${SESSIONS}/${session.id}/attendance`, {
        entries: [
          { userId: w.memberA.id, attended: true },
          { userId: outsider.id, attended: true },
        ],
      });
      expect([refused.status, refused.body.code]).toEqual([400, 'SESSION_ATTENDEE_NOT_IN_AUDIENCE']);
      expect(refused.body.details).toEqual([{ field: 'entries', message: `${outsider.id} is not in the audience` }]);
    }
    const unknown = await w.platformFacilitator.client.put(`${SESSIONS}/${session.id}/attendance`, {
      entries: [{ userId: '8d2f3a4e-8b44-4d7e-9a55-4ff7fb2b0a01', attended: true }],
    });
    expect(unknown.body.code).toBe('SESSION_ATTENDEE_NOT_IN_AUDIENCE');
    expect(await attendanceRows(session.id)).toBe(0);

    const member = await w.memberA.client.put(`${SESSIONS}/${session.id}/attendance`, {
      entries: [{ userId: w.memberA.id, attended: true }],
    });
    expect(member.status).toBe(403);
    // The school's lead facilitates the program at school A.
    const recorded = await w.leadA.client.put(`${SESSIONS}/${session.id}/attendance`, {
      entries: [
        { userId: w.memberA.id, attended: true },
        { userId: classmate.id, attended: false },
      ],
    });
    expect(recorded.status).toBe(200);
    const byId = new Map(recorded.body.items.map((i: { person: { id: string } }) => [i.person.id, i]));
    expect(byId.get(w.memberA.id)).toMatchObject({ attended: true, recordedAt: expect.any(String) });
    expect(byId.get(classmate.id)).toMatchObject({ attended: false });
    const [row] = await t.db.query(
      'SELECT recorded_by_id AS "by" FROM program_session_attendance WHERE session_id = $1 AND user_id = $2',
      [session.id, w.memberA.id],
    );
    expect(row.by).toBe(w.leadA.id);
    // Changed later: the row is updated, not doubled.
    await w.platformFacilitator.client.put(`${SESSIONS}/${session.id}/attendance`, {
      entries: [{ userId: classmate.id, attended: true }],
    });
    expect(await attendanceRows(session.id)).toBe(2);
  });

  it('keeps notes for facilitators and captures them once as a knowledge draft in the session’s scope and phase', async () => {
    const session = await createSession(w.platformFacilitator.client, dialogue(t, w, { phase: 3, startsAt: fromNow(t, -DAY) }));
    const member = await w.memberA.client.put(`${SESSIONS}/${session.id}/notes`, { notes: 'Mine' });
    expect([member.status, member.body.code]).toEqual([403, 'FORBIDDEN']);
    expect((await w.memberB.client.put(`${SESSIONS}/${session.id}/notes`, { notes: 'Mine' })).status).toBe(404);
    const empty = await w.platformFacilitator.client.post(`${SESSIONS}/${session.id}/notes/capture`);
    expect([empty.status, empty.body.code]).toEqual([400, 'SESSION_NOTES_EMPTY']);

    const notes = '## What we heard\n\n- Students named the **hidden curriculum**\n- Next: map it';
    const saved = await w.platformFacilitator.client.put(`${SESSIONS}/${session.id}/notes`, { notes });
    expect(saved.body).toEqual({ notes, notesArticleId: null });
    const captured = await w.platformFacilitator.client.post(`${SESSIONS}/${session.id}/notes/capture`);
    expect(captured.status).toBe(201);
    const articleId = captured.body.notesArticleId;
    expect(captured.body.article).toEqual({
      id: articleId,
      title: `Notes: ${session.title}`,
      url: `/knowledge/a/${articleId}`,
      stage: 'draft',
    });
    const article = await w.platformFacilitator.client.get(`${API}/knowledge/articles/${articleId}`);
    expect(article.body).toMatchObject({
      scope: cohortScope(w.cohortA.id),
      phases: [3],
      stage: 'draft',
      owner: { id: w.platformFacilitator.id },
    });
    expect(article.body.html).toContain('<strong>hidden curriculum</strong>');
    // A draft: the cohort does not see it until it is published.
    expect((await w.memberA.client.get(`${API}/knowledge/articles/${articleId}`)).status).toBe(404);

    const again = await w.platformFacilitator.client.post(`${SESSIONS}/${session.id}/notes/capture`);
    expect([again.status, again.body.code]).toEqual([409, 'SESSION_NOTES_CAPTURED']);
    const seen = await w.platformFacilitator.client.get(`${SESSIONS}/${session.id}`);
    expect(seen.body).toMatchObject({ notes, notesArticleId: articleId });
    expect(await count(t, 'SELECT count(*) FROM kb_article WHERE scope_key = $1', [cohortScope(w.cohortA.id)])).toBe(1);
  });
});
