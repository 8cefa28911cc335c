import { useState } from 'preact/hooks';
import { Checkbox, TextArea } from '../../../components/field';
import { FormStatus } from '../../../components/form-status';
import { SubmitButton } from '../../../components/submit-button';
import { api } from '../../../lib/api';
import { useAction, useSubmit } from '../../../lib/use-submit';
import { RSVP_WORDS } from './session-labels';
import type { RosterEntry, SessionDetail } from './types';

/** The facilitators' notes, saved as they go, and captured once as a knowledge-base draft. */
export function NotesEditor({ session, onSaved }: { session: SessionDetail; onSaved: (patch: Partial<SessionDetail>) => void }) {
  const [notes, setNotes] = useState(session.notes ?? '');
  const form = useSubmit();
  const capture = useAction();
  const save = form.onSubmit(() =>
    form.submit(async () => {
      const saved = await api.put<{ notes: string }>(`/program/sessions/${session.id}/notes`, { notes });
      onSaved({ notes: saved.notes });
      return 'Notes saved.';
    }),
  );
  const captureDraft = () =>
    capture.run(async () => {
      // What is captured is what is saved: save first so the draft holds the text on screen.
      await api.put(`/program/sessions/${session.id}/notes`, { notes });
      const result = await api.post<{ notesArticleId: string; article: { url: string } }>(
        `/program/sessions/${session.id}/notes/capture`,
      );
      onSaved({ notes, notesArticleId: result.notesArticleId });
      return (
        <>
          Captured as a knowledge draft: <a href={result.article.url}>open the draft</a>.
        </>
      );
    });

  return (
    <section class="section card" aria-labelledby="notes-heading">
      <h2 id="notes-heading">Facilitator notes</h2>
      <form class="form" ref={form.formRef} onSubmit={save} noValidate>
        <TextArea
          label="Notes"
          name="notes"
          rows={8}
          maxLength={50000}
          value={notes}
          onInput={(e) => setNotes((e.currentTarget as HTMLTextAreaElement).value)}
          hint="Markdown. Only the session’s facilitators see these notes."
          error={form.fields.notes}
        />
        <FormStatus error={form.error} success={form.message} />
        <div class="actions">
          <SubmitButton busy={form.busy} busyLabel="Saving…">
            Save notes
          </SubmitButton>
          {session.notesArticleId ? (
            <a class="button button-secondary" href={`/knowledge/a/${session.notesArticleId}`}>
              Open the knowledge draft
            </a>
          ) : (
            <button type="button" class="button button-secondary" onClick={() => void captureDraft()}>
              Capture as knowledge draft
            </button>
          )}
        </div>
      </form>
      <FormStatus error={capture.error} success={capture.message} />
    </section>
  );
}

/** Who came: one checkbox per person expected or who answered, saved together. */
export function AttendanceChecklist({
  session,
  onSaved,
}: {
  session: SessionDetail;
  onSaved: (attendance: RosterEntry[]) => void;
}) {
  const roster = session.attendance ?? [];
  const [checked, setChecked] = useState<Record<string, boolean>>(() =>
    Object.fromEntries(roster.map((r) => [r.person.id, r.attended === true])),
  );
  const form = useSubmit();
  const save = form.onSubmit(() =>
    form.submit(async () => {
      const entries = roster.map((r) => ({ userId: r.person.id, attended: checked[r.person.id] === true }));
      const result = await api.put<{ items: RosterEntry[] }>(`/program/sessions/${session.id}/attendance`, { entries });
      onSaved(result.items);
      return 'Attendance saved.';
    }),
  );

  return (
    <section class="section card" aria-labelledby="attendance-heading">
      <h2 id="attendance-heading">Attendance</h2>
      {roster.length === 0 ? (
        <p class="muted">Nobody is expected yet: people appear here once they answer.</p>
      ) : (
        <form class="form" ref={form.formRef} onSubmit={save} noValidate>
          <fieldset>
            <legend>Who attended</legend>
            {roster.map((r) => (
              <Checkbox
                key={r.person.id}
                label={r.person.displayName}
                name={`attended-${r.person.id}`}
                checked={checked[r.person.id] === true}
                onChange={(e) => setChecked({ ...checked, [r.person.id]: (e.currentTarget as HTMLInputElement).checked })}
                hint={r.rsvp ? `Answered: ${RSVP_WORDS[r.rsvp]}` : undefined}
              />
            ))}
          </fieldset>
          <FormStatus error={form.error} success={form.message} />
          <SubmitButton busy={form.busy} busyLabel="Saving…">
            Save attendance
          </SubmitButton>
        </form>
      )}
    </section>
  );
}
