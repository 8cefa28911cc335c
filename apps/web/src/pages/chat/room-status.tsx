import { useEffect, useState } from 'preact/hooks';
import { formatDate } from '../../lib/labels';
import { formatCountdown, STAGES } from './chat-labels';
import type { Message, Room, Session } from './chat-types';
import { MessageBody, messageAnchor } from './message-item';
import type { Presence } from './use-room-feed';

/** What the room's state means for the reader, said where they will see it before they try to write. */
export function StateBanner({ room }: { room: Room }) {
  const muted = room.mutedUntil && new Date(room.mutedUntil).getTime() > Date.now() ? room.mutedUntil : null;
  return (
    <div role="status" class="live-slot chat-state">
      {room.state === 'slow' && (
        <p class="notice notice-info">
          <strong>Slow mode.</strong> Everyone can send one message every {room.slowModeSeconds ?? 0} seconds, so each voice has
          room.
        </p>
      )}
      {room.state === 'paused' && (
        <p class="notice notice-info">
          <strong>Paused.</strong> A facilitator has paused the room: you can read, but not write, until it reopens.
          {room.isFacilitator && ' As a facilitator you can still write.'}
        </p>
      )}
      {room.state === 'closed' && (
        <p class="notice notice-info">
          <strong>Closed.</strong> This room is closed. The conversation stays here to read.
        </p>
      )}
      {room.state === 'archived' && (
        <p class="notice notice-info">
          <strong>Archived.</strong> This room is kept for reading only.
        </p>
      )}
      {muted && (
        <p class="notice notice-error">
          A facilitator has muted you in this room until {formatDate(muted, true)}. You can still read along.
        </p>
      )}
    </div>
  );
}

/** Ticks once a second while a timer runs. */
function useNow(active: boolean): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (!active) return;
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [active]);
  return now;
}

/** The session's stages, the current one marked, with the time left when a facilitator set a timer. */
export function StageBar({ session }: { session: Session }) {
  const ends = session.timerEndsAt ? new Date(session.timerEndsAt).getTime() : null;
  const now = useNow(ends !== null);
  const left = ends !== null ? ends - now : null;
  return (
    <nav class="chat-stages" aria-label={`Session ${session.number} stages`}>
      <ol class="chat-stage-list">
        {STAGES.map((s) => (
          <li
            key={s.stage}
            class={s.stage === session.stage ? 'chat-stage chat-stage-current' : 'chat-stage'}
            aria-current={s.stage === session.stage ? 'step' : undefined}
          >
            {s.label}
          </li>
        ))}
      </ol>
      {left !== null && (
        <p class="chat-timer">
          {left > 0 ? (
            <>
              Time left in this stage:{' '}
              <span role="timer" aria-live="off" class="chat-countdown">
                {formatCountdown(left)}
              </span>
            </>
          ) : (
            'Time is up for this stage.'
          )}
        </p>
      )}
    </nav>
  );
}

/** Who is here: names in a named room, only a number in an anonymous one; and who is typing. */
export function PresenceLine({
  presence,
  typing,
  anonymous,
}: {
  presence: Presence | null;
  typing: string[];
  anonymous: boolean;
}) {
  const count = presence?.count ?? 0;
  return (
    <div class="chat-presence">
      <p class="muted">
        {presence ? `${count} ${count === 1 ? 'person' : 'people'} here` : 'Connecting…'}
        {!anonymous && presence?.people?.length ? `: ${presence.people.join(', ')}` : ''}
      </p>
      {/* Not a live region: announcing every burst of typing would drown out the messages themselves. */}
      <p class="muted chat-typing">
        {typing.length === 1 ? `${typing[0]} is typing…` : typing.length > 1 ? `${typing.join(', ')} are typing…` : ''}
      </p>
    </div>
  );
}

/** What facilitators pinned (a framing definition, a guiding question), above the conversation. */
export function PinnedMessages({ messages }: { messages: Message[] }) {
  const pinned = messages.filter((m) => m.pinned && m.status === 'visible');
  if (!pinned.length) return null;
  return (
    <section class="chat-pinned-area" aria-labelledby={`pinned-${pinned[0].roomId}`}>
      <h2 id={`pinned-${pinned[0].roomId}`} class="list-label">
        Pinned
      </h2>
      <ul class="plain-list">
        {pinned.map((m) => (
          <li key={m.seq} class="chat-pinned-item">
            <MessageBody message={m} />
            <a class="muted" href={`#${messageAnchor(m.roomId, m.seq)}`}>
              Go to message #{m.seq}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
