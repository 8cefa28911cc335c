import { Injectable } from '@nestjs/common';
import { badRequest, Clock, conflict, ErrorCode } from '@app/core';
import { isUniqueViolation } from '@app/database';
import { AuditedWrite, type Actor } from '@app/identity';
import { presentSession } from '../presenters';
import { RoomRepository, SessionRepository, type Stage } from '../repositories';
import { ChatEvents } from './chat-events';
import { RoomAccess } from './room-access.service';
import { SystemNotes } from './system-notes.service';

const STAGE_NAMES: Record<Stage, string> = {
  check_in: 'Check-in',
  agreements: 'Grounding assumptions',
  framing: 'Framing',
  breakouts: 'Breakouts',
  report_out: 'Report-out',
  closed: 'Closed',
};

/** A session's visible flow: facilitators start it and move it from stage to stage, each with an optional timer. */
@Injectable()
export class SessionService {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly rooms: RoomRepository,
    private readonly access: RoomAccess,
    private readonly audited: AuditedWrite,
    private readonly notes: SystemNotes,
    private readonly clock: Clock,
    private readonly events: ChatEvents,
  ) {}

  async start(actor: Actor, roomId: string, input: { checkInPrompt?: string; timerSeconds?: number }) {
    const { room } = await this.access.facilitated(actor, roomId);
    if (room.parentId) throw badRequest(ErrorCode.ValidationFailed, 'Sessions run in the main room');
    if (room.state === 'closed' || room.state === 'archived') throw conflict(ErrorCode.Conflict, 'Open the room before starting a session');
    const now = this.clock.now();
    const prompt = input.checkInPrompt?.trim() || 'One word for how you are arriving';
    let noteId: string;
    try {
      noteId = await this.audited.run(
        async (manager) => {
          const sessionId = await this.sessions.start(room.id, prompt, now, manager);
          if (input.timerSeconds) await this.sessions.setTimer(sessionId, new Date(now.getTime() + input.timerSeconds * 1000), manager);
          return this.notes.write(manager, { ...room, liveSessionId: sessionId }, actor, `Session started. **Check-in:** ${prompt}`);
        },
        () => ({ actorId: actor.userId, action: 'chat.session.start', targetType: 'chat_room', targetId: room.id, data: {} }),
      );
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict(ErrorCode.Conflict, 'A session is already running in this room');
      throw error;
    }
    await this.notes.announce(noteId);
    this.events.publish({ type: 'room.updated', roomId: room.id });
    return this.current(actor, room.id);
  }

  async current(actor: Actor, roomId: string) {
    const { room } = await this.access.visible(actor, roomId);
    return { session: presentSession(room.liveSessionId ? await this.sessions.findById(room.liveSessionId) : null) };
  }

  async list(actor: Actor, roomId: string) {
    const { room } = await this.access.visible(actor, roomId);
    return { items: (await this.sessions.list(room.parentId ?? room.id)).map(presentSession) };
  }

  /** Moves the live session to a stage (any order: facilitators know their session); `closed` ends it. */
  async setStage(actor: Actor, roomId: string, input: { stage: Stage; timerSeconds?: number | null; reason?: string }) {
    const { room } = await this.access.facilitated(actor, roomId);
    if (room.parentId || !room.liveSessionId) throw conflict(ErrorCode.Conflict, 'No session is running in this room');
    const sessionId = room.liveSessionId;
    const now = this.clock.now();
    const timerEndsAt = input.timerSeconds ? new Date(now.getTime() + input.timerSeconds * 1000) : null;
    const reason = input.reason?.trim();
    const closing = input.stage === 'breakouts' ? [] : (await this.rooms.breakouts(sessionId, true)).map((b) => b.id);
    const text = `**${STAGE_NAMES[input.stage]}**${input.timerSeconds ? ` (${Math.round(input.timerSeconds / 60) || 1} min)` : ''}${reason ? `: ${reason}` : ''}`;
    const noteId = await this.audited.run(
      async (manager) => {
        const id = await this.notes.write(manager, room, actor, text);
        await this.sessions.setStage(sessionId, input.stage, timerEndsAt, now, manager);
        // Report-out (or any other stage) brings everyone back to the main room.
        if (input.stage !== 'breakouts') await this.rooms.closeBreakouts(sessionId, manager);
        return id;
      },
      () => ({ actorId: actor.userId, action: 'chat.session.stage', targetType: 'chat_session', targetId: sessionId, data: { stage: input.stage } }),
    );
    await this.notes.announce(noteId);
    this.events.publish({ type: 'room.updated', roomId: room.id });
    if (closing.length) this.events.publish({ type: 'breakouts.changed', roomId: room.id, breakoutIds: closing });
    return { session: presentSession(await this.sessions.findById(sessionId)) };
  }
}
