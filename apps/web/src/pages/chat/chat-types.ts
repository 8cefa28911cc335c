// Chats for Change shapes from docs/api.md ("Chats for Change (live dialogue rooms)") and the server's presenters.
import type { Author, ReactionKind } from '../../lib/forum-types';

export type RoomState = 'open' | 'slow' | 'paused' | 'closed' | 'archived';
export type Stage = 'check_in' | 'agreements' | 'framing' | 'breakouts' | 'report_out' | 'closed';
export type MessageKind = 'message' | 'check_in' | 'system';
export type ChatFlagKind = 'spam' | 'off_topic' | 'harm';

export interface Session {
  id: string;
  number: number;
  stage: Stage;
  stageChangedAt: string;
  timerEndsAt: string | null;
  checkInPrompt: string | null;
  startedAt: string;
  endedAt: string | null;
}

export interface Room {
  id: string;
  title: string;
  scope: string;
  parentId: string | null;
  guidingQuestion: string | null;
  spaceId: string | null;
  anonymous: boolean;
  retentionDays: number | null;
  startsAt: string | null;
  endsAt: string | null;
  state: RoomState;
  slowModeSeconds: number | null;
  lastSeq: number;
  agreementVersion: number | null;
  acceptedAgreementVersion: number | null;
  /** During a live session in a room with agreements: whether the reader re-affirmed them in this session. */
  reaffirmedThisSession: boolean | null;
  isFacilitator: boolean;
  mutedUntil: string | null;
  /** An anonymous room: the reader's own pseudonym number, once they have spoken. */
  myPseudonymNumber: number | null;
  session: Session | null;
  createdAt: string;
}

export interface Message {
  id: string;
  roomId: string;
  seq: number;
  kind: MessageKind;
  author: Author;
  html: string | null;
  status: 'visible' | 'removed' | 'deleted';
  removedReason: string | null;
  replyToSeq: number | null;
  pinned: boolean;
  edited: boolean;
  createdAt: string;
  reactions: Partial<Record<ReactionKind, number>>;
  /** Only on the sender's own copy (the acknowledgement of a send or an edit) and in history. */
  clientId?: string;
  mine?: boolean;
  /** History only: the reader's own Markdown (their messages) and the reactions they gave. */
  source?: string | null;
  myReactions?: ReactionKind[];
}

export interface ChatAgreement {
  version: number;
  body: string;
  publishedAt: string;
}

export interface Breakout {
  id: string;
  title: string;
  guidingQuestion: string | null;
  mine: boolean;
  /** Facilitators only. */
  participants?: { userId: string; displayName: string }[];
}

export interface Participant {
  userId: string;
  displayName: string;
  pseudonym: string | null;
  mutedUntil: string | null;
  removed: boolean;
  joinedAt: string;
}

export interface ParticipationRow {
  userId: string;
  displayName: string;
  pseudonym: string | null;
  messages: number;
  characters: number;
  messageShare: number;
  characterShare: number;
}

export interface Participation {
  sessionId: string | null;
  items: ParticipationRow[];
  notYetSpoken: { userId: string; displayName: string; pseudonym: string | null }[];
}

export interface ChatFlag {
  id: string;
  kind: ChatFlagKind;
  note: string | null;
  status: string;
  message: Message;
  reporter: { id: string; displayName: string };
  createdAt: string;
}

/** A socket acknowledgement: `{ ok: true, … }` or the failure with the same codes as HTTP. */
export type Ack<T> = ({ ok: true } & T) | { ok: false; code: string; message: string; retryAfter?: number };
