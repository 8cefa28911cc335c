import { Injectable } from '@nestjs/common';
import { badRequest, Clock, DomainError, ErrorCode, retryLater } from '@app/core';
import { isUniqueViolation } from '@app/database';
import type { Actor } from '@app/identity';
import { renderMarkdown, RENDERER_VERSION } from '@app/markdown';
import { DataSource } from 'typeorm';
import { ChatPolicy } from '../policy';
import { presentMessage, presentOwnMessage } from '../presenters';
import { MessageRepository, ParticipantRepository, RoomRepository, SessionRepository, type MessageRecord } from '../repositories';
import { ChatEvents } from './chat-events';
import { RoomAccess, type RoomContext } from './room-access.service';

export const MAX_MESSAGE_BYTES = 4 * 1024;

/** A message's text, sent or edited: at most 4 KB, and not blank. */
export function assertMessageBody(body: string): void {
  if (Buffer.byteLength(body, 'utf8') > MAX_MESSAGE_BYTES) {
    throw badRequest(ErrorCode.MessageTooLong, `A message may be at most ${MAX_MESSAGE_BYTES / 1024} KB`);
  }
  if (!body.trim()) throw badRequest(ErrorCode.ValidationFailed, 'The message is empty', [{ field: 'body', message: 'must not be blank' }]);
}

export interface SendInput {
  clientId: string;
  body: string;
  replyToSeq?: number | null;
  kind?: 'message' | 'check_in';
}

/**
 * Writes one message: every rule checked before anything is written, then numbered and written in one statement.
 * A resend with the same client id returns the message already written (never a second one); the same id with
 * different text is refused.
 */
@Injectable()
export class MessageSender {
  constructor(
    private readonly dataSource: DataSource,
    private readonly rooms: RoomRepository,
    private readonly sessions: SessionRepository,
    private readonly participants: ParticipantRepository,
    private readonly messages: MessageRepository,
    private readonly access: RoomAccess,
    private readonly clock: Clock,
    private readonly events: ChatEvents,
  ) {}

  async send(actor: Actor, roomId: string, input: SendInput) {
    const context = await this.access.visible(actor, roomId);
    assertMessageBody(input.body);
    const earlier = await this.messages.findByClientId(roomId, actor.userId, input.clientId);
    if (earlier) return this.sameOrRefuse(earlier, input);

    await this.assertMaySpeak(actor, context, input.kind ?? 'message');
    const { room } = context;
    const sessionId = room.sessionId ?? room.liveSessionId;
    const html = renderMarkdown(input.body).html;
    // Everything but the numbered write happens before it, so concurrent senders queue only for that one statement.
    // A reply's target is an earlier message; if it is removed meanwhile, the reply shows it removed.
    if (input.replyToSeq && !(await this.messages.existsVisible(room.id, input.replyToSeq))) {
      throw badRequest(ErrorCode.ReplyTargetNotFound, `There is no message ${input.replyToSeq} to reply to here`);
    }
    const pseudonymNumber = room.anonymous ? await this.pseudonymOf(room.id, actor.userId) : null;
    // Speaking makes one a participant (the roster and balance count them); joining usually did already.
    const known = !room.parentId && context.participant !== null;
    if (!room.anonymous && !known) await this.participants.ensure(room.id, actor.userId);
    let message: MessageRecord;
    try {
      message = await this.messages.insertNumbered({
        roomId: room.id,
        sessionId,
        kind: input.kind ?? 'message',
        authorId: actor.userId,
        anonymous: room.anonymous,
        pseudonymNumber,
        clientId: input.clientId,
        source: input.body,
        html,
        rendererVersion: RENDERER_VERSION,
        replyToSeq: input.replyToSeq ?? null,
        createdAt: this.clock.now(),
      });
    } catch (error) {
      // The same client id raced in on another connection: the first one written wins, the other gets it back.
      if (!isUniqueViolation(error)) throw error;
      const winner = await this.messages.findByClientId(roomId, actor.userId, input.clientId);
      if (!winner) throw error;
      return this.sameOrRefuse(winner, input);
    }
    this.events.publish({ type: 'message.created', roomId: room.id, message: presentMessage(message) });
    return presentOwnMessage(message);
  }

  /** The speaker's pseudonym in this room: given once, the room's next number, under the room's row lock. */
  private async pseudonymOf(roomId: string, userId: string): Promise<number> {
    const known = await this.participants.find(roomId, userId);
    if (known?.pseudonymNumber) return known.pseudonymNumber;
    return this.dataSource.transaction(async (manager) => {
      const locked = await this.rooms.lockForMessage(roomId, manager);
      const pseudonym = await this.participants.pseudonymFor(roomId, userId, locked.pseudonymCount + 1, manager);
      if (pseudonym.created) await this.rooms.recordPseudonymCount(roomId, locked.pseudonymCount + 1, manager);
      return pseudonym.number;
    });
  }

  private sameOrRefuse(earlier: MessageRecord, input: SendInput) {
    if (earlier.source !== input.body || earlier.kind !== (input.kind ?? 'message')) {
      throw new DomainError(ErrorCode.ClientIdReused, 409, 'This client id was already used for a different message');
    }
    return presentOwnMessage(earlier);
  }

  /** Agreements, room state, mutes, slow mode and stage, in the order a participant would want to hear them. */
  private async assertMaySpeak(actor: Actor, context: RoomContext, kind: 'message' | 'check_in'): Promise<void> {
    const { room, participant, isFacilitator } = context;
    const now = this.clock.now();
    if (room.state === 'closed' || room.state === 'archived') throw new DomainError(ErrorCode.RoomClosed, 403, 'This room is closed');
    if (isFacilitator) return;
    const mainId = room.parentId ?? room.id;
    const session = room.liveSessionId ? await this.sessions.findById(room.liveSessionId) : null;
    if (room.agreementVersion) {
      const accepted = await this.participants.acceptedVersion(mainId, actor.userId, null);
      if (accepted !== room.agreementVersion) {
        throw new DomainError(ErrorCode.AgreementNotAccepted, 403, 'Accept the room’s current agreements first');
      }
      // Past the agreements stage of a session, everyone has re-affirmed them for this session.
      if (session && !['check_in', 'agreements'].includes(session.stage)) {
        const reaffirmed = await this.participants.acceptedVersion(mainId, actor.userId, session.id);
        if (reaffirmed !== room.agreementVersion) {
          throw new DomainError(ErrorCode.AgreementNotAccepted, 403, 'Re-affirm the agreements for this session first');
        }
      }
    }
    if (room.state === 'paused') throw new DomainError(ErrorCode.RoomPaused, 403, 'A facilitator has paused the room; you can read, not write');
    if (ChatPolicy.isMuted(participant, now)) {
      throw new DomainError(ErrorCode.Muted, 403, `A facilitator muted you here until ${participant!.mutedUntil!.toISOString()}`);
    }
    if (kind === 'check_in' && session?.stage !== 'check_in') {
      throw badRequest(ErrorCode.ValidationFailed, 'Check-in answers are taken during the check-in stage only');
    }
    if (room.state === 'slow' && room.slowModeSeconds) {
      const last = await this.messages.lastMessageAt(room.id, actor.userId);
      const waitSeconds = last ? Math.ceil((new Date(last).getTime() + room.slowModeSeconds * 1000 - now.getTime()) / 1000) : 0;
      if (waitSeconds > 0) {
        throw retryLater(ErrorCode.SlowModeActive, `Slow mode: one message every ${room.slowModeSeconds} seconds`, waitSeconds);
      }
    }
  }
}
