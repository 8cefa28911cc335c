import type { ReactionKind } from '../../lib/forum-types';
import type { RoomState, Stage } from './chat-types';

/** A session's stages in the order they usually run; facilitators may move in any order. */
export const STAGES: { stage: Stage; label: string }[] = [
  { stage: 'check_in', label: 'Check-in' },
  { stage: 'agreements', label: 'Agreements' },
  { stage: 'framing', label: 'Framing' },
  { stage: 'breakouts', label: 'Breakouts' },
  { stage: 'report_out', label: 'Report-out' },
  { stage: 'closed', label: 'Closed' },
];

export const stageLabel = (stage: Stage) => STAGES.find((s) => s.stage === stage)?.label ?? stage;

export const ROOM_STATES: { state: RoomState; label: string }[] = [
  { state: 'open', label: 'Open' },
  { state: 'slow', label: 'Slow mode' },
  { state: 'paused', label: 'Paused (read-only)' },
  { state: 'closed', label: 'Closed' },
  { state: 'archived', label: 'Archived' },
];

export const roomStateLabel = (state: RoomState) => ROOM_STATES.find((s) => s.state === state)?.label ?? state;

export const CHAT_REACTIONS: { kind: ReactionKind; label: string; symbol: string }[] = [
  { kind: 'heart', label: 'Heart', symbol: '♥' },
  { kind: 'thanks', label: 'Thanks', symbol: '🙏' },
  { kind: 'insightful', label: 'Insightful', symbol: '💡' },
  { kind: 'support', label: 'Support', symbol: '🤝' },
  { kind: 'agree', label: 'Agree', symbol: '✓' },
];

export { reportKindLabel as chatFlagLabel } from '../../components/report-form';

/** Words for the socket's refusal codes, where the server's own message would not say what to do next. */
export function sendRefusal(code: string, message: string, retryAfter?: number): string {
  switch (code) {
    case 'ROOM_PAUSED':
      return 'A facilitator has paused the room. You can read, but not write, until it reopens.';
    case 'ROOM_CLOSED':
      return 'This room is closed.';
    case 'SLOW_MODE_ACTIVE':
      return retryAfter ? `Slow mode is on. You can send again in ${retryAfter} second${retryAfter === 1 ? '' : 's'}.` : message;
    case 'MESSAGE_TOO_LONG':
      return 'The message is longer than 4 KB. Shorten it or split it in two.';
    default:
      return message;
  }
}

/** "4:05" for a countdown. */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/** Bytes as the server counts them (UTF-8), for the 4 KB limit. */
export const byteLength = (text: string) => new TextEncoder().encode(text).length;
export const MAX_MESSAGE_BYTES = 4 * 1024;

/**
 * A client id for one message: sent again unchanged when a send must be retried, so the server writes it once.
 * `crypto.randomUUID` exists only in secure contexts; elsewhere random bytes make an id of the same alphabet.
 */
export function newClientId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

const timeFormat = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });
const dayTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** A message's time: the clock time for today's messages (a live room), the date too for older ones. */
export function messageTime(iso: string, now = new Date()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toDateString() === now.toDateString() ? timeFormat.format(date) : dayTimeFormat.format(date);
}
