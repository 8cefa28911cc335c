import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { BreakoutTools } from './facilitator-breakouts';
import { ParticipantsTool, ParticipationTool } from './facilitator-people';
import { FlagsTool, TranscriptTool } from './facilitator-records';
import { RoomStateForm, SessionControls } from './facilitator-session';
import type { Breakout, Room, Session } from './chat-types';

/** One collapsible tool; its content (and what it loads) is there only while it is open. */
function Tool({
  title,
  initiallyOpen = false,
  children,
}: {
  title: string;
  initiallyOpen?: boolean;
  children: () => ComponentChildren;
}) {
  const [open, setOpen] = useState(initiallyOpen);
  return (
    <details class="tool" open={open} onToggle={(event) => setOpen((event.currentTarget as HTMLDetailsElement).open)}>
      <summary>{title}</summary>
      {open && children()}
    </details>
  );
}

interface FacilitatorPanelProps {
  room: Room;
  meId: string | undefined;
  sessions: Session[];
  breakouts: Breakout[];
  visiting: string | null;
  onVisit: (breakoutId: string | null) => void;
  onRoomChanged: () => void;
  onBreakoutsChanged: () => void;
}

/** What the room's facilitators use to run it. Shown to them only; the server checks every action again. */
export function FacilitatorPanel({
  room,
  meId,
  sessions,
  breakouts,
  visiting,
  onVisit,
  onRoomChanged,
  onBreakoutsChanged,
}: FacilitatorPanelProps) {
  const live = !!room.session;
  return (
    <aside class="card panel chat-facilitator" aria-labelledby={`facilitate-${room.id}`}>
      <h2 id={`facilitate-${room.id}`}>Facilitation</h2>
      <Tool title="Session and stage" initiallyOpen>
        {() => <SessionControls room={room} onChanged={onRoomChanged} />}
      </Tool>
      <Tool title="Room state">{() => <RoomStateForm room={room} onChanged={onRoomChanged} />}</Tool>
      {live && (
        <Tool title="Breakouts">
          {() => (
            <BreakoutTools
              room={room}
              meId={meId}
              breakouts={breakouts}
              visiting={visiting}
              onVisit={onVisit}
              onChanged={onBreakoutsChanged}
            />
          )}
        </Tool>
      )}
      <Tool title="Participants">{() => <ParticipantsTool room={room} meId={meId} />}</Tool>
      <Tool title="Participation balance">{() => <ParticipationTool room={room} />}</Tool>
      <Tool title="Reports">{() => <FlagsTool room={room} />}</Tool>
      <Tool title="Transcripts">{() => <TranscriptTool room={room} sessions={sessions} />}</Tool>
    </aside>
  );
}
