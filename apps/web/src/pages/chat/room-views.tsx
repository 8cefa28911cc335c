import type { Socket } from 'socket.io-client';
import { useEffect, useRef, useState } from 'preact/hooks';
import { CheckInCard } from './check-in';
import type { Breakout, Message, Room, Session } from './chat-types';
import { Composer } from './composer';
import { MessageLog } from './message-log';
import type { MessageContext } from './message-item';
import { PinnedMessages, PresenceLine } from './room-status';
import type { RoomFeed } from './use-room-feed';

interface ConversationProps {
  room: Room;
  roomId: string;
  title: string;
  feed: RoomFeed;
  sessions: Session[];
  meId: string | undefined;
  socket: Socket | null;
  canWrite: boolean;
  composerLabel: string;
  onRefused: (code: string) => void;
}

function liveNote(feed: RoomFeed): string {
  if (feed.status === 'live') return 'Connected: new messages appear as they are sent.';
  if (feed.status === 'offline') return 'Reconnecting… Messages you send now go out when the connection is back.';
  return 'Connecting…';
}

/** A room's conversation: presence, pinned messages, the log and the composer. Used by the main room and breakouts. */
function Conversation({
  room,
  roomId,
  title,
  feed,
  sessions,
  meId,
  socket,
  canWrite,
  composerLabel,
  onRefused,
}: ConversationProps) {
  const [replyTo, setReplyTo] = useState<Message | null>(null);
  const context: MessageContext = {
    feed,
    meId,
    isFacilitator: room.isFacilitator,
    canWrite,
    roomClosed: room.state === 'closed' || room.state === 'archived',
    onReply: setReplyTo,
    bySeq: (seq) => feed.messages.find((m) => m.seq === seq),
  };
  return (
    <>
      <PresenceLine presence={feed.presence} typing={feed.typing} anonymous={room.anonymous} />
      <PinnedMessages messages={feed.messages} />
      <MessageLog label={`Messages in ${title}`} feed={feed} sessions={sessions} context={context} />
      <p class="muted live-state">{liveNote(feed)}</p>
      {canWrite ? (
        <Composer
          roomId={roomId}
          label={composerLabel}
          feed={feed}
          socket={socket}
          shareTyping={!room.anonymous}
          replyTo={replyTo}
          onCancelReply={() => setReplyTo(null)}
          onRefused={onRefused}
        />
      ) : (
        <p class="notice notice-info chat-read-only">
          {room.state === 'closed' || room.state === 'archived'
            ? 'This room is closed: read only.'
            : 'Read only for now: you cannot write here at the moment.'}
        </p>
      )}
    </>
  );
}

interface MainRoomProps extends Omit<ConversationProps, 'roomId' | 'title' | 'composerLabel'> {
  myBreakout: Breakout | null;
  onGoToBreakout: () => void;
}

export function MainRoomView(props: MainRoomProps) {
  const { room, feed, meId, canWrite, myBreakout, onGoToBreakout } = props;
  const session = room.session;
  return (
    <section class="chat-room-main" aria-labelledby={`main-${room.id}`}>
      <h2 id={`main-${room.id}`} class="visually-hidden" tabIndex={-1}>
        Main room
      </h2>
      {myBreakout && (
        <p class="notice notice-info">
          You are in <strong>{myBreakout.title}</strong>.{' '}
          <button type="button" class="button button-small" onClick={onGoToBreakout}>
            Go to your breakout
          </button>
        </p>
      )}
      {session?.stage === 'check_in' && (
        <CheckInCard session={session} feed={feed} meId={meId} canWrite={canWrite} onRefused={props.onRefused} />
      )}
      <Conversation {...props} roomId={room.id} title={room.title} composerLabel="Message" />
    </section>
  );
}

interface BreakoutViewProps extends Omit<ConversationProps, 'roomId' | 'title' | 'composerLabel' | 'sessions'> {
  breakout: Breakout;
  onBack: () => void;
}

/** A breakout: its guiding question and its own conversation, with the way back to the main room. */
export function BreakoutView(props: BreakoutViewProps) {
  const { breakout, onBack } = props;
  const heading = useRef<HTMLHeadingElement>(null);
  // Entering a breakout is a change of place: its heading takes focus, so it is announced.
  useEffect(() => heading.current?.focus(), [breakout.id]);
  return (
    <section class="chat-breakout" aria-labelledby={`breakout-${breakout.id}`}>
      <div class="panel-head">
        <h2 id={`breakout-${breakout.id}`} ref={heading} tabIndex={-1}>
          {breakout.title}
        </h2>
        <button type="button" class="button button-small button-secondary" onClick={onBack}>
          Back to the main room
        </button>
      </div>
      {breakout.guidingQuestion && (
        <p class="lead-text chat-guiding">
          <span class="muted">Guiding question:</span> {breakout.guidingQuestion}
        </p>
      )}
      <Conversation
        {...props}
        sessions={[]}
        roomId={breakout.id}
        title={breakout.title}
        composerLabel={`Message to ${breakout.title}`}
      />
    </section>
  );
}
