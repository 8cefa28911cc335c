import { isUuid } from '@app/core';
import { CHAT_REACTIONS, type ChatReaction, type SendInput } from '@app/chat';

/** Socket payloads arrive as anything at all: each is checked field by field before a service sees it. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const object = (body: unknown): body is Record<string, unknown> => typeof body === 'object' && body !== null && !Array.isArray(body);
const CLIENT_ID = /^[A-Za-z0-9_-]{1,64}$/;
// The 4 KB rule is the service's (with its own code); this stops absurd frames before any work.
const BODY_CAP = 20_000;

export function parseRoomRef(body: unknown): Parsed<{ roomId: string; afterSeq: number }> {
  if (!object(body) || !isUuid(body.roomId)) return { ok: false, message: 'Send { roomId: <uuid> }' };
  const afterSeq = body.afterSeq ?? 0;
  if (typeof afterSeq !== 'number' || !Number.isInteger(afterSeq) || afterSeq < 0) return { ok: false, message: 'afterSeq is a whole number ≥ 0' };
  return { ok: true, value: { roomId: body.roomId, afterSeq } };
}

export function parseSend(body: unknown): Parsed<{ roomId: string } & SendInput> {
  if (!object(body) || !isUuid(body.roomId)) return { ok: false, message: 'Send { roomId, clientId, body }' };
  if (typeof body.clientId !== 'string' || !CLIENT_ID.test(body.clientId)) return { ok: false, message: 'clientId: 1–64 letters, digits, - or _' };
  if (typeof body.body !== 'string' || body.body.length > BODY_CAP) return { ok: false, message: 'body: Markdown text' };
  const replyToSeq = body.replyToSeq ?? null;
  if (replyToSeq !== null && (typeof replyToSeq !== 'number' || !Number.isInteger(replyToSeq) || replyToSeq < 1)) {
    return { ok: false, message: 'replyToSeq: a message number' };
  }
  const kind = body.kind ?? 'message';
  if (kind !== 'message' && kind !== 'check_in') return { ok: false, message: 'kind: message or check_in' };
  return { ok: true, value: { roomId: body.roomId, clientId: body.clientId, body: body.body, replyToSeq: replyToSeq as number | null, kind } };
}

export function parseReaction(body: unknown): Parsed<{ messageId: string; kind: ChatReaction }> {
  if (!object(body) || !isUuid(body.messageId)) return { ok: false, message: 'Send { messageId, kind }' };
  if (!CHAT_REACTIONS.includes(body.kind as ChatReaction)) return { ok: false, message: `kind: one of ${CHAT_REACTIONS.join(', ')}` };
  return { ok: true, value: { messageId: body.messageId, kind: body.kind as ChatReaction } };
}
