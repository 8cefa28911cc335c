import { useEffect, useRef, useState } from 'preact/hooks';
import { FormStatus } from '../../components/form-status';
import { Loading } from '../../components/loading';
import { api } from '../../lib/api';
import { formatDate } from '../../lib/labels';
import { useLoad } from '../../lib/use-load';
import type { ChatAgreement, Room } from './chat-types';

const enc = encodeURIComponent;

/** Whether the reader must accept the room's agreements before joining (facilitators publish them). */
export const needsAgreement = (room: Room) =>
  !room.isFacilitator && !!room.agreementVersion && room.acceptedAgreementVersion !== room.agreementVersion;

interface AgreementCardProps {
  room: Room;
  title: string;
  intro: string;
  button: string;
  onAccepted: (version: number) => void;
}

function AgreementCard({ room, title, intro, button, onAccepted }: AgreementCardProps) {
  const agreement = useLoad(() => api.get<ChatAgreement>(`/rooms/${enc(room.id)}/agreement`), [room.id, room.agreementVersion]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const headingId = `agreement-${room.id}`;

  async function accept() {
    if (!agreement.data) return;
    setBusy(true);
    setError(null);
    try {
      const result = await api.post<{ version: number; sessionId: string | null }>(`/rooms/${enc(room.id)}/agreement/accept`, {
        version: agreement.data.version,
      });
      onAccepted(result.version);
    } catch (failure) {
      setError(failure);
      // A newer version may have been published meanwhile: show that one.
      agreement.reload();
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="card agreement chat-agreement" aria-labelledby={headingId}>
      <h2 id={headingId} ref={heading} tabIndex={-1}>
        {title}
      </h2>
      <p>{intro}</p>
      {agreement.loading && <Loading what="Loading the agreements" />}
      {agreement.data && (
        <>
          <div class="agreement-text prewrap">{agreement.data.body}</div>
          <p class="muted">
            Version {agreement.data.version}, published {formatDate(agreement.data.publishedAt)}
          </p>
          <div class="actions">
            <button type="button" class="button" onClick={accept} disabled={busy}>
              {button}
            </button>
          </div>
        </>
      )}
      <FormStatus error={error ?? agreement.error} />
    </section>
  );
}

/** Before joining: the agreements everyone in the room shares. */
export function JoinAgreement({ room, onAccepted }: { room: Room; onAccepted: (version: number) => void }) {
  return (
    <AgreementCard
      room={room}
      title="Community agreements"
      intro="Before you join this room, please read the agreements everyone here shares, and accept them."
      button="I accept these agreements"
      onAccepted={onAccepted}
    />
  );
}

/** During a session's agreements stage: everyone affirms the agreements again, for this session. */
export function ReaffirmAgreement({ room, onAccepted }: { room: Room; onAccepted: () => void }) {
  const wrapper = useRef<HTMLDivElement>(null);
  // The prompt appears mid-conversation: its heading takes focus so it is not missed.
  useEffect(() => wrapper.current?.querySelector<HTMLElement>('h2')?.focus(), []);
  return (
    <div ref={wrapper}>
      <AgreementCard
        room={room}
        title="Re-affirm the agreements for this session"
        intro="The facilitators ask everyone to affirm the room's agreements again before the conversation goes on."
        button="I re-affirm these agreements"
        onAccepted={() => onAccepted()}
      />
    </div>
  );
}
