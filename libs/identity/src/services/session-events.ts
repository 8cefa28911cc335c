import { Injectable } from '@nestjs/common';
import { Subject, type Observable } from 'rxjs';

/**
 * Sign-ins that ended, published after the change commits, so live connections opened with them close too:
 * one session (sign-out), or every session of a person but one (password change) or all (deactivation); and
 * narrowed access, after which a person's sockets reconnect and pass every room's checks again.
 */
export type SessionEvent =
  | { type: 'session.ended'; sessionId: string }
  | { type: 'person.sessions.ended'; userId: string; exceptSessionId: string | null }
  /** What the person may read narrowed (left a cohort or group, lost a role): live connections start over. */
  | { type: 'person.access.changed'; userId: string };

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
