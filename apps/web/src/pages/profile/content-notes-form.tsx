import { useState } from 'preact/hooks';
import { SelectField, TextField } from '../../components/field';
import { FormStatus } from '../../components/form-status';
import { Loading } from '../../components/loading';
import { SubmitButton } from '../../components/submit-button';
import { api } from '../../lib/api';
import { parseList } from '../../lib/labels';
import { useLoad } from '../../lib/use-load';
import { useSubmit } from '../../lib/use-submit';

type Collapse = 'all' | 'listed' | 'none';
interface ForumPreferences {
  contentNotes: { collapse: Collapse; notes: string[] };
}

/** Which topics stay folded behind their content notes until this person chooses to open them. */
export function ContentNotesForm() {
  const saved = useLoad(() => api.get<ForumPreferences>('/me/forum-preferences'), []);
  return (
    <section class="card" aria-labelledby="content-notes-title">
      <h2 id="content-notes-title">Content notes</h2>
      <p class="hint">
        Topics can carry content notes, such as “discusses racial violence”. The notes are always shown first; choose which topics also keep
        their posts folded until you open them. Only you see this choice.
      </p>
      {saved.loading && <Loading what="Loading your choice" />}
      <FormStatus error={saved.error} />
      {saved.data && <ContentNotesChoice current={saved.data.contentNotes} />}
    </section>
  );
}

function ContentNotesChoice({ current }: { current: ForumPreferences['contentNotes'] }) {
  const form = useSubmit();
  const [collapse, setCollapse] = useState<Collapse>(current.collapse);
  const send = form.onSubmit((data) => {
    const notes = collapse === 'listed' ? parseList(String(data.get('notes') ?? '')) : [];
    if (form.invalid(collapse === 'listed' && !notes.length ? { notes: 'List at least one note, separated by commas.' } : {}, 'Please check your choice.')) return;
    return form.submit(async () => {
      await api.put('/me/forum-preferences/content-notes', { collapse, notes });
      return 'Saved. Topic pages follow your choice from now on.';
    });
  });
  return (
    <form class="form" ref={form.formRef} onSubmit={send} noValidate>
      <SelectField
        label="Fold a topic's posts"
        name="collapse"
        value={collapse}
        onChange={(event) => setCollapse((event.currentTarget as HTMLSelectElement).value as Collapse)}
        options={[
          { value: 'all', label: 'When it has any content note' },
          { value: 'listed', label: 'Only when it has one of the notes I list' },
          { value: 'none', label: 'Never (show the notes, then the posts)' },
        ]}
      />
      {collapse === 'listed' && (
        <TextField
          label="Notes to fold (comma-separated)"
          name="notes"
          defaultValue={current.notes.join(', ')}
          hint="For example: discusses racial violence, graphic injury. Capitals do not matter."
          error={form.fields.notes}
        />
      )}
      <FormStatus error={form.error} success={form.message} />
      <div class="actions">
        <SubmitButton busy={form.busy} secondary>
          Save
        </SubmitButton>
      </div>
    </form>
  );
}
