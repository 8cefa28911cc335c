import { presentAuthor } from '@app/forum';
import type { ChatReaction, MessageRecord } from '../repositories';

/**
 * A message as every member of the room may see it: room events carry exactly this. The author of an anonymous
 * message is their room pseudonym for everyone, facilitators included (they reveal with a reason). Removed
 * and deleted messages keep their place in the sequence, without their text.
 */
export function presentMessage(message: MessageRecord) {
  const system = message.kind === 'system';
  return {
    id: message.id,
    roomId: message.roomId,
    seq: message.seq,
    kind: message.kind,
    author:
      message.authorId === null
        ? { displayName: 'Former participant', anonymous: false }
        : presentAuthor(
            { id: message.authorId, displayName: message.authorName ?? 'Former participant' },
            { anonymous: message.anonymous && !system, pseudonymNumber: message.pseudonymNumber },
          ),
    html: message.status === 'visible' ? message.html : null,
    status: message.status,
    removedReason: message.status === 'removed' ? message.removedReason : null,
    replyToSeq: message.replyToSeq,
    pinned: message.pinned,
    edited: message.editedAt !== null,
    createdAt: new Date(message.createdAt).toISOString(),
    reactions: message.reactions,
  };
}

export type MessageView = ReturnType<typeof presentMessage>;

/** The sender's own copy adds what only they should hold: their client id (so a resend can be matched). */
export function presentOwnMessage(message: MessageRecord) {
  return { ...presentMessage(message), clientId: message.clientId, mine: true };
}

/**
 * A message fetched by one reader (history, not room events): whether it is theirs and which reactions they gave.
 * Their own messages also carry the client id and the Markdown source, so an edit can start after a reload; a
 * message removed or deleted keeps its source to itself.
 */
export function presentMessageFor(readerId: string, message: MessageRecord, myReactions: readonly ChatReaction[]) {
  if (message.authorId !== readerId || message.kind === 'system') return { ...presentMessage(message), mine: false, myReactions };
  return {
    ...presentOwnMessage(message),
    source: message.status === 'visible' ? message.source : null,
    myReactions,
  };
}
