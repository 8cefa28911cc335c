import { useEffect, useState } from 'preact/hooks';
import { FormStatus } from '../../components/form-status';
import { Loading } from '../../components/loading';
import { Page } from '../../components/page';
import { api, ApiError } from '../../lib/api';
import { useSession } from '../../lib/session';
import { useLoad } from '../../lib/use-load';
import { JoinAgreement, needsAgreement, ReaffirmAgreement } from './agreements';
import { useChatSocket, useSocketEvent } from './chat-socket';
import type { Breakout, Room, Session } from './chat-types';
import { FacilitatorPanel } from './facilitator-panel';
import { BreakoutView, MainRoomView } from './room-views';
import { StageBar, StateBanner } from './room-status';
import { useRoomFeed } from './use-room-feed';
import { RoomFacts } from './room-facts';

const enc = encodeURIComponent;
const NO_BREAKOUTS = { items: [] as Breakout[] };

/** A live dialogue room: agreements first, then the session's flow, the conversation, and breakouts. */
export function RoomPage({ id }: { id: string }) {
  const me = useSession().me ?? undefined;
  const room = useLoad(() => api.get<Room>(`/rooms/${enc(id)}`), [id]);
  const sessions = useLoad(() => api.get<{ items: Session[] }>(`/rooms/${enc(id)}/sessions`), [id]);
  const connection = useChatSocket();
  const r = room.data;
  const live = r?.session ?? null;
  const [removed, setRemoved] = useState(false);
  const [breakoutTick, setBreakoutTick] = useState(0);
  const [stayInMain, setStayInMain] = useState(false);
  const [visiting, setVisiting] = useState<string | null>(null);
  const [mustReaffirm, setMustReaffirm] = useState(false);
  const gated = !r || needsAgreement(r);

  const main = useRoomFeed(connection, id, !gated && !removed);
  const breakouts = useLoad(
    () => (live ? api.get<{ items: Breakout[] }>(`/rooms/${enc(id)}/breakouts`) : Promise.resolve(NO_BREAKOUTS)),
    [id, live?.id, live?.stage, breakoutTick],
  );
  const items = breakouts.data?.items ?? [];
  const inBreakouts = live?.stage === 'breakouts';
  const myBreakout = inBreakouts ? (items.find((b) => b.mine) ?? null) : null;
  // Facilitators visit the breakout they choose; a participant is in theirs unless they stepped back to the main room.
  const shown = !inBreakouts
    ? null
    : r?.isFacilitator
      ? (items.find((b) => b.id === visiting) ?? null)
      : stayInMain
        ? null
        : myBreakout;
  const breakout = useRoomFeed(connection, shown?.id ?? null, !!shown && !removed);

  const refreshRoom = () => {
    room.reload();
    sessions.reload();
  };
  useSocketEvent<{ roomId: string }>(connection.socket, 'chat:room', (event) => {
    if (event.roomId === id) refreshRoom();
  });
  useSocketEvent<{ roomId: string }>(connection.socket, 'chat:breakouts', (event) => {
    if (event.roomId !== id) return;
    setBreakoutTick((t) => t + 1);
    setStayInMain(false);
  });
  useSocketEvent<{ roomId: string }>(connection.socket, 'chat:muted', (event) => {
    if (event.roomId === id) room.reload();
  });
  useSocketEvent<{ roomId: string }>(connection.socket, 'chat:removed', (event) => {
    if (event.roomId === id) setRemoved(true);
  });

  useEffect(() => {
    const code = main.joinError?.code;
    if (code === 'REMOVED_FROM_ROOM') setRemoved(true);
    if (code === 'AGREEMENT_NOT_ACCEPTED') room.reload();
  }, [main.joinError]);

  // A mute ends on its own: the composer comes back when it does.
  const mutedUntil = r?.mutedUntil ? new Date(r.mutedUntil).getTime() : 0;
  useEffect(() => {
    const wait = mutedUntil - Date.now();
    if (wait <= 0) return;
    const timer = window.setTimeout(() => room.reload(), Math.min(wait + 500, 2 ** 31 - 1));
    return () => window.clearTimeout(timer);
  }, [mutedUntil]);

  // A refusal asks for re-affirmation in its own session only.
  useEffect(() => setMustReaffirm(false), [live?.id]);

  const onRefused = (code: string) => {
    if (code === 'AGREEMENT_NOT_ACCEPTED') {
      setMustReaffirm(true);
      room.reload();
    }
  };

  if (!r) {
    const removedNow = room.error instanceof ApiError && room.error.code === 'REMOVED_FROM_ROOM';
    const missing = room.error instanceof ApiError && [400, 404].includes(room.error.status);
    if (room.loading && !room.error) {
      return (
        <Page title="Chat room">
          <Loading what="Loading the room" />
        </Page>
      );
    }
    return (
      <Page title={removedNow ? 'You were removed from this room' : missing ? 'Room not found' : 'Chat room'}>
        {removedNow ? (
          <p>A facilitator removed you from this room.</p>
        ) : missing ? (
          <p>We could not find that room, or it is not open to you.</p>
        ) : (
          <FormStatus error={room.error} />
        )}
        <p>
          <a href="/chat">Back to the chats</a>
        </p>
      </Page>
    );
  }

  if (removed) {
    return (
      <Page title={r.title}>
        <p class="notice notice-error" role="alert">
          A facilitator removed you from this room. You can no longer read or write here.
        </p>
        <p>
          <a href="/chat">Back to the chats</a>
        </p>
      </Page>
    );
  }

  const closed = r.state === 'closed' || r.state === 'archived';
  const muted = !!r.mutedUntil && new Date(r.mutedUntil).getTime() > Date.now();
  const canWrite = !closed && (r.isFacilitator || (r.state !== 'paused' && !muted));
  const reaffirm =
    !!live &&
    !r.isFacilitator &&
    !!r.agreementVersion &&
    !gated &&
    r.reaffirmedThisSession !== true &&
    (live.stage === 'agreements' || mustReaffirm);
  const shared = { room: r, sessions: sessions.data?.items ?? [], meId: me?.id, socket: connection.socket, canWrite, onRefused };

  return (
    <Page title={r.title}>
      {me && <RoomFacts room={r} me={me} />}
      <StateBanner room={r} />
      {live && <StageBar session={live} />}
      <div class={r.isFacilitator ? 'chat-layout chat-layout-facilitated' : 'chat-layout'}>
        <div class="chat-main">
          {gated ? (
            <JoinAgreement
              room={r}
              onAccepted={(version) =>
                // Accepting during a live session is also that session's re-affirmation.
                room.setData(
                  (c) =>
                    c && {
                      ...c,
                      acceptedAgreementVersion: version,
                      reaffirmedThisSession: c.session ? true : c.reaffirmedThisSession,
                    },
                )
              }
            />
          ) : (
            <>
              {reaffirm && (
                <ReaffirmAgreement
                  room={r}
                  onAccepted={() => {
                    setMustReaffirm(false);
                    room.setData((c) => c && { ...c, reaffirmedThisSession: true });
                  }}
                />
              )}
              {shown ? (
                <BreakoutView
                  {...shared}
                  feed={breakout}
                  breakout={shown}
                  onBack={() => (r.isFacilitator ? setVisiting(null) : setStayInMain(true))}
                />
              ) : (
                <MainRoomView
                  {...shared}
                  feed={main}
                  myBreakout={r.isFacilitator ? null : myBreakout}
                  onGoToBreakout={() => setStayInMain(false)}
                />
              )}
            </>
          )}
        </div>
        {r.isFacilitator && (
          <FacilitatorPanel
            room={r}
            meId={me?.id}
            sessions={sessions.data?.items ?? []}
            breakouts={items}
            visiting={shown?.id ?? null}
            onVisit={setVisiting}
            onRoomChanged={refreshRoom}
            onBreakoutsChanged={() => setBreakoutTick((t) => t + 1)}
          />
        )}
      </div>
    </Page>
  );
}
