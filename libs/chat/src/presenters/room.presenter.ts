import type { RoomRecord, SessionRecord } from '../repositories';

export function presentSession(session: SessionRecord | null) {
  if (!session) return null;
  return {
    id: session.id,
    number: session.number,
    stage: session.stage,
    stageChangedAt: new Date(session.stageChangedAt).toISOString(),
    timerEndsAt: session.timerEndsAt ? new Date(session.timerEndsAt).toISOString() : null,
    checkInPrompt: session.checkInPrompt,
    startedAt: new Date(session.startedAt).toISOString(),
    endedAt: session.endedAt ? new Date(session.endedAt).toISOString() : null,
  };
}

/** A room as its reader sees it; `viewer` says what only this person needs (their role, their acceptance). */
export function presentRoom(
  room: RoomRecord,
  viewer: {
    isFacilitator: boolean;
    acceptedAgreementVersion: number | null;
    /** During a live session in a room with agreements: whether the reader re-affirmed them at this session's check-in. */
    reaffirmedThisSession: boolean | null;
    mutedUntil: Date | null;
    /** The reader's own pseudonym in an anonymous room, once they have one; shown only to them. */
    pseudonymNumber: number | null;
  },
  session: SessionRecord | null = null,
) {
  const iso = (date: Date | null) => (date ? new Date(date).toISOString() : null);
  return {
    id: room.id,
    title: room.title,
    scope: room.scopeKey,
    parentId: room.parentId,
    guidingQuestion: room.guidingQuestion,
    spaceId: room.spaceId,
    anonymous: room.anonymous,
    retentionDays: room.retentionDays,
    startsAt: iso(room.startsAt),
    endsAt: iso(room.endsAt),
    state: room.state,
    slowModeSeconds: room.slowModeSeconds,
    lastSeq: room.lastSeq,
    agreementVersion: room.agreementVersion,
    acceptedAgreementVersion: viewer.acceptedAgreementVersion,
    reaffirmedThisSession: viewer.reaffirmedThisSession,
    isFacilitator: viewer.isFacilitator,
    mutedUntil: iso(viewer.mutedUntil),
    myPseudonymNumber: viewer.pseudonymNumber,
    session: presentSession(session),
    createdAt: iso(room.createdAt),
  };
}

export type RoomView = ReturnType<typeof presentRoom>;
