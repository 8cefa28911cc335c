import { Injectable } from '@nestjs/common';
import { badRequest, Clock, conflict, ErrorCode } from '@app/core';
import { ActorRepository, type Actor } from '@app/identity';
import { DataSource } from 'typeorm';
import { SessionPolicy, type RsvpAnswer } from '../policy/session-policy';
import { presentRosterRow } from '../presenters';
import { SessionRsvpRepository } from '../repositories';
import { assertNotCancelled, SessionAccess } from './session-access.service';

export interface AttendanceEntry {
  userId: string;
  attended: boolean;
}

/** Answering a session's invitation, and recording who came. */
@Injectable()
export class SessionRsvpService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly rsvps: SessionRsvpRepository,
    private readonly access: SessionAccess,
    private readonly actors: ActorRepository,
    private readonly clock: Clock,
  ) {}

  /** Anyone who can read the audience may answer, until the session ends; a cancelled session takes no answers. */
  async answer(actor: Actor, sessionId: string, answer: RsvpAnswer) {
    const { session } = await this.access.readable(actor, sessionId);
    assertNotCancelled(session);
    const now = this.clock.now();
    if (new Date(session.endsAt).getTime() <= now.getTime()) throw conflict(ErrorCode.SessionEnded, 'This session has ended');
    await this.rsvps.answer(session.id, actor.userId, answer, now);
    return { answer, rsvpCounts: await this.rsvps.counts(session.id) };
  }

  /** The attendance sheet (see SessionRsvpRepository.roster): for those who run the session. */
  async attendance(actor: Actor, sessionId: string) {
    const { session } = await this.access.running(actor, sessionId);
    return { items: (await this.rsvps.roster(session.id, session.scopeKey)).map(presentRosterRow) };
  }

  /**
   * Records attendance for people of the audience (members of it, or people who said they would come), all or
   * nothing: one stranger in the list refuses the whole list.
   */
  async recordAttendance(actor: Actor, sessionId: string, entries: readonly AttendanceEntry[]) {
    const { session } = await this.access.running(actor, sessionId);
    assertNotCancelled(session);
    const byPerson = new Map(entries.map((e) => [e.userId.toLowerCase(), e.attended]));
    const ids = [...byPerson.keys()];
    const [people, coming] = await Promise.all([this.actors.byUserIds(ids), this.rsvps.comingIds(session.id)]);
    const found = new Map(people.map((p) => [p.userId, p]));
    const outside = ids.filter((id) => {
      const person = found.get(id);
      if (!person || !SessionPolicy.canSee(person, session)) return true;
      return !SessionPolicy.isInAudience(person, session.scopeKey) && !coming.has(id) && !session.facilitatorIds.includes(id);
    });
    if (outside.length) {
      throw badRequest(
        ErrorCode.SessionAttendeeNotInAudience,
        'Attendance is recorded only for people in the session’s audience',
        outside.map((id) => ({ field: 'entries', message: `${id} is not in the audience` })),
      );
    }
    const now = this.clock.now();
    await this.dataSource.transaction((manager) =>
      this.rsvps.recordAttendance(
        session.id,
        ids.map((userId) => ({ userId, attended: byPerson.get(userId)! })),
        actor.userId,
        now,
        manager,
      ),
    );
    return this.attendance(actor, sessionId);
  }
}
