import { Injectable } from '@nestjs/common';
import { badRequest, Clock, conflict, DomainError, ErrorCode, forbidden, notFound } from '@app/core';
import { AuditedWrite, type Actor } from '@app/identity';
import { presentRevealedAuthor } from '@app/forum';
import { renderMarkdown, RENDERER_VERSION } from '@app/markdown';
import { DataSource } from 'typeorm';
import { presentMessage, presentMessageFor, presentOwnMessage } from '../presenters';
import { CHAT_REACTIONS, MessageRepository, type ChatReaction, type MessageRecord } from '../repositories';
import { ChatEvents } from './chat-events';
import { RoomAccess, type RoomContext } from './room-access.service';
import { assertMessageBody } from './message-sender.service';

/** How long an author may still edit or delete their message. */
export const EDIT_WINDOW_MS = 15 * 60 * 1000;
const HISTORY_LIMIT = 500;

/** Reading a room's messages, and everything done to a message after it was sent. */
@Injectable()
export class MessageService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly messages: MessageRepository,
    private readonly access: RoomAccess,
    private readonly audited: AuditedWrite,
    private readonly clock: Clock,
    private readonly events: ChatEvents,
  ) {}

  /** What came after `afterSeq`, oldest first: a resuming client gets exactly what it missed. */
  async history(actor: Actor, roomId: string, afterSeq = 0, limit = HISTORY_LIMIT) {
    const { room } = await this.access.visible(actor, roomId);
    const rows = await this.messages.after(room.id, afterSeq, Math.min(limit, HISTORY_LIMIT) + 1);
    const items = rows.slice(0, Math.min(limit, HISTORY_LIMIT));
    const given = await this.messages.myReactions(
      items.map((m) => m.id),
      actor.userId,
    );
    const reactionsOf = new Map<string, ChatReaction[]>();
    for (const { messageId, kind } of given) reactionsOf.set(messageId, [...(reactionsOf.get(messageId) ?? []), kind]);
    return {
      items: items.map((m) => presentMessageFor(actor.userId, m, reactionsOf.get(m.id) ?? [])),
      lastSeq: room.lastSeq,
      hasMore: rows.length > items.length,
    };
  }

  private async messageIn(actor: Actor, messageId: string): Promise<{ message: MessageRecord; context: RoomContext }> {
    const message = await this.messages.findById(messageId);
    if (!message) throw notFound();
    const context = await this.access.visible(actor, message.roomId);
    return { message, context };
  }

  private assertOwnAndRecent(actor: Actor, message: MessageRecord): void {
    if (message.authorId !== actor.userId || message.kind === 'system') throw forbidden('Only the author changes a message');
    if (message.status !== 'visible') throw forbidden('This message can no longer be changed');
    if (this.clock.now().getTime() - new Date(message.createdAt).getTime() > EDIT_WINDOW_MS) {
      throw new DomainError(ErrorCode.EditWindowPassed, 403, 'Messages can be changed for 15 minutes after sending');
    }
  }

  private async publishUpdated(messageId: string) {
    const updated = (await this.messages.findById(messageId))!;
    this.events.publish({ type: 'message.updated', roomId: updated.roomId, message: presentMessage(updated) });
    return updated;
  }

  async edit(actor: Actor, messageId: string, body: string) {
    const { message, context } = await this.messageIn(actor, messageId);
    this.assertOwnAndRecent(actor, message);
    if (context.room.state === 'closed' || context.room.state === 'archived') throw new DomainError(ErrorCode.RoomClosed, 403, 'This room is closed');
    assertMessageBody(body);
    if (body !== message.source) {
      const html = renderMarkdown(body).html;
      await this.dataSource.transaction((manager) => this.messages.edit(message.id, body, html, RENDERER_VERSION, this.clock.now(), manager));
    }
    return presentOwnMessage(await this.publishUpdated(message.id));
  }

  async delete(actor: Actor, messageId: string): Promise<void> {
    const { message } = await this.messageIn(actor, messageId);
    this.assertOwnAndRecent(actor, message);
    await this.messages.setStatus(message.id, 'deleted', null);
    await this.publishUpdated(message.id);
  }

  /** Edit history: the room's facilitators only (authors know what they wrote). */
  async revisions(actor: Actor, messageId: string) {
    const { message, context } = await this.messageIn(actor, messageId);
    if (!context.isFacilitator) throw new DomainError(ErrorCode.FacilitatorsOnly, 403, 'Only facilitators see edit history');
    const revisions = await this.messages.revisions(message.id);
    return { items: revisions.map((r) => ({ source: r.source, replacedAt: new Date(r.replacedAt).toISOString() })), current: message.source };
  }

  async remove(actor: Actor, messageId: string, reason: string) {
    const { message, context } = await this.messageIn(actor, messageId);
    if (!context.isFacilitator) throw new DomainError(ErrorCode.FacilitatorsOnly, 403, 'Only facilitators remove messages');
    await this.audited.run(
      (manager) => this.messages.setStatus(message.id, 'removed', reason.trim(), manager),
      () => ({ actorId: actor.userId, action: 'chat.message.remove', targetType: 'chat_message', targetId: message.id, data: { reason } }),
    );
    return presentMessage(await this.publishUpdated(message.id));
  }

  async pin(actor: Actor, messageId: string, pinned: boolean) {
    const { message, context } = await this.messageIn(actor, messageId);
    if (!context.isFacilitator) throw new DomainError(ErrorCode.FacilitatorsOnly, 403, 'Only facilitators pin messages');
    if (pinned && message.status !== 'visible') throw badRequest(ErrorCode.ValidationFailed, 'Only a visible message can be pinned');
    await this.messages.setPinned(message.id, pinned);
    return presentMessage(await this.publishUpdated(message.id));
  }

  async pinned(actor: Actor, roomId: string) {
    const { room } = await this.access.visible(actor, roomId);
    return { items: (await this.messages.pinned(room.id)).map(presentMessage) };
  }

  async react(actor: Actor, messageId: string, kind: ChatReaction) {
    const { message, context } = await this.messageIn(actor, messageId);
    if (message.status !== 'visible' || message.kind === 'system') throw badRequest(ErrorCode.ValidationFailed, 'This message takes no reactions');
    if (context.room.state === 'closed' || context.room.state === 'archived') throw new DomainError(ErrorCode.RoomClosed, 403, 'This room is closed');
    if (!(await this.messages.react(message.id, actor.userId, kind))) throw conflict(ErrorCode.AlreadyReacted, 'You already reacted so');
    return presentMessage(await this.publishUpdated(message.id));
  }

  async unreact(actor: Actor, messageId: string, kind: ChatReaction) {
    if (!CHAT_REACTIONS.includes(kind)) throw badRequest(ErrorCode.ValidationFailed, `A reaction is one of: ${CHAT_REACTIONS.join(', ')}`);
    const { message } = await this.messageIn(actor, messageId);
    await this.messages.unreact(message.id, actor.userId, kind);
    return presentMessage(await this.publishUpdated(message.id));
  }

  /** Counts, plus who reacted, except in anonymous rooms: there a list of names beside pseudonyms could tie them. */
  async reactions(actor: Actor, messageId: string) {
    const { message, context } = await this.messageIn(actor, messageId);
    if (context.room.anonymous) return { counts: message.reactions, people: null };
    const people = await this.messages.reactors(message.id);
    return { counts: message.reactions, people: people.map((p) => ({ kind: p.kind, id: p.userId, displayName: p.displayName })) };
  }

  /** Who wrote an anonymous message: the room's facilitators only, with a reason, audited. */
  async reveal(actor: Actor, messageId: string, reason: string) {
    const { message, context } = await this.messageIn(actor, messageId);
    if (!context.isFacilitator) throw new DomainError(ErrorCode.FacilitatorsOnly, 403, 'Only facilitators reveal authors');
    if (!message.anonymous || !message.authorId) throw badRequest(ErrorCode.ValidationFailed, 'This message is not anonymous');
    await this.audited.run(
      async () => undefined,
      () => ({ actorId: actor.userId, action: 'chat.reveal', targetType: 'chat_message', targetId: message.id, data: { reason: reason.trim() } }),
    );
    return { author: presentRevealedAuthor({ id: message.authorId, displayName: message.authorName ?? '' }, message.pseudonymNumber) };
  }
}
