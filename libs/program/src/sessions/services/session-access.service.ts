import { Injectable } from '@nestjs/common';
import { conflict, ErrorCode, forbidden, notFound } from '@app/core';
import { ScopeOwner, type Actor } from '@app/identity';
import { SessionPolicy } from '../policy/session-policy';
import { SessionRepository, type SessionRecord } from '../repositories';

export interface SessionContext {
  session: SessionRecord;
  /** The audience's school (null: the consortium or a consortium-wide group). */
  school: string | null;
  canEdit: boolean;
  canRun: boolean;
}

/** Loads sessions only for those who can read their audience (otherwise they do not exist: 404), then checks the action. */
@Injectable()
export class SessionAccess {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly scopeOwner: ScopeOwner,
  ) {}

  async readable(actor: Actor, sessionId: string): Promise<SessionContext> {
    const session = await this.sessions.findById(sessionId);
    if (!session || !SessionPolicy.canSee(actor, session)) throw notFound();
    const school = await this.scopeOwner.schoolOf(actor, session.scopeKey);
    return {
      session,
      school,
      canEdit: SessionPolicy.canEdit(actor, session, school),
      canRun: SessionPolicy.canRun(actor, session, school),
    };
  }

  /** Editing and cancelling: its creator, its facilitators, and whoever facilitates the program at its school. */
  async editable(actor: Actor, sessionId: string): Promise<SessionContext> {
    const context = await this.readable(actor, sessionId);
    if (!context.canEdit) throw forbidden('Only the session’s organisers may change it');
    return context;
  }

  /** Attendance, notes and the RSVP list: its facilitators, and whoever facilitates the program at its school. */
  async running(actor: Actor, sessionId: string): Promise<SessionContext> {
    const context = await this.readable(actor, sessionId);
    if (!context.canRun) throw forbidden('Only the session’s facilitators may do this');
    return context;
  }
}

export function assertNotCancelled(session: Pick<SessionRecord, 'cancelledAt'>): void {
  if (session.cancelledAt) throw conflict(ErrorCode.SessionCancelled, 'This session was cancelled');
}
