import { Injectable } from '@nestjs/common';
import { badRequest, Clock, conflict, DomainError, ErrorCode, forbidden, notFound } from '@app/core';
import { AuditedWrite, ScopeOwner, type Actor } from '@app/identity';
import { presentMessage } from '../presenters';
import { ChatFlagRepository, MessageRepository, type ChatFlagKind, type ChatFlagRecord } from '../repositories';
import { ChatEvents } from './chat-events';
import { RoomAccess, type RoomContext } from './room-access.service';

/**
 * Flags and harm reports on room messages, routed as in the forum: the room's facilitators review every flag;
 * the lead of the room's school also reviews harm reports (and may dismiss them). The reporter sees their
 * report's status; the reported person never learns who reported them.
 */
@Injectable()
export class ChatFlagService {
  constructor(
    private readonly flags: ChatFlagRepository,
    private readonly messages: MessageRepository,
    private readonly access: RoomAccess,
    private readonly scopes: ScopeOwner,
    private readonly audited: AuditedWrite,
    private readonly clock: Clock,
    private readonly events: ChatEvents,
  ) {}

  async flag(actor: Actor, messageId: string, input: { kind: ChatFlagKind; note?: string }) {
    const message = await this.messages.findById(messageId);
    if (!message) throw notFound();
    await this.access.visible(actor, message.roomId);
    if (message.authorId === actor.userId) throw badRequest(ErrorCode.ValidationFailed, 'You cannot flag your own message');
    if (message.kind === 'system') throw badRequest(ErrorCode.ValidationFailed, 'Facilitation notes cannot be flagged');
    const created = await this.flags.create(message.id, actor.userId, input.kind, input.note?.trim() || null);
    if (!created) throw conflict(ErrorCode.AlreadyFlagged, 'You already flagged this message; facilitators are looking at it');
    return { id: created.id, kind: input.kind, status: 'received' as const, createdAt: new Date(created.createdAt).toISOString() };
  }

  /** Whether the actor leads the school the room belongs to (school-scoped rooms only). */
  private async leadsRoomSchool(actor: Actor, context: RoomContext): Promise<boolean> {
    if (!actor.schoolLead || context.room.scopeKey === 'consortium') return false;
    try {
      return (await this.scopes.schoolOf(actor, context.room.scopeKey)) === actor.institutionId;
    } catch {
      return false;
    }
  }

  private async reviewer(actor: Actor, roomId: string): Promise<{ context: RoomContext; harmOnly: boolean }> {
    const context = await this.access.visible(actor, roomId);
    if (context.isFacilitator) return { context, harmOnly: false };
    if (await this.leadsRoomSchool(actor, context)) return { context, harmOnly: true };
    throw new DomainError(ErrorCode.FacilitatorsOnly, 403, 'Only this room’s reviewers see its flags');
  }

  async list(actor: Actor, roomId: string) {
    const { context, harmOnly } = await this.reviewer(actor, roomId);
    const open = (await this.flags.openInRoom(context.room.parentId ?? context.room.id)).filter(
      (f) => (!harmOnly || f.kind === 'harm') && f.reporterId !== actor.userId,
    );
    const items = [];
    for (const flag of open) {
      const message = await this.messages.findById(flag.messageId);
      // Flags on the reviewer's own messages go to the other reviewers only.
      if (!message || message.authorId === actor.userId) continue;
      items.push({ ...this.present(flag), message: presentMessage(message), reporter: { id: flag.reporterId, displayName: flag.reporterName } });
    }
    return { items };
  }

  async resolve(actor: Actor, roomId: string, flagId: string, input: { action: 'dismiss' | 'remove'; reason?: string }) {
    const { context, harmOnly } = await this.reviewer(actor, roomId);
    const flag = await this.flags.findById(flagId);
    const message = flag ? await this.messages.findById(flag.messageId) : null;
    if (!flag || !message || flag.mainRoomId !== (context.room.parentId ?? context.room.id) || (harmOnly && flag.kind !== 'harm') || message.authorId === actor.userId) {
      throw notFound();
    }
    if (flag.status !== 'received') throw conflict(ErrorCode.Conflict, 'This flag was already resolved');
    if (input.action === 'remove' && harmOnly) throw forbidden('Removing a message is for the room’s facilitators');
    if (input.action === 'remove' && !input.reason?.trim()) throw badRequest(ErrorCode.ValidationFailed, 'Give a reason; it shows in place of the message');
    const now = this.clock.now();
    await this.audited.run(
      async (manager) => {
        if (input.action === 'dismiss') return this.flags.resolve(flag.id, 'reviewed', actor.userId, now, manager);
        await this.messages.setStatus(message.id, 'removed', input.reason!.trim(), manager);
        await this.flags.resolveAllOn(message.id, actor.userId, now, manager);
      },
      () => ({ actorId: actor.userId, action: 'chat.flag.resolve', targetType: 'chat_message_flag', targetId: flag.id, data: { action: input.action } }),
    );
    if (input.action === 'remove') {
      const updated = (await this.messages.findById(message.id))!;
      this.events.publish({ type: 'message.updated', roomId: updated.roomId, message: presentMessage(updated) });
    }
    return { id: flag.id, action: input.action, status: input.action === 'dismiss' ? 'reviewed' : 'action_taken' };
  }

  async mine(actor: Actor) {
    return { items: (await this.flags.byReporter(actor.userId)).map((f) => ({ ...this.present(f), roomId: f.mainRoomId })) };
  }

  private present(flag: ChatFlagRecord) {
    return {
      id: flag.id,
      kind: flag.kind,
      note: flag.note,
      status: flag.status,
      messageId: flag.messageId,
      createdAt: new Date(flag.createdAt).toISOString(),
      resolvedAt: flag.resolvedAt ? new Date(flag.resolvedAt).toISOString() : null,
    };
  }
}
