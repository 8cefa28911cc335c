import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Clock } from '@app/core';
import type { Actor } from '@app/identity';
import { renderMarkdown, RENDERER_VERSION } from '@app/markdown';
import type { EntityManager } from 'typeorm';
import { presentMessage } from '../presenters';
import { MessageRepository, type RoomRecord } from '../repositories';
import { ChatEvents } from './chat-events';

/**
 * Facilitators' changes (state, stage, removals) are said in the room as a numbered system message, in the
 * same transaction as the change, so every client's transcript records them in order.
 */
@Injectable()
export class SystemNotes {
  constructor(
    private readonly messages: MessageRepository,
    private readonly clock: Clock,
    private readonly events: ChatEvents,
  ) {}

  /** After commit: sends a written message to the room as its public view. */
  async announce(messageId: string): Promise<void> {
    const message = await this.messages.findById(messageId);
    if (message) this.events.publish({ type: 'message.created', roomId: message.roomId, message: presentMessage(message) });
  }

  async write(manager: EntityManager, room: RoomRecord, actor: Actor, text: string): Promise<string> {
    const { id } = await this.messages.insertNumbered(
      {
        roomId: room.id,
        sessionId: room.sessionId ?? room.liveSessionId,
        kind: 'system',
        authorId: actor.userId,
        anonymous: false,
        pseudonymNumber: null,
        clientId: `system-${randomUUID()}`,
        source: text,
        html: renderMarkdown(text).html,
        rendererVersion: RENDERER_VERSION,
        replyToSeq: null,
        createdAt: this.clock.now(),
      },
      manager,
    );
    return id;
  }
}
