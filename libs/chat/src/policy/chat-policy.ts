import { AccessPolicy, type Actor, type ScopeKey } from '@app/identity';

/** The facts about a room that access decisions need. For a breakout, `facilitatorIds` are the main room's. */
export interface RoomAccessFacts {
  scopeKey: ScopeKey;
  parentId: string | null;
  facilitatorIds: string[];
}

/** The participant row of the actor in the room, when there is one. */
export interface ParticipantFacts {
  assigned: boolean;
  removedAt: Date | null;
  mutedUntil: Date | null;
}

/** Who may see, join, speak in and run a dialogue room. */
export const ChatPolicy = {
  isFacilitator(actor: Actor, room: Pick<RoomAccessFacts, 'facilitatorIds'>): boolean {
    return room.facilitatorIds.includes(actor.userId) || actor.platformRole === 'admin';
  },

  /**
   * A main room: everyone whose scopes include the room's. A breakout: only the people assigned to it and the
   * facilitators. Out of scope, the room does not exist (404).
   */
  canSee(actor: Actor, room: RoomAccessFacts, participant: ParticipantFacts | null): boolean {
    if (!AccessPolicy.canRead(actor, room.scopeKey)) return false;
    if (!room.parentId) return true;
    return ChatPolicy.isFacilitator(actor, room) || !!participant?.assigned;
  },

  /** Removed people stay out: joining again (or resuming) is refused, not quietly allowed. */
  isRemoved(participant: ParticipantFacts | null): boolean {
    return !!participant?.removedAt;
  },

  isMuted(participant: ParticipantFacts | null, now: Date): boolean {
    return !!participant?.mutedUntil && participant.mutedUntil.getTime() > now.getTime();
  },
};
