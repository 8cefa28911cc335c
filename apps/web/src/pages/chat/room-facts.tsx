import { formatDate } from '../../lib/labels';
import type { Me } from '../../lib/types';
import type { Room } from './chat-types';
import { useScopeLabel } from './use-scope-label';

/** Who the room is for, when it runs, and what anonymity and retention mean here. */
export function RoomFacts({ room, me }: { room: Room; me: Me }) {
  const scopeName = useScopeLabel(me, [room.scope]);
  return (
    <p class="muted chat-room-facts">
      {scopeName(room.scope)}
      {room.anonymous && ' · Anonymous: everyone appears as “Participant N”'}
      {room.startsAt && ` · ${formatDate(room.startsAt, true)}`}
      {room.endsAt && ` – ${formatDate(room.endsAt, true)}`}
      {room.retentionDays && ` · Messages are deleted ${room.retentionDays} days after a session ends`}
      {' · '}
      <a href="/chat">All chats</a>
    </p>
  );
}
