import { Injectable } from '@nestjs/common';
import { badRequest, Clock, ErrorCode, forbidden, notFound } from '@app/core';
import { AccessPolicy, ScopeOwner, type Actor } from '@app/identity';
import { SessionPolicy } from '../policy/session-policy';
import { presentSession } from '../presenters';
import { SessionRepository, SessionRsvpRepository, type SessionContent } from '../repositories';
import { assertNotCancelled, SessionAccess, type SessionContext } from './session-access.service';
import {
  checkAudience,
  checkLocation,
  checkTimeZone,
  invalid,
  renderAgenda,
  sessionSpan,
  type SessionInput,
  type SessionPatch,
} from './session-input';
import { assertWithin, SessionLinks } from './session-links.service';

/** Setting up, changing, cancelling and reading sessions. RSVPs, attendance and notes have services of their own. */
@Injectable()
export class SessionService {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly rsvps: SessionRsvpRepository,
    private readonly access: SessionAccess,
    private readonly links: SessionLinks,
    private readonly scopeOwner: ScopeOwner,
    private readonly clock: Clock,
  ) {}

  async create(actor: Actor, input: SessionInput) {
    // The audience's school, which also proves the organiser can see it at all (else 404).
    const school = await this.scopeOwner.schoolOf(actor, input.audience);
    if (!AccessPolicy.canRead(actor, input.audience)) throw notFound();
    if (!SessionPolicy.canCreate(actor, input.audience, school))
      throw forbidden('Only the program’s facilitators and the school’s leads set up sessions');
    checkAudience(input.kind, input.audience);
    const timeZone = checkTimeZone(input.timeZone);
    const span = sessionSpan(input.kind, input.startsAt, input.endsAt);
    const location = checkLocation(input.kind, input.location);
    if (input.parentId) await this.links.parent(actor, input.parentId, input.audience, span);
    const facilitatorIds = await this.links.facilitators(input.facilitatorIds ?? [actor.userId], input.audience);
    const prework = await this.links.prework(actor, input.prework ?? []);
    const agenda = input.agenda ?? '';
    const title = input.title.trim();
    const roomId = await this.links.room(actor, input.kind, {
      roomId: input.roomId,
      audience: input.audience,
      school,
      title,
      facilitatorIds,
      ...span,
    });
    const now = this.clock.now();
    const id = await this.sessions.transaction(async (manager) => {
      const sessionId = await this.sessions.create(
        {
          kind: input.kind,
          phase: input.phase ?? null,
          title,
          description: (input.description ?? '').trim(),
          ...span,
          timeZone,
          scopeKey: input.audience,
          joinUrl: input.joinUrl || null,
          location,
          agenda,
          agendaHtml: renderAgenda(agenda),
          roomId,
          parentId: input.parentId?.toLowerCase() ?? null,
          createdById: actor.userId,
        },
        now,
        manager,
      );
      await this.sessions.setFacilitators(sessionId, facilitatorIds, manager);
      await this.sessions.setPrework(sessionId, prework, manager);
      return sessionId;
    });
    return this.get(actor, id);
  }

  async update(actor: Actor, sessionId: string, patch: SessionPatch) {
    const { session, school } = await this.access.editable(actor, sessionId);
    assertNotCancelled(session);
    const timeZone = patch.timeZone !== undefined ? checkTimeZone(patch.timeZone) : session.timeZone;
    const timesChanged = patch.startsAt !== undefined || patch.endsAt !== undefined;
    // A new start alone moves the session and keeps its length.
    const length = new Date(session.endsAt).getTime() - new Date(session.startsAt).getTime();
    const span = sessionSpan(
      session.kind,
      patch.startsAt ?? session.startsAt,
      patch.endsAt ?? (patch.startsAt ? new Date(new Date(patch.startsAt).getTime() + length) : session.endsAt),
    );
    const location = checkLocation(session.kind, patch.location !== undefined ? patch.location : session.location);
    if (session.parentId && timesChanged) {
      const parent = await this.sessions.findById(session.parentId);
      if (parent) assertWithin(parent, span);
    }
    const facilitatorIds = patch.facilitatorIds ? await this.links.facilitators(patch.facilitatorIds, session.scopeKey) : null;
    const prework = patch.prework ? await this.links.prework(actor, patch.prework) : null;
    let roomId = session.roomId;
    if (patch.roomId !== undefined && patch.roomId !== session.roomId) {
      if (session.kind !== 'chats_for_change') throw invalid('roomId', 'only a Chats for Change session links a dialogue room');
      if (!patch.roomId) throw invalid('roomId', 'a Chats for Change session needs its dialogue room');
      await this.links.assertLinkableRoom(actor, patch.roomId, session.scopeKey, school);
      roomId = patch.roomId.toLowerCase();
    }
    const agenda = patch.agenda ?? session.agenda;
    const content: SessionContent = {
      phase: patch.phase !== undefined ? patch.phase : session.phase,
      title: patch.title?.trim() ?? session.title,
      description: patch.description?.trim() ?? session.description,
      ...span,
      timeZone,
      joinUrl: patch.joinUrl !== undefined ? patch.joinUrl || null : session.joinUrl,
      location,
      agenda,
      agendaHtml: patch.agenda !== undefined ? renderAgenda(agenda) : session.agendaHtml,
      roomId,
    };
    await this.sessions.transaction(async (manager) => {
      await this.sessions.lock(sessionId, manager);
      const current = await this.sessions.findById(sessionId, manager);
      if (!current) throw notFound();
      assertNotCancelled(current);
      if (
        current.kind === 'conference' &&
        timesChanged &&
        (await this.sessions.subSessionsOutside(sessionId, span.startsAt, span.endsAt, manager)) > 0
      ) {
        throw badRequest(
          ErrorCode.SessionOutsideConference,
          'Some sub-sessions would fall outside the conference; move them first',
          [{ field: 'startsAt', message: 'sub-sessions outside the new span' }],
        );
      }
      await this.sessions.update(sessionId, content, this.clock.now(), manager);
      if (facilitatorIds) await this.sessions.setFacilitators(sessionId, facilitatorIds, manager);
      if (prework) await this.sessions.setPrework(sessionId, prework, manager);
    });
    return this.get(actor, sessionId);
  }

  /** Cancelling keeps the session (shown as cancelled, STATUS:CANCELLED in calendars); doing it twice changes nothing. */
  async cancel(actor: Actor, sessionId: string) {
    const { session } = await this.access.editable(actor, sessionId);
    if (!session.cancelledAt)
      await this.sessions.transaction((manager) => this.sessions.cancel(sessionId, this.clock.now(), manager));
    return this.get(actor, sessionId);
  }

  async get(actor: Actor, sessionId: string) {
    return this.present(actor, await this.access.readable(actor, sessionId));
  }

  private async present(actor: Actor, { session, canEdit, canRun }: SessionContext) {
    // One round of reads: the facilitators' lists come with the rest instead of after them.
    const [preworkRows, myRsvp, counts, subSessions, parent, rsvps, attendance] = await Promise.all([
      this.sessions.prework(session.id),
      this.rsvps.answerOf(session.id, actor.userId),
      this.rsvps.counts(session.id),
      session.kind === 'conference' ? this.sessions.subSessions(session.id) : Promise.resolve([]),
      session.parentId ? this.sessions.findById(session.parentId) : Promise.resolve(null),
      canRun ? this.rsvps.list(session.id) : Promise.resolve(null),
      canRun ? this.rsvps.roster(session.id, session.scopeKey) : Promise.resolve(null),
    ]);
    const facilitator =
      rsvps && attendance ? { notes: session.notes, notesArticleId: session.notesArticleId, rsvps, attendance } : null;
    return presentSession(session, {
      prework: await this.links.preworkView(actor, preworkRows),
      parent: parent ? { id: parent.id, title: parent.title } : null,
      subSessions: subSessions.filter((s) => SessionPolicy.canSee(actor, s)),
      myRsvp,
      counts,
      ended: new Date(session.endsAt).getTime() <= this.clock.now().getTime(),
      can: { edit: canEdit, run: canRun },
      facilitator,
    });
  }
}
