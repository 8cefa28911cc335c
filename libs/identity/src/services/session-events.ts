import { Injectable } from '@nestjs/common';
import { Subject, type Observable } from 'rxjs';

/**
 * Sign-ins that ended, published after the change commits, so live connections opened with them close too:
 * one session (sign-out), or every session of a person but one (password change) or all (deactivation).
 */
export type SessionEvent = { type: 'session.ended'; sessionId: string } | { type: 'person.sessions.ended'; userId: string; exceptSessionId: string | null };

@Injectable()
export class SessionEvents {
  private readonly subject = new Subject<SessionEvent>();

  get events(): Observable<SessionEvent> {
    return this.subject.asObservable();
  }

  publish(event: SessionEvent): void {
    this.subject.next(event);
  }
}
