import { useState } from 'preact/hooks';
import { Checkbox, TextArea } from '../../../components/field';
import { FormStatus } from '../../../components/form-status';
import { SubmitButton } from '../../../components/submit-button';
import { api } from '../../../lib/api';
import { useSubmit } from '../../../lib/use-submit';
import type { ItemDetail } from './types';

const enc = encodeURIComponent;

/** An activity's written response: saved (and shared with the cohort when chosen), then marked done. */
export function ActivityResponse({ item, onChanged }: { item: ItemDetail; onChanged: (next: ItemDetail) => void }) {
  const form = useSubmit();
  const saved = item.progress.response;
  const [text, setText] = useState(saved?.body ?? '');
  const [shared, setShared] = useState(saved?.sharedWithCohort ?? false);

  const save = () =>
    form.submit(async () => {
      onChanged(
        await api.put<ItemDetail>(`/program/items/${enc(item.id)}/response`, { response: text, sharedWithCohort: shared }),
      );
      return shared
        ? 'Your response is saved and shared with your cohort.'
        : 'Your response is saved. Only you and your facilitators can read it.';
    });
  const complete = () =>
    form.submit(async () => {
      onChanged(await api.post<ItemDetail>(`/program/items/${enc(item.id)}/complete`));
      return 'Marked as done.';
    });

  return (
    <section aria-labelledby="your-response" class="section">
      <h2 id="your-response">Your response</h2>
      <form ref={form.formRef} class="form" onSubmit={form.onSubmit(() => save())}>
        <TextArea
          label="Response"
          name="response"
          rows={8}
          value={text}
          onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)}
          hint="Markdown works here. Your facilitators can read your response."
          error={form.fields.response}
          required
          maxLength={20000}
        />
        <Checkbox
          label="Share with my cohort"
          name="sharedWithCohort"
          checked={shared}
          onChange={(e) => setShared((e.currentTarget as HTMLInputElement).checked)}
          hint="Members of your cohort will see it under this activity."
        />
        <div class="actions">
          <SubmitButton busy={form.busy} busyLabel="Saving…">
            Save
          </SubmitButton>
          {item.progress.status !== 'done' && (
            <button type="button" class="button button-secondary" disabled={form.busy || !saved} onClick={() => void complete()}>
              Mark done
            </button>
          )}
        </div>
        {!saved && <p class="hint">Save a response before marking the activity done.</p>}
        {item.progress.status === 'done' && <p class="notice notice-success">You have done this activity.</p>}
        <FormStatus error={form.error} success={form.message} />
      </form>
      {saved && (
        <div class="card card-quiet">
          <h3>Saved response{saved.sharedWithCohort ? ' (shared with your cohort)' : ' (not shared)'}</h3>
          <div class="post-body" dangerouslySetInnerHTML={{ __html: saved.html }} />
        </div>
      )}
    </section>
  );
}
