import { useState } from 'preact/hooks';
import { FormStatus } from '../../components/form-status';
import { Loading } from '../../components/loading';
import { Page } from '../../components/page';
import { api } from '../../lib/api';
import { formatDate } from '../../lib/labels';
import type { Me } from '../../lib/types';
import { useLoad } from '../../lib/use-load';
import { roomStateLabel } from './chat-labels';
import type { Room } from './chat-types';
import { canCreateRooms, CreateRoomForm } from './create-room-form';
import { useScopeLabel } from './use-scope-label';

type Section = 'live' | 'open' | 'upcoming' | 'past';

const SECTIONS: { key: Section; title: string; empty: string }[] = [
  { key: 'live', title: 'Live now', empty: 'No session is running right now.' },
  { key: 'upcoming', title: 'Upcoming', empty: 'Nothing is scheduled.' },
  { key: 'open', title: 'Open rooms', empty: 'No other rooms are open.' },
  { key: 'past', title: 'Past', empty: 'No past rooms yet.' },
];

/** Where a room belongs in the list: a running session or its scheduled time now is live; closed or ended is past. */
export function sectionOf(room: Room, now = Date.now()): Section {
  const starts = room.startsAt ? new Date(room.startsAt).getTime() : null;
  const ends = room.endsAt ? new Date(room.endsAt).getTime() : null;
  if (room.state === 'closed' || room.state === 'archived' || (ends !== null && ends < now)) return 'past';
  if (room.session && !room.session.endedAt) return 'live';
  if (starts !== null && starts > now) return 'upcoming';
  if (starts !== null && starts <= now) return 'live';
  return 'open';
}

function RoomSummary({ room, scopeName }: { room: Room; scopeName: string }) {
  return (
    <article class="chat-room-summary">
      <h3 class="topic-title">
        <a href={`/chat/r/${room.id}`}>{room.title}</a>
        {room.anonymous && <span class="badge">Anonymous</span>}
        {room.isFacilitator && <span class="badge">You facilitate</span>}
      </h3>
      <p class="topic-meta muted">
        {scopeName}
        {room.startsAt && ` · ${formatDate(room.startsAt, true)}`}
        {room.endsAt && ` – ${formatDate(room.endsAt, true)}`}
        {room.state !== 'open' && ` · ${roomStateLabel(room.state)}`}
        {room.session && ` · Session ${room.session.number} running`}
      </p>
    </article>
  );
}

/** Chats for Change: the live dialogue rooms open to this person, and for those who run them, a new room. */
export function RoomsPage({ me }: { me: Me }) {
  const rooms = useLoad(() => api.get<{ items: Room[] }>('/rooms'), [me.id]);
  const [creating, setCreating] = useState(false);
  const items = rooms.data?.items ?? [];
  const scopeName = useScopeLabel(
    me,
    items.map((room) => room.scope),
  );
  return (
    <Page
      title="Chats for Change"
      intro="Live, facilitated dialogue rooms. Each room has agreements everyone accepts before joining."
    >
      {canCreateRooms(me) && (
        <div class="actions">
          <button
            type="button"
            class="button"
            aria-expanded={creating ? 'true' : 'false'}
            aria-controls="new-room"
            onClick={() => setCreating(!creating)}
          >
            {creating ? 'Cancel new room' : 'New room'}
          </button>
        </div>
      )}
      {creating && (
        <section id="new-room" class="card">
          <CreateRoomForm me={me} />
        </section>
      )}
      {rooms.loading && <Loading what="Loading the rooms" />}
      <FormStatus error={rooms.error} />
      {rooms.data &&
        SECTIONS.map((section) => {
          const inSection = items.filter((room) => sectionOf(room) === section.key);
          return (
            <section key={section.key} class="section" aria-labelledby={`rooms-${section.key}`}>
              <h2 id={`rooms-${section.key}`}>{section.title}</h2>
              {inSection.length ? (
                <ul class="topic-list">
                  {inSection.map((room) => (
                    <li key={room.id}>
                      <RoomSummary room={room} scopeName={scopeName(room.scope)} />
                    </li>
                  ))}
                </ul>
              ) : (
                <p class="muted">{section.empty}</p>
              )}
            </section>
          );
        })}
    </Page>
  );
}
