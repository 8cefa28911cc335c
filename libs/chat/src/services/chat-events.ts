import { Injectable } from '@nestjs/common';
import { Subject, type Observable } from 'rxjs';
import type { MessageView } from '../presenters';

/**
 * What changed in a room, published after the transaction commits. Messages travel as their public view
 * (what every member of the room may see); everything else by id, for readers to refetch as themselves.
 */
export type ChatEvent =
  | { type: 'message.created'; roomId: string; message: MessageView }
  | { type: 'message.updated'; roomId: string; message: MessageView }
  | { type: 'room.updated'; roomId: string }
  | { type: 'participant.removed'; roomId: string; userId: string }
  | { type: 'participant.muted'; roomId: string; userId: string; until: string | null }
  /** Sent to the main room and to every breakout named, so people inside a breakout hear it too. */
  | { type: 'breakouts.changed'; roomId: string; breakoutIds: string[] };

@Injectable()
export class ChatEvents {
  private readonly subject = new Subject<ChatEvent>();

  get events(): Observable<ChatEvent> {
    return this.subject.asObservable();
  }

  publish(event: ChatEvent): void {
    this.subject.next(event);
  }
}
