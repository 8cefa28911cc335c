import { Injectable } from '@nestjs/common';
import { Subject, type Observable } from 'rxjs';

/**
 * Mail that identity needs sent, published after the change commits: the mail side subscribes and queues it, so
 * a request never waits on SMTP and nothing is announced for a change that rolled back. The token is the only
 * copy of the secret (only its hash is stored), so subscribers must not log it.
 */
export type IdentityMail =
  | {
      type: 'invitation';
      invitationId: string;
      email: string;
      displayName: string;
      token: string;
      invitedByName: string | null;
      institutionName: string;
      expiresAt: Date;
    }
  | { type: 'password_reset'; userId: string; email: string; displayName: string; token: string; expiresAt: Date };

@Injectable()
export class IdentityMailEvents {
  private readonly subject = new Subject<IdentityMail>();

  get events(): Observable<IdentityMail> {
    return this.subject.asObservable();
  }

  publish(mail: IdentityMail): void {
    this.subject.next(mail);
  }
}
