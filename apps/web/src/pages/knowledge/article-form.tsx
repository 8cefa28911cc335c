import { useState } from 'preact/hooks';
import { Checkbox, SelectField, TextArea, TextField } from '../../components/field';
import { FormStatus } from '../../components/form-status';
import { SubmitButton } from '../../components/submit-button';
import { parseList } from '../../lib/labels';
import type { Me } from '../../lib/types';
import { useSubmit } from '../../lib/use-submit';
import { scopeLabel } from '../forum/forum-ui';
import { MarkdownComposer } from '../forum/markdown-composer';
import { PHASES, phaseLabel } from '../forum/phases';
import { AttachmentsEditor } from './attachments-editor';
import { ARTICLE_TYPES, scopeOptions } from './knowledge-labels';
import type { Attachment, FullArticle } from './knowledge-types';

/** What the form sends; `scope` only when creating, `note` only when editing. */
export interface ArticleInput {
  title: string;
  summary: string;
  type: string;
  phases: number[];
  tags: string[];
  body: string;
  attachments: Attachment[];
  verificationIntervalDays: number;
  scope?: string;
  note?: string;
}

interface Props {
  me: Me;
  /** The article being edited; a new one when absent. */
  article?: FullArticle;
  submitLabel: string;
  onSave: (input: ArticleInput) => Promise<void>;
}

/** Title, summary, type, phases, tags, scope, body, attachments and the review interval. */
export function ArticleForm({ me, article, submitLabel, onSave }: Props) {
  const form = useSubmit();
  const [body, setBody] = useState(article?.body ?? '');
  const [attachments, setAttachments] = useState<Attachment[]>(article?.attachments ?? []);
  const f = form.fields;

  const send = form.onSubmit((data) => {
    const title = String(data.get('title') ?? '').trim();
    const days = Number(data.get('verificationIntervalDays'));
    const tags = parseList(String(data.get('tags') ?? ''));
    const problems: Record<string, string> = {};
    if (!title) problems.title = 'Give the article a title.';
    if (!body.trim()) problems.body = 'Write the article’s text.';
    if (tags.length > 10) problems.tags = 'At most 10 tags.';
    if (!(Number.isInteger(days) && days >= 1 && days <= 3650)) problems.verificationIntervalDays = 'Enter a number of days from 1 to 3650.';
    if (attachments.some((a) => !a.title.trim() || !/^https?:\/\//i.test(a.url.trim())))
      problems.attachments = 'Each attachment needs a title and a full http(s) address.';
    if (form.invalid(problems, 'Please check the article.')) return;
    const note = String(data.get('note') ?? '').trim();
    return form.submit(() =>
      onSave({
        title,
        summary: String(data.get('summary') ?? '').trim(),
        type: String(data.get('type')),
        phases: data.getAll('phases').map(Number),
        tags,
        body,
        attachments: attachments.map((a) => ({ kind: a.kind, title: a.title.trim(), url: a.url.trim() })),
        verificationIntervalDays: days,
        ...(article ? (note ? { note } : {}) : { scope: String(data.get('scope')) }),
      }),
    );
  });

  return (
    <form class="form article-form" ref={form.formRef} onSubmit={send} noValidate>
      <TextField label="Title" name="title" maxLength={200} required defaultValue={article?.title} error={f.title} />
      <TextArea label="Summary" name="summary" rows={2} maxLength={1000} optional defaultValue={article?.summary ?? ''} error={f.summary} />
      <SelectField label="Type" name="type" options={ARTICLE_TYPES} defaultValue={article?.type ?? 'guide'} error={f.type} />
      <fieldset class="field">
        <legend>Phases</legend>
        {PHASES.map((p) => (
          <Checkbox key={p.value} label={phaseLabel(p.value)} name="phases" value={String(p.value)} defaultChecked={article?.phases.includes(p.value)} />
        ))}
      </fieldset>
      <TextField label="Tags (comma-separated)" name="tags" defaultValue={article?.tags.join(', ') ?? ''} hint="At most 10." error={f.tags} />
      {article ? (
        <p>
          <strong>Shared with:</strong> {scopeLabel(article.scope, me)}
        </p>
      ) : (
        <SelectField label="Who can see it once published" name="scope" options={scopeOptions(me)} defaultValue="consortium" error={f.scope} />
      )}
      <MarkdownComposer label="Body" name="body" rows={14} previewPath="/knowledge/articles/preview" value={body} onInput={setBody} error={f.body} required />
      <AttachmentsEditor rows={attachments} onChange={setAttachments} />
      {f.attachments && <p class="field-error">{f.attachments}</p>}
      <TextField
        label="Review every (days)"
        name="verificationIntervalDays"
        type="number"
        inputMode="numeric"
        min={1}
        max={3650}
        defaultValue={String(article?.verificationIntervalDays ?? 90)}
        hint="After this long, the article shows “Needs review” until its owner verifies it."
        error={f.verificationIntervalDays}
      />
      {article && <TextField label="Note about this change" name="note" maxLength={300} optional error={f.note} />}
      <FormStatus error={form.error} success={form.message} />
      <div class="actions">
        <SubmitButton busy={form.busy} busyLabel="Saving…">
          {submitLabel}
        </SubmitButton>
      </div>
    </form>
  );
}
