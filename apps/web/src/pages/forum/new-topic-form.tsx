import { SelectField, TextField } from '../../components/field';
import { FormStatus } from '../../components/form-status';
import { Loading } from '../../components/loading';
import { SubmitButton } from '../../components/submit-button';
import { api, ApiError } from '../../lib/api';
import type { Space, Topic } from '../../lib/forum-types';
import { formatDate, parseList } from '../../lib/labels';
import { navigate } from '../../lib/router';
import { useSubmit } from '../../lib/use-submit';
import { AnonymousCheckbox } from './forum-ui';
import { MarkdownComposer } from './markdown-composer';
import { PHASE_OPTIONS, phaseLabel } from './phases';
import { useSpaceDraft, type DraftStatus } from './use-space-draft';

const KINDS = [
  { value: 'discussion', label: 'Discussion', hint: 'An open conversation.' },
  { value: 'question', label: 'Question', hint: 'You or a facilitator can mark one reply as the answer.' },
] as const;

const timeOf = (iso: string | null) =>
  iso ? new Date(iso).toLocaleTimeString(undefined, { hour: 'numeric', minute: '2-digit' }) : '';

/** Said once per change and kept while the next save runs, so a screen reader hears it about once a minute at most. */
function draftMessage(status: DraftStatus, savedAt: string | null): string {
  if (status === 'failed') return 'Your draft could not be saved. Keep this page open, or copy your text.';
  if (savedAt && status !== 'idle') return `Draft saved at ${timeOf(savedAt)}`;
  if (savedAt) return `Your draft from ${formatDate(savedAt, true)} is back; it saves as you write.`;
  return '';
}

export function NewTopicForm({ space, onAgreementNeeded }: { space: Space; onAgreementNeeded: () => void }) {
  const form = useSubmit();
  const draft = useSpaceDraft(space.id);

  const send = form.onSubmit((data) => {
    const title = draft.title.trim();
    const body = draft.body;
    const problems: Record<string, string> = {};
    if (!title) problems.title = 'Enter a title.';
    if (!body.trim()) problems.body = 'Write something to start the conversation.';
    if (form.invalid(problems, 'Please check the topic before posting.')) return;
    const tags = parseList(String(data.get('tags') ?? ''));
    const contentNotes = parseList(String(data.get('contentNotes') ?? ''));
    const phase = Number(data.get('phase') ?? '');
    return form.submit(async () => {
      await draft.settle();
      try {
        const topic = await api.post<Topic>(`/spaces/${encodeURIComponent(space.id)}/topics`, {
          title,
          body,
          kind: data.get('kind') === 'question' ? 'question' : 'discussion',
          ...(phase ? { phase } : {}),
          ...(tags.length ? { tags } : {}),
          ...(contentNotes.length ? { contentNotes } : {}),
          ...(space.settings.allowAnonymous && data.get('anonymous') ? { anonymous: true } : {}),
        });
        // The server removed the draft along with creating the topic.
        draft.finish();
        navigate(`/forum/t/${topic.id}`);
      } catch (failure) {
        void draft.saveNow();
        if (failure instanceof ApiError && failure.code === 'AGREEMENT_NOT_ACCEPTED') onAgreementNeeded();
        throw failure;
      }
    });
  });

  if (!draft.loaded) return <Loading what="Loading your draft" />;
  const hasDraft = !!(draft.title || draft.body);

  return (
    <section class="card" aria-labelledby="new-topic-title">
      <h2 id="new-topic-title">New topic</h2>
      <form class="form" ref={form.formRef} onSubmit={send} noValidate>
        <TextField
          label="Title"
          name="title"
          maxLength={200}
          required
          error={form.fields.title}
          value={draft.title}
          onInput={(event) => draft.edit({ title: (event.currentTarget as HTMLInputElement).value })}
        />
        <MarkdownComposer
          label="Body"
          name="body"
          rows={8}
          required
          error={form.fields.body}
          previewPath={`/spaces/${encodeURIComponent(space.id)}/preview`}
          value={draft.body}
          onInput={(body) => draft.edit({ body })}
        />
        <p role="status" aria-live="polite" class="draft-status muted">
          {draftMessage(draft.status, draft.savedAt)}
        </p>
        <fieldset class="choice-group">
          <legend>Kind of topic</legend>
          {KINDS.map((kind, index) => (
            <div class="field-check choice" key={kind.value}>
              <input
                type="radio"
                id={`kind-${kind.value}`}
                name="kind"
                value={kind.value}
                defaultChecked={index === 0}
                aria-describedby={`kind-${kind.value}-hint`}
              />
              <label for={`kind-${kind.value}`}>{kind.label}</label>
              <p id={`kind-${kind.value}-hint`} class="hint">
                {kind.hint}
              </p>
            </div>
          ))}
        </fieldset>
        <SelectField
          label="Phase"
          name="phase"
          empty={space.phase ? `Same as the space (${phaseLabel(space.phase)})` : 'No phase'}
          options={PHASE_OPTIONS}
          defaultValue=""
          optional
          error={form.fields.phase}
        />
        <TextField
          label="Tags (comma-separated)"
          name="tags"
          optional
          hint="Up to 10, for example: curriculum, assessment."
          error={form.fields.tags}
        />
        <TextField
          label="Content notes (comma-separated)"
          name="contentNotes"
          optional
          hint="Shown before the topic so readers can choose when to read it, for example: discusses racial violence."
          error={form.fields.contentNotes}
        />
        {space.settings.allowAnonymous && <AnonymousCheckbox />}
        <FormStatus error={form.error} />
        <div class="actions">
          <SubmitButton busy={form.busy} busyLabel="Posting…">
            Post topic
          </SubmitButton>
          {hasDraft && (
            <button type="button" class="button button-secondary" onClick={() => void draft.discard()} disabled={form.busy}>
              Discard draft
            </button>
          )}
        </div>
      </form>
    </section>
  );
}
