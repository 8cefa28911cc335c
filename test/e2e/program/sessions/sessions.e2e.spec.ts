import { cohortScope, institutionScope } from '@app/identity';
import { draft } from '../../knowledge/knowledge-support';
import type { TestApp } from '../../../support/test-app';
import {
  API,
  count,
  createSession,
  DAY,
  dialogue,
  fromNow,
  HOUR,
  learningItem,
  SESSIONS,
  startSessionsWorld,
  type World,
} from './sessions-support';

const MINUTE = 60_000;
const lengthOf = (session: { [key: string]: any }) => new Date(session.endsAt).getTime() - new Date(session.startsAt).getTime();

describe('program sessions: setting up, reading, changing, cancelling', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    ({ t, w } = await startSessionsWorld());
  });
  afterAll(() => t.close());

  const sessionCount = () => count(t, 'SELECT count(*) FROM program_session');

  it('creates each kind with its default length when no end is given, the organiser as its facilitator', async () => {
    const f = w.platformFacilitator.client;
    const framing = await createSession(f, dialogue(t, w));
    expect(framing).toMatchObject({
      kind: 'dialogue_framing',
      phase: 2,
      audience: cohortScope(w.cohortA.id),
      timeZone: 'America/Chicago',
      cancelled: false,
      myRsvp: null,
      url: `/program/sessions/${framing.id}`,
      facilitators: [{ id: w.platformFacilitator.id, displayName: w.platformFacilitator.displayName }],
      can: { edit: true, run: true, rsvp: true },
    });
    expect(lengthOf(framing)).toBe(90 * MINUTE);
    const coaching = await createSession(f, dialogue(t, w, { kind: 'coaching', title: 'Outcome mapping' }));
    expect(lengthOf(coaching)).toBe(90 * MINUTE);
    const practice = await createSession(f, { ...dialogue(t, w), kind: 'community_of_practice', audience: 'consortium' });
    expect(lengthOf(practice)).toBe(60 * MINUTE);
    const visit = await createSession(f, {
      ...dialogue(t, w),
      kind: 'site_visit',
      audience: institutionScope(w.schoolA.id),
      location: 'Main campus, hall 2',
    });
    expect(visit.location).toBe('Main campus, hall 2');
    const explicit = await createSession(f, dialogue(t, w, { endsAt: fromNow(t, 2 * DAY + 2 * HOUR) }));
    expect(lengthOf(explicit)).toBe(2 * HOUR);
  });

  it('refuses a kind’s wrong audience with SESSION_AUDIENCE_INVALID, writing nothing', async () => {
    const before = await sessionCount();
    const f = w.platformFacilitator.client;
    for (const body of [
      dialogue(t, w, { audience: 'consortium' }),
      dialogue(t, w, { kind: 'coaching', audience: institutionScope(w.schoolA.id) }),
      dialogue(t, w, { kind: 'community_of_practice' }),
      dialogue(t, w, { kind: 'site_visit', location: 'Hall 2' }),
      dialogue(t, w, { kind: 'conference', audience: institutionScope(w.schoolA.id) }),
    ]) {
      const response = await f.post(SESSIONS, body);
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('SESSION_AUDIENCE_INVALID');
    }
    expect(await sessionCount()).toBe(before);
  });

  it('refuses bad input with the field at fault: an unknown zone, an end before the start, a site visit nowhere, and more', async () => {
    const before = await sessionCount();
    const f = w.platformFacilitator.client;
    const cases: [Record<string, unknown>, string][] = [
      [dialogue(t, w, { timeZone: 'Mars/Olympus_Mons' }), 'timeZone'],
      [dialogue(t, w, { timeZone: '+01:00' }), 'timeZone'],
      [dialogue(t, w, { endsAt: fromNow(t, 2 * DAY - HOUR) }), 'endsAt'],
      [dialogue(t, w, { endsAt: fromNow(t, 2 * DAY) }), 'endsAt'],
      [dialogue(t, w, { kind: 'site_visit', audience: institutionScope(w.schoolA.id) }), 'location'],
      [dialogue(t, w, { joinUrl: 'http://meet.example/abc' }), 'joinUrl'],
      [dialogue(t, w, { startsAt: '2030-03-04T14:00:00' }), 'startsAt'],
      [dialogue(t, w, { startsAt: 'next tuesday' }), 'startsAt'],
      [dialogue(t, w, { title: '   ' }), 'title'],
      [dialogue(t, w, { kind: 'lecture' }), 'kind'],
      [dialogue(t, w, { createdById: w.memberA.id }), 'createdById'],
      [
        dialogue(t, w, {
          prework: [{ itemId: '8d2f3a4e-8b44-4d7e-9a55-4ff7fb2b0a01', articleId: '8d2f3a4e-8b44-4d7e-9a55-4ff7fb2b0a02' }],
        }),
        'prework[0]',
      ],
    ];
    for (const [body, field] of cases) {
      const response = await f.post(SESSIONS, body);
      expect({ field, status: response.status, code: response.body.code }).toEqual({
        field,
        status: 400,
        code: 'VALIDATION_FAILED',
      });
      expect(response.body.details.map((d: { field: string }) => d.field)).toContain(field);
    }
    expect(await sessionCount()).toBe(before);
  });

  it('lets facilitators and the school’s leads set sessions up; a member is refused, another school finds nothing', async () => {
    const before = await sessionCount();
    const member = await w.memberA.client.post(SESSIONS, dialogue(t, w));
    expect([member.status, member.body.code]).toEqual([403, 'FORBIDDEN']);
    const otherLead = await w.leadB.client.post(SESSIONS, dialogue(t, w));
    expect([otherLead.status, otherLead.body.code]).toEqual([404, 'NOT_FOUND']);
    // A school's lead runs their school's program, not the consortium's.
    const consortium = await w.leadA.client.post(SESSIONS, {
      ...dialogue(t, w),
      kind: 'community_of_practice',
      audience: 'consortium',
    });
    expect(consortium.status).toBe(403);
    // Facilitators must be able to read the audience.
    const stranger = await w.leadA.client.post(SESSIONS, dialogue(t, w, { facilitatorIds: [w.memberB.id] }));
    expect([stranger.status, stranger.body.code, stranger.body.details[0].field]).toEqual([
      400,
      'VALIDATION_FAILED',
      'facilitatorIds',
    ]);
    expect(await sessionCount()).toBe(before);
    const byLead = await createSession(w.leadA.client, dialogue(t, w, { facilitatorIds: [w.leadA.id, w.memberA.id] }));
    expect(byLead.facilitators.map((p: { id: string }) => p.id).sort()).toEqual([w.leadA.id, w.memberA.id].sort());
  });

  it('shows the details: agenda as HTML, pre-work each viewer may read, and the RSVP list and attendance to facilitators only', async () => {
    const item = await learningItem(t);
    // A draft only its author (and curators) can read: pre-work a member will not see.
    const article = await draft(w.platformFacilitator.client, { title: 'Facilitator guide to the first dialogue' });
    const session = await createSession(
      w.platformFacilitator.client,
      dialogue(t, w, {
        agenda: '1. **Bring** a story\n2. <script>alert(1)</script> discuss',
        joinUrl: 'https://meet.example/dialogue',
        prework: [{ itemId: item.id }, { articleId: article.id }],
      }),
    );
    expect(session.agendaHtml).toContain('<strong>Bring</strong>');
    expect(session.agendaHtml).not.toContain('<script>');
    expect(session.prework).toEqual([
      { kind: 'item', id: item.id, title: item.title, url: `/program/items/${item.id}` },
      { kind: 'article', id: article.id, title: 'Facilitator guide to the first dialogue', url: `/knowledge/a/${article.id}` },
    ]);
    expect(session.rsvps).toEqual([]);
    expect(session.attendance.map((a: { person: { id: string } }) => a.person.id)).toContain(w.memberA.id);

    const seen = await w.memberA.client.get(`${SESSIONS}/${session.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.prework).toEqual([{ kind: 'item', id: item.id, title: item.title, url: `/program/items/${item.id}` }]);
    expect(seen.body).toMatchObject({
      joinUrl: 'https://meet.example/dialogue',
      can: { edit: false, run: false, rsvp: true },
      rsvpCounts: { yes: 0, no: 0, maybe: 0 },
    });
    expect(seen.body.rsvps).toBeUndefined();
    expect(seen.body.attendance).toBeUndefined();
    expect(seen.body.notes).toBeUndefined();
    expect(seen.body.agenda).toBeUndefined();

    // Out of the audience, the session does not exist: another school, and another cohort of the same school.
    for (const outsider of [w.memberB, w.otherA, w.leadB]) {
      const response = await outsider.client.get(`${SESSIONS}/${session.id}`);
      expect([response.status, response.body.code]).toEqual([404, 'NOT_FOUND']);
    }
    // Pre-work the organiser cannot read, or that does not exist, is refused.
    const unreadable = await w.leadA.client.post(SESSIONS, dialogue(t, w, { prework: [{ articleId: article.id }] }));
    expect([unreadable.status, unreadable.body.details[0].field]).toEqual([400, 'prework[0].articleId']);
    const unknown = await w.leadA.client.post(
      SESSIONS,
      dialogue(t, w, { prework: [{ itemId: '8d2f3a4e-8b44-4d7e-9a55-4ff7fb2b0a01' }] }),
    );
    expect([unknown.status, unknown.body.details[0].field]).toEqual([400, 'prework[0].itemId']);
  });

  it('links Chats for Change to a dialogue room: a new one with the session’s title and scope, or one the organiser runs', async () => {
    const f = w.platformFacilitator.client;
    const made = await createSession(f, {
      ...dialogue(t, w),
      kind: 'chats_for_change',
      title: 'Chats for Change: admissions',
      audience: institutionScope(w.schoolA.id),
    });
    expect(made.room).toEqual({ id: expect.any(String), url: `/chat/r/${made.room.id}` });
    const room = await w.memberA.client.get(`${API}/rooms/${made.room.id}`);
    expect(room.status).toBe(200);
    expect(room.body).toMatchObject({ title: 'Chats for Change: admissions', scope: institutionScope(w.schoolA.id) });

    const cohortRoom = await w.leadA.client.post(`${API}/rooms`, { title: 'Cohort circle', scope: cohortScope(w.cohortA.id) });
    expect(cohortRoom.status).toBe(201);
    const linked = await createSession(f, { ...dialogue(t, w), kind: 'chats_for_change', roomId: cohortRoom.body.id });
    expect(linked.room.id).toBe(cohortRoom.body.id);

    const before = await sessionCount();
    const otherScope = await f.post(SESSIONS, {
      ...dialogue(t, w),
      kind: 'chats_for_change',
      audience: institutionScope(w.schoolA.id),
      roomId: cohortRoom.body.id,
    });
    expect([otherScope.status, otherScope.body.code]).toEqual([400, 'SESSION_AUDIENCE_INVALID']);
    const notChats = await f.post(SESSIONS, dialogue(t, w, { roomId: cohortRoom.body.id }));
    expect([notChats.status, notChats.body.details[0].field]).toEqual([400, 'roomId']);
    // School B's lead cannot even see school A's room.
    const hidden = await w.leadB.client.post(SESSIONS, {
      ...dialogue(t, w),
      kind: 'chats_for_change',
      audience: institutionScope(w.schoolB.id),
      roomId: cohortRoom.body.id,
    });
    expect([hidden.status, hidden.body.details[0].field]).toEqual([400, 'roomId']);
    expect(await sessionCount()).toBe(before);
  });

  it('keeps a conference’s sub-sessions within its time span and audience', async () => {
    const f = w.platformFacilitator.client;
    const start = 10 * DAY;
    const conference = await createSession(f, {
      ...dialogue(t, w),
      kind: 'conference',
      title: 'Annual conference',
      audience: 'consortium',
      startsAt: fromNow(t, start),
    });
    expect(lengthOf(conference)).toBe(8 * HOUR);
    const talk = await createSession(f, {
      ...dialogue(t, w),
      kind: 'community_of_practice',
      title: 'Opening plenary',
      audience: 'consortium',
      parentId: conference.id,
      startsAt: fromNow(t, start + HOUR),
    });
    expect(talk.parent).toEqual({ id: conference.id, title: 'Annual conference' });
    const withSubs = await w.memberB.client.get(`${SESSIONS}/${conference.id}`);
    expect(withSubs.body.subSessions).toEqual([
      expect.objectContaining({ id: talk.id, title: 'Opening plenary', parentId: conference.id }),
    ]);

    const before = await sessionCount();
    const outside = await f.post(SESSIONS, {
      ...dialogue(t, w),
      kind: 'community_of_practice',
      audience: 'consortium',
      parentId: conference.id,
      startsAt: fromNow(t, start + 7.5 * HOUR),
    });
    expect([outside.status, outside.body.code]).toEqual([400, 'SESSION_OUTSIDE_CONFERENCE']);
    const early = await f.post(SESSIONS, {
      ...dialogue(t, w),
      kind: 'community_of_practice',
      audience: 'consortium',
      parentId: conference.id,
      startsAt: fromNow(t, start - HOUR),
    });
    expect([early.status, early.body.code]).toEqual([400, 'SESSION_OUTSIDE_CONFERENCE']);
    const notConference = await f.post(SESSIONS, {
      ...dialogue(t, w),
      kind: 'community_of_practice',
      audience: 'consortium',
      parentId: talk.id,
      startsAt: fromNow(t, start + HOUR),
    });
    expect([notConference.status, notConference.body.details[0].field]).toEqual([400, 'parentId']);
    expect(await sessionCount()).toBe(before);
    // Moving the sub-session out, or shrinking the conference past it, is refused too.
    const movedOut = await f.patch(`${SESSIONS}/${talk.id}`, { startsAt: fromNow(t, start + 9 * HOUR) });
    expect([movedOut.status, movedOut.body.code]).toEqual([400, 'SESSION_OUTSIDE_CONFERENCE']);
    const shrunk = await f.patch(`${SESSIONS}/${conference.id}`, { endsAt: fromNow(t, start + HOUR) });
    expect([shrunk.status, shrunk.body.code]).toEqual([400, 'SESSION_OUTSIDE_CONFERENCE']);
  });

  it('lets its organisers change a session (moving the start keeps the length); members may not, other schools find nothing', async () => {
    const session = await createSession(w.platformFacilitator.client, dialogue(t, w));
    const member = await w.memberA.client.patch(`${SESSIONS}/${session.id}`, { title: 'Mine now' });
    expect([member.status, member.body.code]).toEqual([403, 'FORBIDDEN']);
    const stranger = await w.memberB.client.patch(`${SESSIONS}/${session.id}`, { title: 'Mine now' });
    expect(stranger.status).toBe(404);
    const unchangeable = await w.platformFacilitator.client.patch(`${SESSIONS}/${session.id}`, { audience: 'consortium' });
    expect(unchangeable.status).toBe(400);
    const badZone = await w.platformFacilitator.client.patch(`${SESSIONS}/${session.id}`, { timeZone: 'Europe/Atlantis' });
    expect([badZone.status, badZone.body.details[0].field]).toEqual([400, 'timeZone']);
    const backwards = await w.platformFacilitator.client.patch(`${SESSIONS}/${session.id}`, { endsAt: session.startsAt });
    expect([backwards.status, backwards.body.details[0].field]).toEqual([400, 'endsAt']);

    const later = new Date(new Date(session.startsAt).getTime() + HOUR).toISOString();
    // The school's lead facilitates the program there: they may change a session someone else set up.
    const moved = await w.leadA.client.patch(`${SESSIONS}/${session.id}`, {
      startsAt: later,
      title: 'Naming racism, part two',
      joinUrl: null,
      agenda: '*Check-in*',
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ startsAt: later, title: 'Naming racism, part two', joinUrl: null, agenda: '*Check-in*' });
    expect(moved.body.agendaHtml).toContain('<em>Check-in</em>');
    expect(lengthOf(moved.body)).toBe(90 * MINUTE);
  });

  it('cancels a session: it stays, shown as cancelled, and can no longer be changed', async () => {
    const session = await createSession(w.platformFacilitator.client, dialogue(t, w));
    expect((await w.memberA.client.delete(`${SESSIONS}/${session.id}`)).status).toBe(403);
    expect((await w.memberB.client.delete(`${SESSIONS}/${session.id}`)).status).toBe(404);
    const cancelled = await w.platformFacilitator.client.delete(`${SESSIONS}/${session.id}`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ cancelled: true, cancelledAt: expect.any(String), can: { rsvp: false } });
    const seen = await w.memberA.client.get(`${SESSIONS}/${session.id}`);
    expect(seen.body.cancelled).toBe(true);
    const edit = await w.platformFacilitator.client.patch(`${SESSIONS}/${session.id}`, { title: 'Back on' });
    expect([edit.status, edit.body.code]).toEqual([409, 'SESSION_CANCELLED']);
    // Cancelling again changes nothing.
    const again = await w.platformFacilitator.client.delete(`${SESSIONS}/${session.id}`);
    expect(again.body.cancelledAt).toBe(cancelled.body.cancelledAt);
  });

  it('answers 400 for an id that is not a UUID and 404 for one that names nothing', async () => {
    expect((await w.memberA.client.get(`${SESSIONS}/not-a-uuid`)).status).toBe(400);
    expect((await w.memberA.client.get(`${SESSIONS}/8d2f3a4e-8b44-4d7e-9a55-4ff7fb2b0a01`)).status).toBe(404);
  });
});
