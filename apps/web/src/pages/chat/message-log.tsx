import { useLayoutEffect, useRef } from 'preact/hooks';
import type { Message, Session } from './chat-types';
import { MessageBody, MessageItem, messageAnchor, type MessageContext } from './message-item';
import type { PendingMessage, RoomFeed } from './use-room-feed';

type Entry = { type: 'message'; message: Message } | { type: 'check_in'; session: Session | null; answers: Message[] };

/** The session a message was written in: the last one started at or before it. */
function sessionAt(sessions: Session[], createdAt: string): Session | null {
  const at = new Date(createdAt).getTime();
  let found: Session | null = null;
  for (const s of sessions) if (new Date(s.startedAt).getTime() <= at) found = s;
  return found;
}

/** Check-in answers are read together: each session's answers become one entry, where its first answer was. */
export function logEntries(messages: Message[], sessions: Session[]): Entry[] {
  const sorted = [...sessions].sort((a, b) => a.number - b.number);
  const groups = new Map<string, Entry & { type: 'check_in' }>();
  const entries: Entry[] = [];
  for (const message of messages) {
    if (message.kind !== 'check_in') {
      entries.push({ type: 'message', message });
      continue;
    }
    const session = sessionAt(sorted, message.createdAt);
    const key = session?.id ?? 'none';
    const group = groups.get(key);
    if (group) group.answers.push(message);
    else {
      const created: Entry & { type: 'check_in' } = { type: 'check_in', session, answers: [message] };
      groups.set(key, created);
      entries.push(created);
    }
  }
  return entries;
}

function CheckInGroup({ entry, context }: { entry: Entry & { type: 'check_in' }; context: MessageContext }) {
  const title = entry.session ? `Check-in, session ${entry.session.number}` : 'Check-in';
  return (
    <section class="chat-checkin-group" aria-label={title}>
      <h3 class="chat-checkin-title">{title}</h3>
      {entry.session?.checkInPrompt && <p class="muted chat-checkin-prompt">{entry.session.checkInPrompt}</p>}
      <ul class="chat-checkin-answers">
        {entry.answers.map((answer) => (
          <li key={answer.seq} id={messageAnchor(answer.roomId, answer.seq)} tabIndex={-1}>
            <span class="chat-author">
              {answer.author.displayName}
              {context.feed.isMine(answer, context.meId) && <span class="chat-you"> (you)</span>}
            </span>
            <MessageBody message={answer} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function PendingItem({ p, feed }: { p: PendingMessage; feed: RoomFeed }) {
  return (
    <article
      class="chat-message chat-pending chat-mine"
      aria-label={p.state === 'failed' ? 'Message not sent yet' : 'Message being sent'}
    >
      <p class="chat-pending-body prewrap">{p.body}</p>
      {p.state === 'sending' ? (
        <p class="muted chat-meta">Sending…</p>
      ) : (
        <div class="chat-actions">
          <span class="chat-not-sent">Not sent yet: the connection dropped. It goes again when the connection is back.</span>
          <button type="button" class="button button-small" onClick={() => feed.retry(p.clientId)}>
            Try again now
          </button>
          <button type="button" class="button button-small button-secondary" onClick={() => feed.discard(p.clientId)}>
            Discard
          </button>
        </div>
      )}
    </article>
  );
}

interface MessageLogProps {
  label: string;
  feed: RoomFeed;
  sessions: Session[];
  context: MessageContext;
}

/**
 * The messages, as a log: assistive technology reads out what is added, politely. The view follows new
 * messages while the reader is at the bottom, and stays put while they scroll back through earlier ones.
 */
export function MessageLog({ label, feed, sessions, context }: MessageLogProps) {
  const box = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  const entries = logEntries(feed.messages, sessions);

  const onScroll = () => {
    const el = box.current;
    if (el) atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < 48;
  };
  useLayoutEffect(() => {
    const el = box.current;
    if (el && atBottom.current) el.scrollTop = el.scrollHeight;
  }, [feed.messages, feed.pending]);

  return (
    <div
      ref={box}
      class="chat-log"
      role="log"
      aria-live="polite"
      aria-label={label}
      tabIndex={0}
      onScroll={onScroll}
      aria-busy={feed.status === 'joining' ? 'true' : 'false'}
    >
      {feed.status !== 'joining' && !entries.length && !feed.pending.length && <p class="muted chat-empty">No messages yet.</p>}
      <ol class="chat-list">
        {entries.map((entry) =>
          entry.type === 'message' ? (
            <li key={`m${entry.message.seq}`}>
              <MessageItem message={entry.message} context={context} />
            </li>
          ) : (
            <li key={`c${entry.session?.id ?? 'none'}`}>
              <CheckInGroup entry={entry} context={context} />
            </li>
          ),
        )}
        {feed.pending.map((p) => (
          <li key={`p${p.clientId}`}>
            <PendingItem p={p} feed={feed} />
          </li>
        ))}
      </ol>
    </div>
  );
}
