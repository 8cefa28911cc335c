import { Fact } from '../../../components/fact';
import { FormStatus } from '../../../components/form-status';
import { Loading } from '../../../components/loading';
import { Page } from '../../../components/page';
import { api, ApiError } from '../../../lib/api';
import type { Me } from '../../../lib/types';
import { useLoad } from '../../../lib/use-load';
import { useAction } from '../../../lib/use-submit';
import { useScopeLabel } from '../../chat/use-scope-label';
import { phaseLabel } from '../../forum/phases';
import { NotFoundPage } from '../../not-found.page';
import { AttendanceChecklist, NotesEditor } from './session-facilitation';
import { kindLabel, plannedText, RSVP_OPTIONS, viewerTimeZone, whenText } from './session-labels';
import type { RsvpAnswer, RsvpCounts, SessionDetail } from './types';

export function SessionPage({ id, me }: { id: string; me: Me }) {
  const session = useLoad(() => api.get<SessionDetail>(`/program/sessions/${encodeURIComponent(id)}`), [id]);
  const scopeLabel = useScopeLabel(me, session.data ? [session.data.audience] : []);

  if (session.loading && !session.data) {
    return (
      <Page title="Session">
        <Loading what="Loading the session" />
      </Page>
    );
  }
  if (!session.data) {
    // Out of scope and missing look the same, on purpose.
    if (session.error instanceof ApiError && [400, 404].includes(session.error.status)) return <NotFoundPage />;
    return (
      <Page title="Session">
        <FormStatus error={session.error} />
      </Page>
    );
  }

  const s = session.data;
  const set = (patch: Partial<SessionDetail>) => session.setData((current) => (current ? { ...current, ...patch } : current));
  return (
    <Page title={s.title}>
      <p>
        <a href="/calendar">Calendar</a>
        {s.parent && (
          <>
            {' · '}
            Part of <a href={`/program/sessions/${s.parent.id}`}>{s.parent.title}</a>
          </>
        )}
      </p>
      {s.cancelled && (
        <div class="notice notice-error" role="note">
          <p>This session was cancelled.</p>
        </div>
      )}
      <dl class="facts">
        <Fact term="When">
          {whenText(s.startsAt, s.endsAt)} <span class="muted">(your time, {viewerTimeZone()})</span>
          {s.timeZone !== viewerTimeZone() && (
            <>
              <br />
              <span class="muted">
                Planned as {plannedText(s.startsAt, s.timeZone)} ({s.timeZone})
              </span>
            </>
          )}
        </Fact>
        <Fact term="Kind">{kindLabel(s.kind)}</Fact>
        {s.phase && <Fact term="Phase">{phaseLabel(s.phase)}</Fact>}
        <Fact term="For">{scopeLabel(s.audience)}</Fact>
        {s.location && <Fact term="Where">{s.location}</Fact>}
        {s.joinUrl && (
          <Fact term="Join">
            <a href={s.joinUrl} rel="noopener noreferrer">
              Join online
            </a>
          </Fact>
        )}
        {s.room && (
          <Fact term="Dialogue room">
            <a href={s.room.url}>Open the dialogue room</a>
          </Fact>
        )}
        <Fact term="Facilitators">{s.facilitators.map((f) => f.displayName).join(', ') || '—'}</Fact>
      </dl>
      <p>
        <a href={s.icsUrl} download>
          Add to calendar (.ics)
        </a>
      </p>
      <RsvpButtons session={s} onAnswered={(myRsvp, rsvpCounts) => set({ myRsvp, rsvpCounts })} />
      {s.description && <p class="prewrap">{s.description}</p>}
      {s.agendaHtml && (
        <section class="section" aria-labelledby="agenda-heading">
          <h2 id="agenda-heading">Agenda</h2>
          {/* Rendered and sanitised by the server. */}
          <div class="post-body" dangerouslySetInnerHTML={{ __html: s.agendaHtml }} />
        </section>
      )}
      {s.prework.length > 0 && (
        <section class="section" aria-labelledby="prework-heading">
          <h2 id="prework-heading">Pre-work</h2>
          <ul>
            {s.prework.map((p) => (
              <li key={`${p.kind}-${p.id}`}>
                <a href={p.url}>{p.title}</a>{' '}
                <span class="muted">({p.kind === 'item' ? 'learning path' : 'knowledge base'})</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {s.subSessions.length > 0 && (
        <section class="section" aria-labelledby="sub-heading">
          <h2 id="sub-heading">Programme</h2>
          <ul class="row-list">
            {s.subSessions.map((sub) => (
              <li key={sub.id}>
                <span>
                  <a href={sub.url}>{sub.title}</a> <span class="muted">{whenText(sub.startsAt, sub.endsAt)}</span>
                </span>
                {sub.cancelled && <span class="badge">Cancelled</span>}
              </li>
            ))}
          </ul>
        </section>
      )}
      {s.can.run && (
        <>
          <NotesEditor session={s} onSaved={set} />
          <AttendanceChecklist session={s} onSaved={(attendance) => set({ attendance })} />
        </>
      )}
      {s.can.edit && !s.cancelled && <CancelSession session={s} onCancelled={session.reload} />}
    </Page>
  );
}

/** Yes / No / Maybe, the current answer pressed. */
function RsvpButtons({
  session,
  onAnswered,
}: {
  session: SessionDetail;
  onAnswered: (answer: RsvpAnswer, counts: RsvpCounts) => void;
}) {
  const action = useAction();
  const counts = session.rsvpCounts;
  const answer = (value: RsvpAnswer) =>
    action.run(async () => {
      const result = await api.put<{ answer: RsvpAnswer; rsvpCounts: RsvpCounts }>(`/program/sessions/${session.id}/rsvp`, {
        answer: value,
      });
      onAnswered(result.answer, result.rsvpCounts);
      return 'Your answer is saved.';
    });
  return (
    <section class="section" aria-labelledby="rsvp-heading">
      <h2 id="rsvp-heading">Will you come?</h2>
      {session.can.rsvp ? (
        <div class="actions" role="group" aria-labelledby="rsvp-heading">
          {RSVP_OPTIONS.map((option) => (
            <button
              key={option.value}
              type="button"
              class="button button-secondary"
              aria-pressed={session.myRsvp === option.value ? 'true' : 'false'}
              onClick={() => void answer(option.value)}
            >
              {option.label}
            </button>
          ))}
        </div>
      ) : (
        <p class="muted">{session.cancelled ? 'This session was cancelled.' : 'This session has ended.'}</p>
      )}
      <p class="muted">
        {counts.yes} going · {counts.maybe} maybe · {counts.no} not going
      </p>
      <FormStatus error={action.error} success={action.message} />
    </section>
  );
}

function CancelSession({ session, onCancelled }: { session: SessionDetail; onCancelled: () => void }) {
  const action = useAction();
  const cancel = () =>
    action.run(async () => {
      if (!window.confirm('Cancel this session? Everyone sees it as cancelled, and calendars mark it cancelled.')) return;
      await api.delete(`/program/sessions/${session.id}`);
      onCancelled();
    });
  return (
    <section class="section">
      <button type="button" class="button button-danger" onClick={() => void cancel()}>
        Cancel session
      </button>
      <FormStatus error={action.error} />
    </section>
  );
}
